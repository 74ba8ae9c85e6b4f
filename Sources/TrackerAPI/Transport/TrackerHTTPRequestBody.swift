public import Foundation

/// A request body: bytes already in memory, or chunks produced while the request is sent.
///
/// Most requests carry a small JSON document (``bytes(_:)``). An upload of a large file uses
/// ``stream(length:makeChunks:)`` instead, so the file is read a chunk at a time while it goes
/// out and memory stays bounded by a few chunks, whatever the file's size.
///
/// A streamed body is sent at most once in the way that matters: ``TrackerAPI`` never retries a
/// request after any chunk of its streamed body was read, because the bytes already sent cannot
/// be taken back and the server may have acted on a complete request. It retries a streamed
/// request only when no chunk was read at all (the connection was never made).
public struct TrackerHTTPRequestBody: Sendable {
    private enum Storage: Sendable {
        case bytes(Data)
        case stream(isReplayable: Bool, makeChunks: @Sendable () -> TrackerHTTPBody)
    }

    private let storage: Storage

    /// The body's size in bytes, when known before it is sent (`Content-Length`); `nil` sends it
    /// with chunked transfer encoding.
    public let length: Int?

    private init(storage: Storage, length: Int?) {
        self.storage = storage
        self.length = length
    }

    /// A body held in memory.
    /// - Parameter data: The bytes.
    /// - Returns: The body.
    public static func bytes(_ data: Data) -> TrackerHTTPRequestBody {
        TrackerHTTPRequestBody(storage: .bytes(data), length: data.count)
    }

    /// A body produced while it is sent, from a source that can start over (a file).
    ///
    /// `makeChunks` is called each time the body is sent and must yield the same bytes from the
    /// first one every time: a redirect after the bytes went out is followed by sending them again
    /// from the start (the server did not act on a redirected request).
    /// - Parameters:
    ///   - length: The exact number of bytes the chunks add up to, or `nil` when unknown. A wrong
    ///     length fails the request.
    ///   - makeChunks: Makes the sequence of chunks; an error it throws abandons the request
    ///     (``TrackerAPIError/Code-swift.struct/requestBodyFailed``).
    /// - Returns: The body.
    public static func stream<Chunks: AsyncSequence & Sendable>(
        length: Int?,
        makeChunks: @escaping @Sendable () -> Chunks
    ) -> TrackerHTTPRequestBody where Chunks.Element == Data {
        TrackerHTTPRequestBody(
            storage: .stream(isReplayable: true, makeChunks: { TrackerHTTPBody(chunks: makeChunks()) }),
            length: length
        )
    }

    /// A body produced while it is sent, from a sequence that may be read only once.
    ///
    /// Such a body is never sent twice: neither retried nor re-sent to a redirect's target once
    /// a chunk was read.
    /// - Parameters:
    ///   - length: The exact number of bytes the chunks add up to, or `nil` when unknown.
    ///   - chunks: The chunks; an error they throw abandons the request
    ///     (``TrackerAPIError/Code-swift.struct/requestBodyFailed``).
    /// - Returns: The body.
    public static func stream<Chunks: AsyncSequence & Sendable>(
        length: Int?,
        chunks: Chunks
    ) -> TrackerHTTPRequestBody where Chunks.Element == Data {
        TrackerHTTPRequestBody(
            storage: .stream(isReplayable: false, makeChunks: { TrackerHTTPBody(chunks: chunks) }),
            length: length
        )
    }

    /// The bytes of a body held in memory; `nil` for a streamed body.
    public var data: Data? {
        if case .bytes(let data) = storage { return data }
        return nil
    }

    /// Whether the body is produced while it is sent (see ``stream(length:makeChunks:)``).
    public var isStreamed: Bool { data == nil }

    /// Whether the body can be produced again from its first byte after it was read: always for
    /// bytes in memory, for a stream only when it was made with ``stream(length:makeChunks:)``.
    public var isReplayable: Bool {
        switch storage {
        case .bytes: true
        case .stream(let isReplayable, _): isReplayable
        }
    }

    /// The body as a sequence of chunks, starting from the first byte (one chunk for bytes in
    /// memory). A transport calls this once per send; a stream's source is only asked for its
    /// chunks when reading starts.
    /// - Returns: The chunks.
    public func makeChunks() -> TrackerHTTPBody {
        switch storage {
        case .bytes(let data): TrackerHTTPBody(data)
        case .stream(_, let makeChunks): TrackerHTTPBody(deferred: makeChunks)
        }
    }

    /// The same body, with `observe` told when a send starts reading it, before each chunk is
    /// read, what each read produced, and when a send read it to its end.
    func observingReads(_ observe: @escaping @Sendable (BodyReadEvent) -> Void) -> TrackerHTTPRequestBody {
        guard case .stream(let isReplayable, let makeChunks) = storage else { return self }
        return TrackerHTTPRequestBody(
            storage: .stream(
                isReplayable: isReplayable,
                makeChunks: { TrackerHTTPBody(chunks: ObservedChunks(base: makeChunks(), observe: observe)) }
            ),
            length: length
        )
    }
}

/// Why a streamed request body stopped before its end: its source could not be read, or did not
/// hold the bytes it promised.
///
/// A body's chunk sequence may throw this to explain itself; any other error it throws is wrapped
/// in one. ``TrackerAPI`` reports it as ``TrackerAPIError/Code-swift.struct/requestBodyFailed``.
public struct TrackerRequestBodyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for people (for example "the file changed size while it was sent").
    public var reason: String

    /// Creates the error.
    /// - Parameter reason: What went wrong.
    public init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}

/// What a send did with a streamed body, for ``TrackerAPI`` to know whether any of it went out
/// and whether all of it could have.
enum BodyReadEvent: Sendable {
    /// A send started reading the body from its first byte.
    case started
    /// A chunk is about to be read.
    case reading
    /// A chunk of this many bytes was read (and handed to the connection).
    case produced(Int)
    /// The body was read to its end.
    case ended
}

/// Tells `observe` what is read, and wraps the source's errors in ``TrackerRequestBodyError``
/// so that transports can tell them from network failures.
private struct ObservedChunks: AsyncSequence, Sendable {
    typealias Element = Data
    let base: TrackerHTTPBody
    let observe: @Sendable (BodyReadEvent) -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: TrackerHTTPBody.AsyncIterator
        let observe: @Sendable (BodyReadEvent) -> Void

        mutating func next() async throws -> Data? {
            observe(.reading)
            do {
                let chunk = try await base.next()
                observe(chunk.map { .produced($0.count) } ?? .ended)
                return chunk
            } catch let error as TrackerRequestBodyError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                throw TrackerRequestBodyError(reason: String(describing: error))
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        observe(.started)
        return AsyncIterator(base: base.makeAsyncIterator(), observe: observe)
    }
}
