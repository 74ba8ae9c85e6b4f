public import Foundation

/// A file to upload.
///
/// Its bytes come from memory (``Content-swift.struct/data(_:)``, for small files), a local file
/// (``Content-swift.struct/file(_:)``) or any sequence of chunks whose size is known
/// (``Content-swift.struct/chunks(_:size:)``). The last two are streamed: read, base64-encoded and
/// sent a chunk at a time, so memory stays bounded whatever the file's size.
public struct TrackerFileUploadRequest: Sendable, Hashable {
    /// Where the bytes of an upload come from.
    public struct Content: Sendable, Hashable {
        enum Storage: Sendable, Hashable {
            case data(Data)
            case file(URL)
            case chunks(UploadChunkSource)
        }

        let storage: Storage

        /// Bytes in memory; the request body (a third larger, base64) is built in memory too.
        /// - Parameter data: The bytes.
        /// - Returns: The content.
        public static func data(_ data: Data) -> Content {
            Content(storage: .data(data))
        }

        /// A local file, streamed. Its size is read when the upload starts; if it then changes
        /// while it is sent, the upload fails with ``TrackerAPIError/Code-swift.struct/requestBodyFailed``
        /// and nothing is stored.
        /// - Parameter url: The file.
        /// - Returns: The content.
        public static func file(_ url: URL) -> Content {
            Content(storage: .file(url))
        }

        /// Chunks from any sequence (a download being passed on, a decrypted stream), streamed.
        ///
        /// The sequence is read once: such an upload is never sent twice (not retried, and not
        /// re-sent to a redirect's target, once a chunk was read). Each chunk is encoded as it
        /// comes, so keep chunks small (tens of KiB) to keep memory bounded.
        /// - Parameters:
        ///   - chunks: The bytes, in order.
        ///   - size: Exactly how many bytes they add up to (the request's length is computed from
        ///     it; a sequence that yields more or fewer fails the upload with
        ///     ``TrackerAPIError/Code-swift.struct/requestBodyFailed``, and nothing is stored).
        /// - Returns: The content.
        public static func chunks<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks, size: Int) -> Content
        where Chunks.Element == Data {
            Content(storage: .chunks(UploadChunkSource(size: size, body: TrackerHTTPBody(chunks: chunks))))
        }
    }

    /// The application it belongs to.
    public var applicationID: TrackerApplicationID
    /// The file name (the server derives the content type from it).
    public var filename: String
    /// `resume` or `attachment`.
    public var kind: TrackerFileKind
    /// The bytes.
    public var content: Content

    /// Creates an upload of bytes in memory.
    /// - Parameters:
    ///   - applicationID: The application.
    ///   - filename: The file name.
    ///   - kind: Resume or attachment.
    ///   - data: The bytes.
    public init(applicationID: TrackerApplicationID, filename: String, kind: TrackerFileKind = .attachment, data: Data)
    {
        self.init(applicationID: applicationID, filename: filename, kind: kind, content: .data(data))
    }

    /// Creates an upload from any content.
    /// - Parameters:
    ///   - applicationID: The application.
    ///   - filename: The file name.
    ///   - kind: Resume or attachment.
    ///   - content: Where the bytes come from.
    public init(
        applicationID: TrackerApplicationID,
        filename: String,
        kind: TrackerFileKind = .attachment,
        content: Content
    ) {
        self.applicationID = applicationID
        self.filename = filename
        self.kind = kind
        self.content = content
    }
}

/// A caller's sequence of chunks with its announced size. Two are equal only when they are the
/// same sequence (a stream has no value to compare).
struct UploadChunkSource: Sendable, Hashable {
    private final class Identity: Sendable {}

    let size: Int
    let body: TrackerHTTPBody
    private let identity = Identity()

    init(size: Int, body: TrackerHTTPBody) {
        self.size = size
        self.body = body
    }

    static func == (lhs: UploadChunkSource, rhs: UploadChunkSource) -> Bool {
        lhs.identity === rhs.identity
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(identity))
    }
}
