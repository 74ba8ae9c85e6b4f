/// A lazy, cancellable sequence of records that a provider reads page by page.
///
/// Nothing is fetched until iteration starts, memory stays bounded by the provider's pages in
/// flight however large the account, and cancelling the iterating task stops the paging. Each
/// iterator reads independently: iterating a stream twice reads the provider twice.
///
/// The type erases the provider's own sequence so that ``ATSClient`` can name it without knowing
/// any provider module.
public struct ATSStream<Element: Sendable>: AsyncSequence, Sendable {
    /// The error the stream throws: ``ATSError`` from providers, `CancellationError` on cancellation.
    public typealias Failure = any Error

    private let make: @Sendable () -> AsyncIterator

    /// Wraps a provider's sequence.
    /// - Parameter base: The sequence to read; it is iterated once per iterator made.
    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == Element {
        make = { AsyncIterator(base.makeAsyncIterator()) }
    }

    /// Starts reading.
    /// - Returns: An iterator that reads the provider afresh.
    public func makeAsyncIterator() -> AsyncIterator { make() }

    /// Reads the stream's records in order.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let nextElement: () async throws -> Element?

        init<Base: AsyncIteratorProtocol>(_ base: Base) where Base.Element == Element {
            var base = base
            nextElement = { try await base.next() }
        }

        /// The next record, or nil after the last one.
        /// - Returns: The record.
        /// - Throws: ``ATSError`` when the provider cannot be read.
        public mutating func next() async throws -> Element? {
            try await nextElement()
        }
    }

    /// Reads every record into an array: convenient for small streams; iterate large ones.
    /// - Returns: The records in stream order.
    /// - Throws: ``ATSError`` when the provider cannot be read.
    public func collect() async throws -> [Element] {
        var records: [Element] = []
        for try await record in self { records.append(record) }
        return records
    }
}
