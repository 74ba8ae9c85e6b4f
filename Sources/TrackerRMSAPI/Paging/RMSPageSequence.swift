import Foundation
import Logging

/// One page of a `getRecords` scan.
public struct RMSPage<Record: RMSRecordDecodable>: Sendable {
    /// The page's records not seen on an earlier page of the scan, in the server's order.
    public var records: [Record]
    /// The `pagenum` this page was asked for.
    public var pageNumber: Int
    /// The first `pagenum` of this server, once known (0 or 1).
    public var pageBase: Int?
    /// `count` as the server sent it (its meaning varies; never used to end paging).
    public var count: Int?
    /// How many results the reply carried, repeats included.
    public var resultCount: Int
    /// Whether a time bound was widened because the account's zone is unknown: the records may
    /// include some outside the bounds, and their times are unplaced.
    public var isTimeFilterWidened: Bool
    /// Records dropped because their exact update time lay outside the asked bounds (a server
    /// that ignores the filter).
    public var droppedOutsideBounds: Int
}

/// The pages of a `getRecords` scan, fetched lazily one at a time as they are iterated; the scan
/// ends at an empty page or a page of repeats (see ``RMSPagingState``). Cancelling the iterating
/// task stops it.
public struct RMSPageSequence<Record: RMSRecordDecodable>: AsyncSequence, Sendable {
    /// A page.
    public typealias Element = RMSPage<Record>

    let client: TrackerRMSClient
    let query: RMSRecordQuery
    let logger: Logger?

    /// The records of every page, in order.
    public var records: RMSRecordSequence<Record> { RMSRecordSequence(pages: self) }

    /// Starts the scan.
    /// - Returns: The iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(
            client: client, query: query, logger: logger, state: RMSPagingState(base: client.configuration.pageBase))
    }

    /// Fetches page after page.
    public struct Iterator: AsyncIteratorProtocol {
        let client: TrackerRMSClient
        let query: RMSRecordQuery
        let logger: Logger?
        var state: RMSPagingState
        var firstPageShort: Int?

        /// The next page with new records, or `nil` at the end.
        /// - Returns: The page.
        /// - Throws: ``TrackerRMSError``.
        public mutating func next() async throws -> RMSPage<Record>? {
            while case .request(let page, let isProbe) = state.step {
                let fetched = try await fetch(page: page, isProbe: isProbe)
                let ids = fetched?.records.map(\.id.rawValue)
                let fresh = Set(state.receive(ids: ids))
                let label = "getRecords \(Record.recordType)"
                if let base = state.detectedBase {
                    client.observe(
                        base == 0 ? .pageBaseZero : .pageBaseOne, operation: label, logger: client.logger(logger))
                }
                if state.sawRepeatedPage {
                    client.observe(.repeatedLastPage, operation: label, logger: client.logger(logger))
                }
                guard let fetched, !fresh.isEmpty else { continue }
                var emitted = Set<String>()
                var records = fetched.records.filter {
                    fresh.contains($0.id.rawValue) && emitted.insert($0.id.rawValue).inserted
                }
                let before = records.count
                records = records.filter(isInsideBounds)
                if records.count < before {
                    client.observe(.timeFilterIgnored, operation: label, logger: client.logger(logger))
                }
                noteCount(fetched.reply, label: label)
                notePageSize(fetched.reply.results.count, page: page)
                return RMSPage(
                    records: records, pageNumber: page, pageBase: state.detectedBase, count: fetched.reply.count,
                    resultCount: fetched.reply.results.count, isTimeFilterWidened: fetched.widened,
                    droppedOutsideBounds: before - records.count)
            }
            return nil
        }

        private func fetch(page: Int, isProbe: Bool) async throws -> (
            reply: RMSReply, records: [Record], widened: Bool
        )? {
            let pageSize = query.pageSize ?? client.configuration.pageSize
            let (instructions, widened) = query.instructions(
                type: Record.recordType, page: page, pageSize: pageSize, time: client.accountTime)
            let call = RMSCall(
                operation: "getRecords", label: "getRecords \(Record.recordType)",
                payload: ["instructions": instructions], repeatability: .repeatable,
                status99Attempts: isProbe ? 2 : nil)
            do {
                let reply = try await client.send(call, logger: logger)
                let time = client.accountTime
                let records = reply.results.compactMap { Record(record: RMSRecord(raw: $0), time: time) }
                return (reply, records, widened)
            } catch let error as TrackerRMSError where isProbe && error.rmsStatus == 99 {
                // A 1-based server may refuse page 0; page 1 decides.
                return nil
            }
        }

        private func isInsideBounds(_ record: Record) -> Bool {
            guard let instant = record.lastUpdated?.instant else { return true }
            let slack = TimeInterval(RMSAccountTime.filterMarginSeconds + 1)
            if let after = query.updatedAfter, instant < after.addingTimeInterval(-slack) { return false }
            if let before = query.updatedBefore, instant > before.addingTimeInterval(slack) { return false }
            return true
        }

        private func noteCount(_ reply: RMSReply, label: String) {
            guard let count = reply.count, !reply.results.isEmpty else { return }
            if count > reply.results.count {
                client.observe(.countIsTotal, operation: label, logger: client.logger(logger))
            } else if count == reply.results.count {
                client.observe(.countIsPage, operation: label, logger: client.logger(logger))
            }
        }

        private mutating func notePageSize(_ results: Int, page: Int) {
            let asked = query.pageSize ?? client.configuration.pageSize
            if let short = firstPageShort, results > 0 {
                client.observe(
                    .pageSizeCapped, operation: "getRecords \(Record.recordType) (cap \(short))",
                    logger: client.logger(logger))
                firstPageShort = nil
            } else if results > 0, results < asked, firstPageShort == nil {
                firstPageShort = results
            }
        }
    }
}

/// The records of an ``RMSPageSequence``, one at a time.
public struct RMSRecordSequence<Record: RMSRecordDecodable>: AsyncSequence, Sendable {
    /// A record.
    public typealias Element = Record
    let pages: RMSPageSequence<Record>

    /// Starts the scan.
    /// - Returns: The iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator())
    }

    /// Yields records page by page.
    public struct Iterator: AsyncIteratorProtocol {
        var pages: RMSPageSequence<Record>.Iterator
        var buffer: [Record] = []
        var index = 0

        /// The next record, or `nil` at the end.
        /// - Returns: The record.
        /// - Throws: ``TrackerRMSError``.
        public mutating func next() async throws -> Record? {
            while index >= buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.records
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}

extension TrackerRMSClient {
    func logger(_ logger: Logger?) -> Logger { logger ?? configuration.logger }
}
