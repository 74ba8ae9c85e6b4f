/// The records of a paged list, flattened, as an `AsyncSequence`.
///
/// Lazy and bounded like ``TrackerPageSequence``. After a re-read (records moved between pages
/// while paging) a record may appear twice; none is skipped. Callers that need uniqueness
/// de-duplicate by id.
public struct TrackerRecordSequence<Record: Sendable>: AsyncSequence, Sendable {
    /// A record.
    public typealias Element = Record

    /// The pages the records come from.
    public let pages: TrackerPageSequence<Record>

    /// Starts paging.
    /// - Returns: An iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    /// Iterates over records.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: TrackerPageSequence<Record>.AsyncIterator
        var buffer: [Record] = []
        var index = 0

        /// The next record, or `nil` after the last.
        /// - Returns: The record.
        /// - Throws: ``TrackerAPIError`` when a page cannot be fetched or read.
        public mutating func next() async throws -> Record? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.records
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// Collects every record into an array. Convenient for small lists; large ones should be
    /// iterated so memory stays flat.
    /// - Returns: The records.
    /// - Throws: ``TrackerAPIError``.
    public func collect() async throws -> [Record] {
        var result: [Record] = []
        for try await record in self { result.append(record) }
        return result
    }
}
