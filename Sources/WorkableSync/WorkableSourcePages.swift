public import ATSSync

/// The pages of one stream of a ``WorkableSyncSource``, whichever way the stream is read.
public struct WorkableSourcePages: AsyncSequence, Sendable {
    /// A page of mirror rows.
    public typealias Element = SourcePage

    /// Reads the next page, or nil after the last.
    typealias NextPage = () async throws -> SourcePage?

    let makeNext: @Sendable () -> NextPage

    /// Starts reading.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(next: makeNext()) }

    /// Reads pages one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let next: NextPage

        /// The next page.
        /// - Returns: The page, or nil after the last.
        /// - Throws: What the Workable client throws.
        public mutating func next() async throws -> SourcePage? { try await next() }
    }

    /// No pages.
    static let empty = WorkableSourcePages { { nil } }
}

/// Iterator state a page-reading closure advances.
final class PageState<Value> {
    var value: Value

    init(_ value: Value) { self.value = value }
}
