import Foundation

/// The JSON body of `POST /files` built around a stream of file bytes:
/// `{"app_id":…,"data":"` + the file in base64 + `","filename":…,"kind":…}`.
///
/// The members are in sorted order, as ``TrackerJSON/serialized()`` writes them, so a streamed
/// upload sends exactly the bytes an in-memory one would. The length is known before anything
/// is read (`Content-Length`): base64 turns every started group of 3 bytes into 4 characters.
struct TrackerFileUploadBody: Sendable {
    /// Raw bytes read from a file at a time: a multiple of 3, so that each chunk's base64 needs no
    /// padding and the pieces concatenate into one valid encoding (96 KiB in, 128 KiB out).
    static let fileChunkSize = 3 * 32 * 1024

    /// Everything before the base64 text, its opening quote included.
    let prefix: Data
    /// Everything after the base64 text, its closing quote included.
    let suffix: Data

    init(applicationID: TrackerApplicationID, filename: String, kind: TrackerFileKind) {
        var head = TrackerJSONWriter()
        head.append(#"{"app_id":"#)
        head.write(applicationID.jsonValue)
        head.append(#","data":""#)
        var tail = TrackerJSONWriter()
        tail.append(#"","filename":"#)
        tail.write(.string(filename))
        tail.append(#","kind":"#)
        tail.write(.string(kind.rawValue))
        tail.append("}")
        prefix = Data(head.bytes)
        suffix = Data(tail.bytes)
    }

    /// The body's length in bytes for a file of `fileSize` bytes.
    func length(fileSize: Int) -> Int {
        prefix.count + Self.base64Length(of: fileSize) + suffix.count
    }

    /// The length of the base64 text (with padding) of `count` bytes.
    static func base64Length(of count: Int) -> Int {
        (count + 2) / 3 * 4
    }

    /// The body's chunks around `source`, which must yield exactly `size` bytes.
    func chunks<Source: AsyncSequence & Sendable>(from source: Source, size: Int) -> UploadBodyChunks<Source>
    where Source.Element == Data {
        UploadBodyChunks(source: source, size: size, prefix: prefix, suffix: suffix)
    }

    /// The size of a local file, before anything is sent.
    static func size(ofFile url: URL, endpoint: String) throws -> Int {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw TrackerAPIError(
                code: .requestBodyFailed, endpoint: endpoint,
                underlying: "\(url.path) cannot be read: \(error.localizedDescription)")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular, let size = attributes[.size] as? Int else {
            throw TrackerAPIError(
                code: .requestBodyFailed, endpoint: endpoint, underlying: "\(url.path) is not a regular file")
        }
        return size
    }
}

/// Base64 over a stream: each call encodes what it can of the bytes so far in whole groups of 3
/// and keeps the rest (at most 2 bytes) for the next, so the outputs concatenate into the
/// encoding of the whole.
struct Base64ChunkEncoder {
    private var carry = Data()

    /// The base64 text of the complete 3-byte groups of the carried bytes plus `chunk`.
    mutating func encode(_ chunk: Data) -> Data {
        var pending = chunk
        if !carry.isEmpty {
            pending = carry
            pending.append(chunk)
        }
        let rest = pending.count % 3
        // Copied out, so that the carried bytes do not keep the whole chunk's buffer alive.
        carry = rest == 0 ? Data() : Data(Array(pending.suffix(rest)))
        guard pending.count > rest else { return Data() }
        return pending.prefix(pending.count - rest).base64EncodedData()
    }

    /// The base64 text of the last 1 or 2 bytes, padded; empty when nothing is left.
    mutating func finish() -> Data {
        defer { carry = Data() }
        return carry.base64EncodedData()
    }
}

/// The chunks of an upload body: the prefix, the source's bytes in base64 as they are read, then
/// the suffix. The suffix goes out only once the source ended with exactly the announced size,
/// so a source that fails or lies leaves the server with an unfinished body, which it cannot
/// store.
struct UploadBodyChunks<Source: AsyncSequence & Sendable>: AsyncSequence, Sendable where Source.Element == Data {
    typealias Element = Data

    let source: Source
    let size: Int
    let prefix: Data
    let suffix: Data

    struct AsyncIterator: AsyncIteratorProtocol {
        private enum Stage {
            case prefix
            case file
            case done
        }

        var source: Source.AsyncIterator
        let size: Int
        let prefix: Data
        let suffix: Data
        private var stage = Stage.prefix
        private var encoder = Base64ChunkEncoder()
        private var read = 0

        init(source: Source.AsyncIterator, size: Int, prefix: Data, suffix: Data) {
            self.source = source
            self.size = size
            self.prefix = prefix
            self.suffix = suffix
        }

        mutating func next() async throws -> Data? {
            switch stage {
            case .prefix:
                stage = .file
                return prefix
            case .done:
                return nil
            case .file:
                while true {
                    try Task.checkCancellation()
                    guard let chunk = try await source.next() else {
                        guard read == size else {
                            throw TrackerRequestBodyError(
                                reason:
                                    "the file ended after \(read) of its \(size) bytes (it changed while it was sent)")
                        }
                        stage = .done
                        return encoder.finish() + suffix
                    }
                    read += chunk.count
                    guard read <= size else {
                        throw TrackerRequestBodyError(
                            reason: "the file holds more than its \(size) bytes (it changed while it was sent)")
                    }
                    let piece = encoder.encode(chunk)
                    if !piece.isEmpty { return piece }
                }
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(source: source.makeAsyncIterator(), size: size, prefix: prefix, suffix: suffix)
    }
}

/// A local file's bytes in chunks of ``TrackerFileUploadBody/fileChunkSize``. The file is opened
/// on the first read and closed at its end or when reading stops.
///
/// Reads are plain blocking reads of a local file, one chunk at a time: each takes well under a
/// millisecond from the page cache, and the upload waits for the network between them anyway.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = Data

    let url: URL
    var chunkSize = TrackerFileUploadBody.fileChunkSize

    struct AsyncIterator: AsyncIteratorProtocol {
        let url: URL
        let chunkSize: Int
        private var file: OpenFile?
        private var isFinished = false

        init(url: URL, chunkSize: Int) {
            self.url = url
            self.chunkSize = chunkSize
        }

        mutating func next() async throws -> Data? {
            guard !isFinished else { return nil }
            do {
                let open = try file ?? OpenFile(try FileHandle(forReadingFrom: url))
                file = open
                guard let chunk = try open.handle.read(upToCount: chunkSize), !chunk.isEmpty else {
                    isFinished = true
                    file = nil
                    return nil
                }
                return chunk
            } catch {
                isFinished = true
                file = nil
                throw TrackerRequestBodyError(reason: "\(url.path) cannot be read: \(error.localizedDescription)")
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(url: url, chunkSize: chunkSize)
    }
}

/// Closes its file when the last reference goes, however reading ended.
private final class OpenFile {
    let handle: FileHandle

    init(_ handle: FileHandle) { self.handle = handle }

    deinit { try? handle.close() }
}
