public import Foundation

/// The bytes of an upload produced on demand, with their exact size known beforehand.
///
/// Iterating calls `makeChunks` again, and each call must yield the same bytes from the first:
/// a client reads the head once to check the type, then reads the whole while it sends it. The
/// size is what the size limit is checked against and what the request's length is computed
/// from; a sequence that yields more or fewer bytes fails the upload and nothing is stored.
///
/// Two values are equal only when they are the same value (a stream has nothing to compare).
public struct AttachmentChunks: AsyncSequence, Sendable, Hashable {
    /// A chunk of bytes.
    public typealias Element = Data

    private final class Identity: Sendable {}

    /// Exactly how many bytes the chunks add up to.
    public let size: Int
    private let makeNext: @Sendable () -> @Sendable () async throws -> Data?
    private let identity = Identity()

    /// Creates the source.
    /// - Parameters:
    ///   - size: Exactly how many bytes the chunks add up to.
    ///   - makeChunks: Makes a sequence of the bytes from the first; called once per reading.
    public init<Chunks: AsyncSequence & Sendable>(size: Int, makeChunks: @escaping @Sendable () -> Chunks)
    where Chunks.Element == Data {
        self.size = size
        makeNext = {
            let box = ChunkIteratorBox(makeChunks().makeAsyncIterator())
            return { try await box.next() }
        }
    }

    /// Iterates over one reading of the chunks.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let nextChunk: @Sendable () async throws -> Data?

        /// The next chunk, or `nil` at the end.
        /// - Returns: The chunk.
        /// - Throws: What the source throws.
        public mutating func next() async throws -> Data? {
            try await nextChunk()
        }
    }

    /// Starts a reading from the first byte.
    /// - Returns: An iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(nextChunk: makeNext())
    }

    /// Whether two values are the same source.
    /// - Parameters:
    ///   - lhs: A source.
    ///   - rhs: Another.
    /// - Returns: `true` for the same value.
    public static func == (lhs: AttachmentChunks, rhs: AttachmentChunks) -> Bool {
        lhs.identity === rhs.identity
    }

    /// Hashes the value's identity.
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(identity))
    }
}

/// Holds a non-`Sendable` iterator behind an actor so that the sequence can be `Sendable` while
/// its iterator is used by one reader at a time.
private actor ChunkIteratorBox<Base: AsyncIteratorProtocol> where Base.Element == Data {
    private var base: Base

    init(_ base: Base) { self.base = base }

    func next() async throws -> Data? {
        var iterator = base
        defer { base = iterator }
        return try await iterator.next(isolation: self)
    }
}
