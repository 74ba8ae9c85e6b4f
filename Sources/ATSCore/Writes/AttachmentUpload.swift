public import Foundation

/// A file to attach to an application: its name, kind, type and bytes.
///
/// Before anything is sent, the size is checked from the source's size (a file's size on disk)
/// and the type from its first bytes; only then are the bytes read, in chunks, while they are
/// sent. A file or chunk source is never loaded whole, so memory stays bounded whatever its size.
public struct AttachmentUpload: Sendable, Hashable {
    /// Where the bytes come from.
    public enum Source: Sendable, Hashable {
        /// Bytes already in memory (small files).
        case bytes(Data)
        /// A local file, read in chunks while it is sent.
        case file(URL)
        /// Bytes produced on demand with a known size (a download being passed on, a decrypted
        /// blob), read in chunks while they are sent.
        case chunks(AttachmentChunks)
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
