/// A stage of the hiring workflow (Tracker calls it an applicant status).
public struct Stage: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The stage's id; for Tracker, the status name itself.
    public var id: StageID
    /// The stage's name as recruiters see it.
    public var name: String

    /// Creates a stage.
    public init(id: StageID, name: String) {
        self.id = id
        self.name = name
    }

    /// Creates a stage whose id is its name, as in providers that have no stage objects.
    public init(named name: String) {
        self.init(id: StageID(name), name: name)
    }

    /// The stage's name.
    public var description: String { name }
}

/// A reason for rejecting an application, in providers that have them.
public struct RejectionReason: Hashable, Codable, Sendable {
    /// The reason's id.
    public var id: RejectionReasonID
    /// The reason as recruiters see it.
    public var name: String

    /// Creates a rejection reason.
    public init(id: RejectionReasonID, name: String) {
        self.id = id
        self.name = name
    }
}
