public import Foundation
import Synchronization

/// A body as a sequence of byte chunks, read once.
///
/// Large downloads stream through this without being held in memory; JSON responses are
/// collected with a size limit first. A streamed request body hands its chunks to the transport
/// as one of these (``TrackerHTTPRequestBody/makeChunks()``).
public struct TrackerHTTPBody: AsyncSequence, Sendable {
    /// A chunk of bytes.
    public typealias Element = Data

    private let makeNext: @Sendable () -> @Sendable () async throws -> Data?
    /// A transport's own way to read a whole body in one piece, when it has one (it saves a copy
    /// per chunk).
    private let collector: (@Sendable (Int) async throws -> Data)?

    /// A body that is already in memory.
    /// - Parameter data: The bytes.
    public init(_ data: Data) {
        collector = nil
        makeNext = {
            let box = OnceBox(data.isEmpty ? nil : data)
            return { box.take() }
        }
    }

    /// A body read from any sequence of chunks.
    /// - Parameter chunks: The chunks, each delivered as it arrives.
    public init<Chunks: AsyncSequence & Sendable>(chunks: Chunks) where Chunks.Element == Data {
        collector = nil
        makeNext = {
            let iterator = SendableIteratorBox(chunks.makeAsyncIterator())
            return { try await iterator.next() }
        }
    }

    /// A body whose chunks are made only when reading starts, so that nothing (a file) is opened
    /// for a request that never gets sent.
    init(deferred make: @escaping @Sendable () -> TrackerHTTPBody) {
        self.init(makeNext: { make().makeNext() }, collector: nil)
    }

    /// A body read from chunks that can also be collected in one piece.
    init<Chunks: AsyncSequence & Sendable>(
        chunks: Chunks,
        collector: @escaping @Sendable (Int) async throws -> Data
    ) where Chunks.Element == Data {
        let plain = TrackerHTTPBody(chunks: chunks)
        self.init(makeNext: plain.makeNext, collector: collector)
    }

    private init(
        makeNext: @escaping @Sendable () -> @Sendable () async throws -> Data?,
        collector: (@Sendable (Int) async throws -> Data)?
    ) {
        self.makeNext = makeNext
        self.collector = collector
    }

    /// Iterates over the chunks.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let nextChunk: @Sendable () async throws -> Data?

        /// The next chunk, or `nil` at the end.
        /// - Returns: The chunk.
        /// - Throws: The transport's error when the connection broke mid-body.
        public mutating func next() async throws -> Data? {
            try await nextChunk()
        }
    }

    /// Starts reading.
    /// - Returns: An iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(nextChunk: makeNext())
    }

    /// Reads the whole body.
    /// - Parameter maximumBytes: The most bytes accepted.
    /// - Returns: The bytes.
    /// - Throws: ``TrackerBodyTooLargeError`` past the limit, or the transport's error.
    public func collect(upTo maximumBytes: Int) async throws -> Data {
        if let collector { return try await collector(maximumBytes) }
        var result = Data()
        for try await chunk in self {
            guard result.count + chunk.count <= maximumBytes else {
                throw TrackerBodyTooLargeError(limit: maximumBytes)
            }
            result.append(chunk)
        }
        return result
    }
}

/// A response body was larger than the configured maximum.
public struct TrackerBodyTooLargeError: Error, Sendable, Hashable {
    /// The limit in bytes.
    public var limit: Int
}

/// Hands out one value once.
private final class OnceBox: Sendable {
    private let value: Mutex<Data?>

    init(_ value: Data?) { self.value = Mutex(value) }

    func take() -> Data? {
        value.withLock { stored in
            let taken = stored
            stored = nil
            return taken
        }
    }
}

/// Holds a non-`Sendable` iterator behind an actor so the body can be `Sendable` while the
/// iterator is still used by one reader at a time.
private actor SendableIteratorBox<Base: AsyncIteratorProtocol> where Base.Element == Data {
    private var base: Base

    init(_ base: Base) { self.base = base }

    func next() async throws -> Data? {
        var iterator = base
        defer { base = iterator }
        return try await iterator.next(isolation: self)
    }
}
