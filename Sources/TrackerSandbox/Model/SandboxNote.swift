public import Foundation

/// A plain-text note on an application.
public struct SandboxNote: Sendable, Hashable, Identifiable {
    /// The note's id.
    public var id: Int
    /// The application the note is on.
    public var applicationID: Int
    /// The application's job.
    public var jobID: Int
    /// Who wrote the note; `nil` for notes written through the API.
    public var author: String?
    /// The note text (plain text).
    public var body: String
    /// When the note was written.
    public var createdAt: Date
    /// When the note last changed.
    public var updatedAt: Date
}

/// A file attached to an application: a resume or another attachment.
public struct SandboxFile: Sendable, Hashable, Identifiable {
    /// The file's id.
    public var id: Int
    /// The application the file belongs to.
    public var applicationID: Int
    /// The file name.
    public var filename: String
    /// `resume` or `attachment`.
    public var kind: String
    /// The MIME type.
    public var contentType: String
    /// The file's bytes.
    public var content: [UInt8]
    /// When the file was added.
    public var createdAt: Date

    /// The size in bytes.
    public var size: Int { content.count }
}

/// A user of the account.
public struct SandboxUser: Sendable, Hashable, Identifiable {
    /// The user's id.
    public var id: Int
    /// First name.
    public var firstName: String
    /// Last name.
    public var lastName: String
    /// E-mail address.
    public var email: String
    /// Role: `admin`, `recruiter` or `hiring_manager`.
    public var role: String
}
