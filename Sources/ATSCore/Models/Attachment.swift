public import Foundation

/// A file attached to an application: a resume, a cover letter, anything else.
public struct Attachment: Hashable, Sendable, Identifiable {
    /// What the file is.
    public struct Kind: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
        /// The kind's name.
        public let rawValue: String
        /// Creates a kind from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The applicant's resume (CV).
        public static let resume = Kind(rawValue: "resume")
        /// Any other file.
        public static let attachment = Kind(rawValue: "attachment")
        /// The name.
        public var description: String { rawValue }
    }

    /// The provider's id.
    public var id: AttachmentID
    /// The application the file belongs to.
    public var applicationID: ApplicationID
    /// The file's name as uploaded.
    public var filename: String
    /// Resume or other attachment.
    public var kind: Kind
    /// The MIME type, when the provider reports it.
    public var contentType: String?
    /// The size in bytes, when the provider reports it.
    public var size: Int?
    /// When the file was added.
    public var createdAt: Date?
    /// The provider's JSON for this record.
    public var raw: RawPayload

    /// Creates an attachment record.
    public init(
        id: AttachmentID,
        applicationID: ApplicationID,
        filename: String,
        kind: Kind,
        contentType: String? = nil,
        size: Int? = nil,
        createdAt: Date? = nil,
        raw: RawPayload = .empty
    ) {
        self.id = id
        self.applicationID = applicationID
        self.filename = filename
        self.kind = kind
        self.contentType = contentType
        self.size = size
        self.createdAt = createdAt
        self.raw = raw
    }
}
