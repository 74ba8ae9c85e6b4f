public import ATSCore
import ATSSync
import GRDB

extension SQLiteSyncStore {
    /// Records the account's provider in `accounts` the first time, or refuses when another
    /// provider owns the account; one transaction.
    public func claimAccount(_ account: String, provider: ATSProvider) async throws {
        let owner = try await writer.write { db -> String? in
            try db.execute(
                sql: "INSERT OR IGNORE INTO accounts (account, provider) VALUES (?, ?)",
                arguments: [account, provider.rawValue])
            return try String.fetchOne(
                db, sql: "SELECT provider FROM accounts WHERE account = ?", arguments: [account])
        }
        if let owner, owner != provider.rawValue {
            throw SyncError.accountBelongsToAnotherProvider(
                account: account, owner: ATSProvider(rawValue: owner), requested: provider)
        }
    }

    /// Every account of the mirror with its provider.
    public func accountProviders() async throws -> [String: ATSProvider] {
        try await writer.read { db in
            var providers: [String: ATSProvider] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT account, provider FROM accounts") {
                providers[row["account"]] = ATSProvider(rawValue: row["provider"])
            }
            return providers
        }
    }
}
