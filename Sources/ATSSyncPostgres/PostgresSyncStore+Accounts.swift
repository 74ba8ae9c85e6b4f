public import ATSCore
import ATSSync
import PostgresNIO

extension PostgresSyncStore {
    /// Records the account's provider in `accounts` the first time, or refuses when another
    /// provider owns the account. Two processes claiming a new account at once both insert; the
    /// primary key keeps the first, and the other reads it back.
    public func claimAccount(_ account: String, provider: ATSProvider) async throws {
        var owner: String?
        do {
            try await client.query(
                """
                INSERT INTO accounts (account, provider) VALUES (\(account), \(provider.rawValue))
                ON CONFLICT (account) DO NOTHING
                """, logger: logger)
            let rows = try await client.query(
                "SELECT provider FROM accounts WHERE account = \(account)", logger: logger)
            for try await value in rows.decode(String.self) { owner = value }
        } catch {
            throw PostgresStoreError.failed("record the account's provider", error)
        }
        if let owner, owner != provider.rawValue {
            throw SyncError.accountBelongsToAnotherProvider(
                account: account, owner: ATSProvider(rawValue: owner), requested: provider)
        }
    }

    /// Every account of the mirror with its provider.
    public func accountProviders() async throws -> [String: ATSProvider] {
        var providers: [String: ATSProvider] = [:]
        do {
            let rows = try await client.query("SELECT account, provider FROM accounts", logger: logger)
            for try await (account, provider) in rows.decode((String, String).self) {
                providers[account] = ATSProvider(rawValue: provider)
            }
        } catch {
            throw PostgresStoreError.failed("read the mirror's accounts", error)
        }
        return providers
    }
}
