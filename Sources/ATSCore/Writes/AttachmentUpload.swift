public import Foundation

/// A file to attach to an application: its name, kind, type and bytes.
///
/// The bytes are read in chunks from their source and checked as they arrive: a file larger than
/// the provider accepts is refused after reading at most one chunk past the limit, never loaded
/// whole first.
public struct AttachmentUpload: Sendable, Hashable {
    /// Where the bytes come from.
    public enum Source: Sendable, Hashable {
        /// Bytes already in memory.
        case bytes(Data)
        /// A local file, read in chunks.
        case file(URL)
    }

    /// The file name the provider shows (and, for some, derives the type from).
    public var filename: String
    /// Resume or other attachment.
    public var kind: Attachment.Kind
    /// The MIME type; nil lets it be derived from the file name's extension.
    public var contentType: String?
    /// The bytes.
    public var source: Source

    /// Creates an upload.
    /// - Parameters:
    ///   - filename: The file name.
    ///   - kind: Resume or attachment (default attachment).
    ///   - contentType: The MIME type (default: from the extension).
    ///   - source: The bytes.
    public init(filename: String, kind: Attachment.Kind = .attachment, contentType: String? = nil, source: Source) {
        self.filename = filename
        self.kind = kind
        self.contentType = contentType
        self.source = source
    }

    /// An upload of a local file, named after it.
    /// - Parameters:
    ///   - url: The file.
    ///   - kind: Resume or attachment.
    ///   - contentType: The MIME type (default: from the extension).
    /// - Returns: The upload.
    public static func file(_ url: URL, kind: Attachment.Kind = .attachment, contentType: String? = nil)
        -> AttachmentUpload
    {
        AttachmentUpload(filename: url.lastPathComponent, kind: kind, contentType: contentType, source: .file(url))
    }
}
