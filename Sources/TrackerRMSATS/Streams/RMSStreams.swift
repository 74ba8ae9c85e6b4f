import ATSCore
import Foundation
import TrackerRMSAPI

/// A stream that prepares itself (reads the metadata, builds an index) on the first `next()`, then
/// reads the stream it built; every failure is mapped to ``ATSCore/ATSError`` for one operation.
struct DeferredStream<Element: Sendable>: AsyncSequence, Sendable {
    let operation: ATSOperation
    let build: @Sendable () async throws -> ATSStream<Element>

    func makeAsyncIterator() -> Iterator { Iterator(operation: operation, build: build) }

    struct Iterator: AsyncIteratorProtocol {
        let operation: ATSOperation
        let build: @Sendable () async throws -> ATSStream<Element>
        var inner: ATSStream<Element>.AsyncIterator?

        mutating func next() async throws -> Element? {
            do {
                var iterator = try await currentIterator()
                defer { inner = iterator }
                return try await iterator.next()
            } catch {
                throw RMSErrors.map(error, operation: operation)
            }
        }

        private mutating func currentIterator() async throws -> ATSStream<Element>.AsyncIterator {
            if let inner { return inner }
            let made = try await build().makeAsyncIterator()
            inner = made
            return made
        }
    }
}

/// Maps and filters another sequence's elements.
struct CompactMappedStream<Base: AsyncSequence & Sendable, Element: Sendable>: AsyncSequence, Sendable {
    let base: Base
    let transform: @Sendable (Base.Element) -> Element?

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), transform: transform) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let transform: @Sendable (Base.Element) -> Element?

        mutating func next() async throws -> Element? {
            while let element = try await base.next() {
                if let mapped = transform(element) { return mapped }
            }
            return nil
        }
    }
}

/// Which records of a read the caller sees.
enum RMSChangeFilter {
    /// Whether a record changed at `stamp` is at or after `bound`. A time placed on the timeline is
    /// compared exactly; an unplaced one (zone unknown) is kept unless even the latest instant it
    /// can stand for is before the bound: a possible duplicate is better than a lost change.
    static func admits(_ stamp: RMSTimestamp?, after bound: Date?) -> Bool {
        guard let bound, let stamp else { return true }
        if let instant = stamp.instant { return instant >= bound }
        return stamp.possibleInstants.upperBound >= bound
    }

    /// The wire query for a change query.
    static func wireQuery(_ query: ATSChangeQuery) -> RMSRecordQuery {
        RMSRecordQuery(
            updatedAfter: query.updatedAfter,
            order: query.updatedAfter == nil ? .serverDefault : .lastUpdatedAscending,
            includeCustomFields: true)
    }
}
