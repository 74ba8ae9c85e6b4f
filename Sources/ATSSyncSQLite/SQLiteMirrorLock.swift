public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One writer per SQLite mirror: an OS advisory lock (`flock`) on a lock file beside the mirror
/// (`tracker.sqlite-lock`), held for as long as a sync or a demo uses the mirror.
///
/// The kernel releases the lock when the holder's process ends, however it ends, so a killed sync
/// cannot leave the mirror locked. The lock is on a file of its own rather than on the database:
/// SQLite locks the database with `fcntl` byte-range locks, which a second descriptor on the same
/// file would release when closed, and which `flock` locks interact with on some systems.
///
/// The holder writes its process id and the time it took the lock into the file, so that a refused
/// run can say who holds the mirror. The holder removes the file when it lets go; a process that
/// locked a file that was meanwhile removed or replaced notices (the path no longer names the file
/// it locked) and tries again, so two processes can never both believe they hold the lock.
public enum SQLiteMirrorLock {
    /// The process holding a mirror.
    public struct Holder: Sendable, Hashable, CustomStringConvertible {
        /// Its process id.
        public var processID: Int32
        /// When it took the lock.
        public var since: Date

        /// "pid 4242, since 2026-12-04T18:55:02Z".
        public var description: String {
            "pid \(processID), since \(since.formatted(Date.ISO8601FormatStyle()))"
        }
    }

    /// Another process holds the mirror (and, with a wait, still held it when the wait ended).
    public struct Busy: Error, Sendable, CustomStringConvertible {
        /// The mirror.
        public var path: String
        /// Who holds it, when its lock file says (nil for the moment after it took the lock and
        /// before it wrote its name).
        public var holder: Holder?

        /// "another sync is running (pid 4242, since …) on tracker.sqlite".
        public var description: String {
            "another sync is running" + (holder.map { " (\($0))" } ?? "") + " on \(path)"
        }
    }

    /// The lock file of a mirror.
    public static func lockPath(forMirror path: String) -> String { path + "-lock" }

    /// Runs `body` while this process holds the mirror's lock.
    /// - Parameters:
    ///   - path: The mirror's path.
    ///   - limit: How long to wait for another holder to finish: `.zero` (the default) refuses at
    ///     once, nil waits as long as it takes.
    ///   - onWait: Called once, with the holder, when this call has to wait.
    ///   - body: The work.
    /// - Returns: What `body` returns.
    /// - Throws: ``Busy`` when another process holds the lock past `limit`; ``SQLiteStoreError`` when
    ///   the lock file cannot be created; `CancellationError` when cancelled while waiting; what
    ///   `body` throws.
    @discardableResult
    public static func withLock<Result>(
        mirror path: String,
        waitingUpTo limit: Duration? = .zero,
        onWait: (Holder?) -> Void = { _ in },
        _ body: () async throws -> Result
    ) async throws -> Result {
        let held = try await acquire(mirror: path, waitingUpTo: limit, onWait: onWait)
        defer { held.release() }
        return try await body()
    }

    private struct Held {
        let descriptor: Int32
        let path: String

        func release() {
            // Removed while still locked, so that no one can lock this file after it is gone from
            // the folder; a process that locked it meanwhile sees the path gone and tries again.
            unlink(path)
            close(descriptor)
        }
    }

    private enum Attempt {
        case acquired(Held)
        case busy(Holder?)
        case lockedARemovedFile
    }

    private static func acquire(
        mirror path: String, waitingUpTo limit: Duration?, onWait: (Holder?) -> Void
    ) async throws -> Held {
        let lockFile = lockPath(forMirror: path)
        let deadline = limit.map { ContinuousClock.now.advanced(by: $0) }
        var told = false
        var unnamedHolderTries = 0
        while true {
            switch try attempt(lockFile) {
            case .acquired(let held):
                return held
            case .lockedARemovedFile:
                continue
            case .busy(nil) where unnamedHolderTries < 5:
                // The holder has just taken the lock and is writing its name: a moment later, the
                // refusal can say who it is.
                unnamedHolderTries += 1
                try await Task.sleep(for: .milliseconds(10))
            case .busy(let holder):
                let remaining = deadline.map { ContinuousClock.now.duration(to: $0) }
                if let remaining, remaining <= .zero { throw Busy(path: path, holder: holder) }
                if !told {
                    onWait(holder)
                    told = true
                }
                // flock has no timed wait, and a blocking one cannot be cancelled; a tenth of a second
                // between tries is nothing next to a sync.
                try await Task.sleep(for: min(remaining ?? .milliseconds(100), .milliseconds(100)))
            }
        }
    }

    private static func attempt(_ lockFile: String) throws -> Attempt {
        let descriptor = open(lockFile, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SQLiteStoreError.cannotCreate(path: lockFile, reason: String(cString: strerror(errno)))
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN {
                let holder = readHolder(descriptor)
                close(descriptor)
                return .busy(holder)
            }
            close(descriptor)
            throw SQLiteStoreError.cannotCreate(
                path: lockFile, reason: "cannot lock it: \(String(cString: strerror(code)))")
        }
        var locked = stat()
        var named = stat()
        guard fstat(descriptor, &locked) == 0, stat(lockFile, &named) == 0, locked.st_ino == named.st_ino,
            locked.st_dev == named.st_dev
        else {
            close(descriptor)
            return .lockedARemovedFile
        }
        writeHolder(Holder(processID: getpid(), since: Date()), to: descriptor)
        return .acquired(Held(descriptor: descriptor, path: lockFile))
    }

    private static func writeHolder(_ holder: Holder, to descriptor: Int32) {
        let text = Array("pid \(holder.processID)\nsince \(holder.since.timeIntervalSince1970)\n".utf8)
        _ = ftruncate(descriptor, 0)
        // Best effort: the name only improves another process's message; the lock is what counts.
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    private static func readHolder(_ descriptor: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        var fields: [Substring: Substring] = [:]
        for line in String(decoding: buffer.prefix(count), as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), let since = fields["since"].flatMap({ Double($0) })
        else { return nil }
        return Holder(processID: pid, since: Date(timeIntervalSince1970: since))
    }
}
