public import Foundation

/// A file being downloaded: what it is, and its bytes as a stream (never held whole in memory).
public struct ATSFileDownload: Sendable {
    /// The file's record.
    public var attachment: Attachment
    /// The MIME type the provider sent with the bytes, or the record's when it sent none.
    public var contentType: String?
    /// The size in bytes, when the provider said.
    public var contentLength: Int?
    /// The bytes, in chunks as they arrive; read once.
    public var body: ATSStream<Data>

    /// Creates a download.
    /// - Parameters:
    ///   - attachment: The file's record.
    ///   - contentType: The MIME type.
    ///   - contentLength: The size in bytes.
    ///   - body: The bytes.
    public init(attachment: Attachment, contentType: String?, contentLength: Int?, body: ATSStream<Data>) {
        self.attachment = attachment
        self.contentType = contentType
        self.contentLength = contentLength
        self.body = body
    }

    /// The file's name as the provider stores it. It may contain path separators or `..`: never
    /// join it to a folder without sanitising it first.
    public var filename: String { attachment.filename }
}
