public import ATSSync
import Logging
import PostgresNIO

extension PostgresSyncStore {
    /// Runs `body` while this process holds the account's advisory lock, so that several `ats sync`
    /// processes sharing one database never sync the same account at once.
    ///
    /// The lock is a session lock on one pooled connection, held until `body` returns or throws (or
    /// the process dies, when PostgreSQL releases it with the session).
    /// - Parameters:
    ///   - account: The account.
    ///   - body: The sync.
    /// - Returns: What `body` returns, or nil when another process holds the lock.
    /// - Throws: ``PostgresStoreError`` when the lock cannot be asked for; what `body` throws.
    public func withAccountLock<Result: Sendable>(
        _ account: String,
        _ body: () async throws -> Result
    ) async throws -> Result? {
        let logger = logger
        return try await client.withConnection { connection in
            let acquired: Bool
            do {
                let rows = try await connection.query(
                    "SELECT pg_try_advisory_lock(\(Self.accountLockClass), hashtext(\(account)))", logger: logger)
                var granted = false
                for try await value in rows.decode(Bool.self) { granted = value }
                acquired = granted
            } catch {
                throw PostgresStoreError.failed("take the account's sync lock", error)
            }
            guard acquired else { return nil }
            do {
                let result = try await body()
                try? await connection.query(
                    "SELECT pg_advisory_unlock(\(Self.accountLockClass), hashtext(\(account)))", logger: logger)
                return result
            } catch {
                try? await connection.query(
                    "SELECT pg_advisory_unlock(\(Self.accountLockClass), hashtext(\(account)))", logger: logger)
                throw error
            }
        }
    }

    /// The first key of the account locks' two-part advisory lock ("ATS\u{1}").
    static let accountLockClass: Int32 = 0x4154_5301
}
