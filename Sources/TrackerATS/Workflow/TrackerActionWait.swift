public import TrackerAPI

/// What became of one awaited workflow action.
public struct TrackerActionWait: Sendable, Hashable {
    /// Where the action stands.
    public enum State: Sendable, Hashable {
        /// It ran without error.
        case succeeded
        /// It ran and Tracker reported this error.
        case failed(String)
        /// It had not run when the wait ended.
        case pending
        /// It could not be read; the text says why.
        case unreadable(String)
    }

    /// The action's id.
    public var id: TrackerActionID
    /// The action as last read, if it could be read.
    public var action: TrackerAction?
    /// Where it stands.
    public var state: State
    /// Whether an ``State/unreadable(_:)`` state is final (no such action) rather than one failed
    /// read that the next round may get past.
    var isFinal = true

    /// Creates a wait result.
    /// - Parameters:
    ///   - id: The action's id.
    ///   - action: The action as last read.
    ///   - state: Where it stands.
    public init(id: TrackerActionID, action: TrackerAction?, state: State) {
        self.id = id
        self.action = action
        self.state = state
    }
}
