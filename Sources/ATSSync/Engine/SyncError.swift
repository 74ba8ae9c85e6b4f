public import ATSCore

/// Errors of the sync engine itself (the source's and the store's errors pass through unchanged).
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, for a person.
    public var description: String

    /// The source has no stream of that name.
    public static func unknownStream(_ stream: SyncStreamName) -> SyncError {
        SyncError(description: "The source has no stream named '\(stream)'.")
    }
}

extension SyncError {
    /// A stored row could not be read back (someone edited the mirror by hand, or it is corrupt).
    public static func unreadableStoredRow(stream: SyncStreamName, id: String) -> SyncError {
        SyncError(
            description: "The stored \(stream) row '\(id)' is not the JSON the sync wrote; run `ats sync --full` "
                + "to read it again from the provider.")
    }
}

extension SyncError {
    /// The mirror holds the account under another provider, so this sync would mix two providers'
    /// records under one account name.
    /// - Parameters:
    ///   - account: The account's name in the mirror.
    ///   - owner: The provider whose records the mirror holds for it.
    ///   - requested: The provider this sync reads.
    public static func accountBelongsToAnotherProvider(
        account: String, owner: ATSProvider, requested: ATSProvider
    ) -> SyncError {
        SyncError(
            description: "The mirror's account '\(account)' holds records of provider '\(owner)', but this sync reads "
                + "provider '\(requested)'. Nothing was written. Give the \(requested) account its own name in the "
                + "mirror (ats sync --account NAME) or use another mirror (--database); to sync the \(owner) "
                + "account, choose --provider \(owner).")
    }

    /// A source gave a record a value for a column its stream's table does not have: the value
    /// would be lost, so the page is refused rather than stored without it.
    public static func unknownColumn(_ column: String, stream: SyncStreamName) -> SyncError {
        SyncError(
            description: "A \(stream) record has a value for '\(column)', which is not a column of the "
                + "\(stream) table (docs/SCHEMA.md); this is a bug in the source's row layout.")
    }
}
