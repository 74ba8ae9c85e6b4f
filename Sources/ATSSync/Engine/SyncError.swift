/// Errors of the sync engine itself (the source's and the store's errors pass through unchanged).
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, for a person.
    public var description: String

    /// The source has no stream of that name.
    public static func unknownStream(_ stream: SyncStreamName) -> SyncError {
        SyncError(description: "The source has no stream named '\(stream)'.")
    }
}
