public import ATSSync

/// The pages of one stream of a ``TrackerSyncSource``, whatever the stream's record type.
///
/// Each stream reads a different Tracker endpoint with its own record type; this sequence hides
/// that behind one element type, ``SourcePage``, so that the engine sees one kind of source.
public struct TrackerSourcePages: AsyncSequence, Sendable {
    /// A page of mirror rows.
    public typealias Element = SourcePage

    let makeNext: @Sendable () -> NextPage

    /// Reads the next page, or nil after the last.
    typealias NextPage = () async throws -> SourcePage?

    /// Starts reading.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(next: makeNext())
    }

    /// Reads pages one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let next: NextPage

        /// The next page.
        /// - Returns: The page, or nil after the last.
        /// - Throws: What the Tracker client throws.
        public mutating func next() async throws -> SourcePage? {
            try await next()
        }
    }
}

/// Holds an iterator (or a flag) so that a page-reading closure can advance it.
final class MutableBox<Value> {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}

extension TrackerSourcePages {
    /// The same pages, with `beforeEachPage` run before each one is read: for tests and tools that
    /// watch or disturb a sync.
    /// - Parameters:
    ///   - pages: The pages.
    ///   - beforeEachPage: What to do first.
    /// - Returns: The wrapped pages.
    public static func wrapping(
        _ pages: TrackerSourcePages,
        beforeEachPage: @escaping @Sendable () -> Void
    ) -> TrackerSourcePages {
        TrackerSourcePages {
            let next = pages.makeNext()
            return {
                beforeEachPage()
                return try await next()
            }
        }
    }
}
