public import Foundation

/// A note a recruiter (or an integration) wrote on an application.
public struct Note: Hashable, Sendable, Identifiable {
    /// The provider's id.
    public var id: NoteID
    /// The application the note is on.
    public var applicationID: ApplicationID
    /// The job of that application, when the provider reports it.
    public var jobID: JobID?
    /// Who wrote it, as the provider names them.
    public var author: String?
    /// The text, in the provider's ``NoteFormat``.
    public var body: String
    /// When it was written.
    public var createdAt: Date?
    /// When it was last changed.
    public var updatedAt: Date?
    /// The provider's JSON for this record.
    public var raw: RawPayload

    /// Creates a note.
    public init(
        id: NoteID,
        applicationID: ApplicationID,
        jobID: JobID? = nil,
        author: String? = nil,
        body: String,
        createdAt: Date? = nil,
        updatedAt: Date? = nil,
        raw: RawPayload = .empty
    ) {
        self.id = id
        self.applicationID = applicationID
        self.jobID = jobID
        self.author = author
        self.body = body
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.raw = raw
    }
}
