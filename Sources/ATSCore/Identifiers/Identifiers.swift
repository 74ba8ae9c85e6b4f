/// Identifies a job (a requisition, an opening) in the provider's system.
public struct JobID: ATSIdentifier {
    /// The provider's text for this id.
    public let rawValue: String
    /// Creates an id from the provider's text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an application: one person applying to one job.
public struct ApplicationID: ATSIdentifier {
    /// The provider's text for this id.
    public let rawValue: String
    /// Creates an id from the provider's text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a candidate: a person, who may have applied to several jobs.
///
/// Providers without a candidate resource (Tracker) derive candidates from applications; their
/// candidate ids are stable across runs and carry no personal data.
public struct CandidateID: ATSIdentifier {
    /// The id's text.
    public let rawValue: String
    /// Creates an id from its text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a note on an application or candidate.
public struct NoteID: ATSIdentifier {
    /// The provider's text for this id.
    public let rawValue: String
    /// Creates an id from the provider's text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an attachment (a resume, a cover letter, any file) on an application.
public struct AttachmentID: ATSIdentifier {
    /// The provider's text for this id.
    public let rawValue: String
    /// Creates an id from the provider's text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a stage of the hiring workflow.
///
/// In providers without stage objects (Tracker) a stage is identified by its status name.
public struct StageID: ATSIdentifier {
    /// The provider's text for this id.
    public let rawValue: String
    /// Creates an id from the provider's text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a rejection (disposition) reason.
public struct RejectionReasonID: ATSIdentifier {
    /// The provider's text for this id.
    public let rawValue: String
    /// Creates an id from the provider's text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
