import ATSSync
public import Foundation
import Logging
import PostgresNIO

/// What ``PostgresSyncStore/withAccountLock(_:unlessSyncedSince:_:)`` did.
public enum AccountLockOutcome<Result: Sendable>: Sendable {
    /// The lock was taken and the work ran.
    case ran(Result)
    /// Another process holds the lock; the work did not run.
    case busy
    /// The account's last sync completed at the given time, not before the time asked about; the
    /// work did not run.
    case syncedSince(Date)
}

extension PostgresSyncStore {
    /// Runs `body` while this process holds the account's advisory lock, so that several `ats sync`
    /// processes sharing one database never sync the same account at once.
    /// - Returns: What `body` returns, or nil when another process holds the lock.
    /// - Throws: ``PostgresStoreError`` when the lock cannot be asked for, or when it is lost while
    ///   `body` writes; what `body` throws.
    public func withAccountLock<Result: Sendable>(
        _ account: String,
        _ body: () async throws -> Result
    ) async throws -> Result? {
        switch try await withAccountLock(account, unlessSyncedSince: nil, body) {
        case .ran(let result): result
        case .busy, .syncedSince: nil
        }
    }

    /// Runs `body` while this process holds the account's lock, unless another process holds it or
    /// (when `since` is given) the account's last sync completed at or after `since`.
    ///
    /// The lock is a session-level advisory lock on one pooled connection, so PostgreSQL releases it
    /// when that session ends, however the process ends. Its key is the account's row number in
    /// `account_locks`, unique by construction. Every write `body` makes through this store first
    /// checks, in its own transaction, that the lock is still held by that session; if the session
    /// has ended (the server terminated it, the network dropped it) the write throws
    /// ``PostgresStoreError/lostAccountLock(_:)`` instead, so a worker that lost its lock stops
    /// writing. A new holder first waits for the writes already past that check to end.
    /// - Parameters:
    ///   - account: The account.
    ///   - since: Skip the account when its last sync completed at or after this time (the
    ///     database's clock, see ``serverTime()``); nil to run regardless.
    ///   - body: The sync.
    /// - Throws: ``PostgresStoreError`` when the lock cannot be asked for, or when it is lost while
    ///   `body` writes; what `body` throws.
    public func withAccountLock<Result: Sendable>(
        _ account: String,
        unlessSyncedSince since: Date?,
        _ body: () async throws -> Result
    ) async throws -> AccountLockOutcome<Result> {
        let logger = logger
        return try await client.withConnection { connection in
            let lease: AccountLease
            let syncedAt: Date?
            do {
                let key = try await Self.lockKey(of: account, connection: connection, logger: logger)
                guard let taken = try await Self.takeLock(key: key, connection: connection, logger: logger) else {
                    return .busy
                }
                lease = AccountLease(account: account, key: key, session: taken.session)
                syncedAt = taken.syncedAt
            } catch {
                throw PostgresStoreError.failed("take the account's sync lock", error)
            }
            if let since, let syncedAt, syncedAt >= since {
                await Self.unlock(lease, connection: connection, logger: logger)
                return .syncedSince(syncedAt)
            }
            do {
                let result = try await AccountLease.$current.withValue(lease) { try await body() }
                do {
                    guard !connection.isClosed else { throw PostgresStoreError.lostAccountLock(account) }
                    try await connection.query(
                        "UPDATE account_locks SET synced_at = now() WHERE key = \(lease.key)", logger: logger)
                } catch {
                    // Every write of the sync passed the lock check, so what it wrote is sound; only
                    // the note that lets other workers skip the account is missing.
                    logger.warning(
                        """
                        The connection holding the sync lock of account \(account) ended after its sync \
                        completed; other workers may sync it again this round.
                        """)
                }
                await Self.unlock(lease, connection: connection, logger: logger)
                return .ran(result)
            } catch {
                await Self.unlock(lease, connection: connection, logger: logger)
                throw error
            }
        }
    }

    /// The database's clock, which ``withAccountLock(_:unlessSyncedSince:_:)`` compares completion
    /// times with (so that workers on different machines agree whatever their own clocks say).
    public func serverTime() async throws -> Date {
        let rows = try await client.query("SELECT now()", logger: logger)
        for try await now in rows.decode(Date.self) { return now }
        throw PostgresStoreError(description: "PostgreSQL did not answer `SELECT now()`.")
    }

    /// The account's lock key: its row number in `account_locks`, added on first use.
    private static func lockKey(of account: String, connection: PostgresConnection, logger: Logger) async throws
        -> Int32
    {
        try await connection.query(
            "INSERT INTO account_locks (account) VALUES (\(account)) ON CONFLICT (account) DO NOTHING", logger: logger)
        let rows = try await connection.query(
            "SELECT key FROM account_locks WHERE account = \(account)", logger: logger)
        for try await key in rows.decode(Int32.self) { return key }
        throw PostgresStoreError(description: "PostgreSQL has no lock row for account \(account) after adding it.")
    }

    /// Tries the advisory lock; when granted, waits for the writes of an earlier holder that are
    /// already past their lock check (they hold the account's row FOR SHARE) and returns this
    /// session's backend and the account's last completed sync.
    private static func takeLock(key: Int32, connection: PostgresConnection, logger: Logger) async throws
        -> (session: Int32, syncedAt: Date?)?
    {
        let granted = try await connection.query(
            "SELECT pg_try_advisory_lock(\(accountLockClass), \(key))", logger: logger)
        var acquired = false
        for try await value in granted.decode(Bool.self) { acquired = value }
        guard acquired else { return nil }
        let rows = try await connection.query(
            """
            UPDATE account_locks SET locked_at = now() WHERE key = \(key)
            RETURNING pg_backend_pid(), synced_at
            """, logger: logger)
        for try await (session, syncedAt) in rows.decode((Int32, Date?).self) { return (session, syncedAt) }
        throw PostgresStoreError(description: "PostgreSQL lost the lock row of key \(key).")
    }

    private static func unlock(_ lease: AccountLease, connection: PostgresConnection, logger: Logger) async {
        do {
            guard !connection.isClosed else { throw PostgresStoreError.lostAccountLock(lease.account) }
            try await connection.query("SELECT pg_advisory_unlock(\(accountLockClass), \(lease.key))", logger: logger)
        } catch {
            // The session is gone, and PostgreSQL released its locks with it.
            logger.notice(
                """
                The connection holding the sync lock of account \(lease.account) had already ended; PostgreSQL \
                released the lock with it.
                """)
        }
    }

    /// Runs one write transaction of `account`, first checking that this task still holds the
    /// account's lock when it holds one (see ``withAccountLock(_:unlessSyncedSince:_:)``).
    func writeTransaction<Result: Sendable>(
        account: String,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let logger = logger
        let lease = AccountLease.current.flatMap { $0.account == account ? $0 : nil }
        do {
            return try await client.withTransaction(logger: logger) { connection in
                if let lease { try await lease.check(connection: connection, logger: logger) }
                return try await body(connection)
            }
        } catch let error as PostgresTransactionError {
            if let lost = error.closureError as? PostgresStoreError { throw lost }
            throw error
        }
    }

    /// The first key of the account locks' two-part advisory lock ("ATS\u{1}").
    static let accountLockClass: Int32 = 0x4154_5301
}

/// The account lock a task holds, carried to the store's writes as a task-local value so that the
/// sync engine needs no knowledge of it.
struct AccountLease: Sendable {
    let account: String
    let key: Int32
    /// The backend process id of the session holding the advisory lock.
    let session: Int32

    @TaskLocal static var current: AccountLease?

    /// Throws ``PostgresStoreError/lostAccountLock(_:)`` unless the holding session still holds the
    /// lock. The account's row is locked FOR SHARE first, so that a new holder (which updates the
    /// row right after taking the lock) waits for this transaction to end, and this check cannot
    /// pass once a new holder has the lock.
    func check(connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT 1 FROM account_locks WHERE key = \(key) FOR SHARE", logger: logger)
        let rows = try await connection.query(
            """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND classid::bigint = \(Int64(PostgresSyncStore.accountLockClass))
              AND objid::bigint = \(Int64(key)) AND objsubid = 2 AND pid = \(session) AND granted
            """, logger: logger)
        var held = 0
        for try await count in rows.decode(Int.self) { held = count }
        guard held > 0 else { throw PostgresStoreError.lostAccountLock(account) }
    }
}
