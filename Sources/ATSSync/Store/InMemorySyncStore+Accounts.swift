public import ATSCore
import Synchronization

extension InMemorySyncStore {
    /// Records the account's provider, or refuses when another provider owns it.
    public func claimAccount(_ account: String, provider: ATSProvider) async throws {
        let owner = accountOwners.withLock { owners in
            if let owner = owners[account] { return owner }
            owners[account] = provider
            return provider
        }
        guard owner == provider else {
            throw SyncError.accountBelongsToAnotherProvider(account: account, owner: owner, requested: provider)
        }
    }

    /// Every account with its provider.
    public func accountProviders() async throws -> [String: ATSProvider] {
        accountOwners.withLock { $0 }
    }
}
