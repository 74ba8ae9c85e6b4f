/// Thrown by a source's pages when an optional stream cannot be read from this provider account at
/// all (for example, its endpoint is missing): the engine skips the stream for this run, says so in
/// the report, and syncs every other stream. Its stored rows and progress stay as they were, so a
/// later run reads it once the provider offers it.
public struct SyncStreamUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why, for a person: what is missing and what the mirror lacks because of it.
    public var reason: String

    /// Creates the error.
    /// - Parameter reason: Why the stream cannot be read, as one or more sentences.
    public init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
