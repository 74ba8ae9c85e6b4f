import ATSSync
import ATSSyncPostgres
import ATSSyncSQLite
import Foundation
import Logging
import Synchronization

/// Where `ats sync` keeps the mirror: a SQLite file or a PostgreSQL database.
enum SyncDatabase: CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresDatabaseURL)

    /// Reads `--database`: a `postgres://` or `postgresql://` URL, or else a SQLite file path.
    /// - Throws: ``CommandFailure`` for a PostgreSQL URL that cannot be used.
    init(_ text: String) throws {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            do {
                self = .postgres(try PostgresDatabaseURL(text))
            } catch {
                throw CommandFailure.usage("--database: \(error)")
            }
            return
        }
        guard !text.isEmpty else {
            throw CommandFailure.usage(
                "--database is empty; give a SQLite file such as tracker.sqlite or a postgres:// URL.")
        }
        self = .sqlite(path: text)
    }

    /// The database for people: the path, or the URL without its password.
    var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }

    /// Opens the store, prepares its tables, and runs `body` with it and a way to hold the
    /// account's lock.
    ///
    /// A SQLite mirror has one writer: this process holds ``SQLiteMirrorLock`` from before the file
    /// is opened until `body` ends, so the account lock it hands `body` always succeeds. PostgreSQL
    /// mirrors share a database between processes, one account each at a time (its advisory lock).
    /// - Parameters:
    ///   - logger: The store's logger.
    ///   - lockWait: How long to wait for another sync to let go of the mirror or account: `.zero`
    ///     refuses at once, nil waits as long as it takes.
    ///   - body: The work.
    func withStore(
        logger: Logger,
        lockWait: Duration? = .zero,
        _ body: (any SyncStore, @escaping AccountLock) async throws -> Void
    ) async throws {
        switch self {
        case .sqlite(let path):
            try SQLiteFileCheck.check(path)
            do {
                try await SQLiteMirrorLock.withLock(mirror: path, waitingUpTo: lockWait, onWait: Self.sayWaiting) {
                    _ = try SQLiteFileCheck.mirrorContents(path)
                    try await Self.withSQLiteStore(path: path) { store in
                        try await body(store) { _, work in
                            try await work()
                            return true
                        }
                    }
                }
            } catch let busy as SQLiteMirrorLock.Busy {
                throw CommandFailure.failed(Self.refusal(busy, waited: lockWait))
            }
        case .postgres(let url):
            // The pool's own chatter (for example that its run loop is still starting) is not news to a
            // person running a command; failures reach them as errors.
            var quiet = logger
            quiet.logLevel = .error
            try await withPostgresSyncStore(url: url, logger: quiet) { store in
                try await body(store) { account, work in
                    try await Self.holdingAccountLock(account, in: store, waitingUpTo: lockWait, work)
                }
            }
        }
    }

    /// Opens a checked SQLite mirror (the lock held) and runs `body`. A first sync that fails before
    /// storing a record removes the file it created, so no empty mirror is left behind; a file that
    /// was there before is never removed.
    private static func withSQLiteStore(path: String, _ body: (SQLiteSyncStore) async throws -> Void) async throws {
        let store = try SQLiteSyncStore(path: path)
        if !store.createdFile, let mode = SQLiteMirrorFile.permissionsReadableByOthers(at: path),
            warnedAboutPermissions.withLock({ $0.insert(path).inserted })
        {
            standardError(
                "Warning: \(path) can be read by other users of this machine (permissions \(String(mode, radix: 8))); "
                    + "it holds personal data. Make it private with: chmod 600 \(path)\n")
        }
        do {
            try await store.prepare()
            try await body(store)
        } catch {
            if store.createdFile, (try? await store.holdsRecords()) == false {
                try? store.close()
                SQLiteMirrorFile.remove(at: path)
            }
            throw error
        }
    }

    /// Mirrors this process has already warned about (a --watch opens its mirror every pass).
    private static let warnedAboutPermissions = Mutex<Set<String>>([])

    private static func sayWaiting(_ holder: SQLiteMirrorLock.Holder?) {
        standardError("Another sync is running\(holder.map { " (\($0))" } ?? ""); waiting for it to finish.\n")
    }

    private static func refusal(_ busy: SQLiteMirrorLock.Busy, waited: Duration?) -> String {
        let who = busy.holder.map { " (\($0))" } ?? ""
        if let waited, waited > .zero {
            return "Another sync is still running\(who) on \(busy.path) after waiting \(waited). Nothing was "
                + "written; run this again when it has finished, or wait longer with --wait-for-lock."
        }
        return "Another sync is running\(who) on \(busy.path). This one did not start, and nothing was written. "
            + "Run it again when that one has finished, or pass --wait-for-lock [SECONDS] to wait for it."
    }

    /// Runs `work` holding a PostgreSQL account lock, trying again until `limit` has passed.
    private static func holdingAccountLock(
        _ account: String, in store: PostgresSyncStore, waitingUpTo limit: Duration?, _ work: () async throws -> Void
    ) async throws -> Bool {
        let deadline = limit.map { ContinuousClock.now.advanced(by: $0) }
        var told = false
        while true {
            if try await store.withAccountLock(account, { try await work() }) != nil { return true }
            let remaining = deadline.map { ContinuousClock.now.duration(to: $0) }
            if let remaining, remaining <= .zero { return false }
            if !told {
                standardError("Another sync is running on account \(account); waiting for it to finish.\n")
                told = true
            }
            try await Task.sleep(for: min(remaining ?? .milliseconds(500), .milliseconds(500)))
        }
    }

    /// Runs work while holding an account's lock; answers false, without running it, when another
    /// process holds the lock.
    typealias AccountLock = @Sendable (_ account: String, _ work: () async throws -> Void) async throws -> Bool
}
