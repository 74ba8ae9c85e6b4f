import ATSSync
import ATSSyncPostgres
import ATSSyncSQLite
import Foundation
import Logging

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
    /// account's lock (PostgreSQL's advisory lock; a SQLite file is one process's by its own lock).
    func withStore(
        logger: Logger,
        _ body: (any SyncStore, @escaping AccountLock) async throws -> Void
    ) async throws {
        switch self {
        case .sqlite(let path):
            try SQLiteFileCheck.check(path)
            let store = try SQLiteSyncStore(path: path)
            try await store.prepare()
            try await body(store) { _, work in
                try await work()
                return true
            }
        case .postgres(let url):
            // The pool's own chatter (for example that its run loop is still starting) is not news to a
            // person running a command; failures reach them as errors.
            var quiet = logger
            quiet.logLevel = .error
            try await withPostgresSyncStore(url: url, logger: quiet) { store in
                try await body(store) { account, work in
                    try await store.withAccountLock(account) { try await work() } != nil
                }
            }
        }
    }

    /// Runs work while holding an account's lock; answers false, without running it, when another
    /// process holds the lock.
    typealias AccountLock = @Sendable (_ account: String, _ work: () async throws -> Void) async throws -> Bool
}
