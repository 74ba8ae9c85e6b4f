import Foundation
import Logging

/// The pages of an index endpoint, as an `AsyncSequence`.
///
/// Nothing is fetched until iteration starts. Pages are requested ahead, at most
/// ``TrackerAPI/Configuration-swift.struct/pagesInFlight`` at once, so that the network and
/// decoding overlap while memory stays bounded by that many pages. Paging stops on the last page
/// (`Pages`), or on an empty or short page when the server sends no `Pages` header. Cancellation
/// is checked before each page and cancels the pages in flight. Use ``records`` for the records
/// themselves.
public struct TrackerPageSequence<Record: Sendable>: AsyncSequence, Sendable {
    /// A page.
    public typealias Element = TrackerPage<Record>

    let source: PageSource<Record>

    /// The records of every page, in order.
    public var records: TrackerRecordSequence<Record> {
        TrackerRecordSequence(pages: self)
    }

    /// Starts paging.
    /// - Returns: An iterator; each iterator pages independently.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(fetcher: PageFetcher(source: source))
    }

    /// Iterates over pages.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let fetcher: PageFetcher<Record>

        /// The next page, or `nil` after the last.
        /// - Returns: The page.
        /// - Throws: ``TrackerAPIError`` when a page cannot be fetched (after retries) or read.
        public mutating func next() async throws -> TrackerPage<Record>? {
            try await fetcher.next()
        }
    }
}

/// Everything needed to fetch and decode pages of one list; `Sendable`, so page tasks capture it.
struct PageSource<Record: Sendable>: Sendable {
    let api: TrackerAPI
    let endpoint: TrackerEndpoint
    let firstPage: Int
    let pageSize: Int
    let updatedAfter: Date?
    let logger: Logger?
    let decode: @Sendable (WireObject, inout WireContext) throws -> Record
    let keys: WireKeys?
    /// The account zone's offsets, kept from page to page.
    let zoneOffsets = SharedZoneOffsets()
    let key: @Sendable (Record) -> Int64?
    let updatedAt: @Sendable (Record) -> TrackerTimestamp?

    /// One fetched and decoded page, before delivery decisions.
    struct Fetched: Sendable {
        var records: [Record]
        var summary: PaginationState.Summary
        var droppedStale: Int
        var observations: ObservationBits
    }
}

extension PageSource where Record: PageableRecord {
    init(
        api: TrackerAPI,
        endpoint: TrackerEndpoint,
        firstPage: Int,
        pageSize: Int?,
        updatedAfter: Date?,
        logger: Logger?,
        maximumPageSize: Int = 5000
    ) {
        self.api = api
        self.endpoint = endpoint
        self.firstPage = max(1, firstPage)
        self.pageSize = min(max(1, pageSize ?? api.configuration.pageSize), maximumPageSize)
        self.updatedAfter = updatedAfter
        self.logger = logger
        self.decode = { wire, context in try Record(wire: wire, context: &context) }
        self.keys = Record.wireKeys
        self.key = { $0.pagingKey }
        self.updatedAt = { $0.pagingUpdatedAt }
    }
}

extension PageSource {
    /// Fetches and decodes one page (runs inside a page task, in parallel with others).
    func fetch(page: Int, perPage: Int? = nil, slot ticket: (RequestSlots, UInt64)? = nil) async throws -> Fetched {
        if let ticket { try await ticket.0.acquire(ticket.1) }
        let slot = HeldSlot(ticket?.0)
        defer { slot.release() }
        var endpoint = endpoint
        endpoint.query.append(("page", String(page)))
        endpoint.query.append(("per_page", String(perPage ?? pageSize)))
        let label = endpoint.label
        let timeZone = api.configuration.accountTimeZone
        return try await api.perform(endpoint, logger: logger) { [self] response in
            // The body is in: the next page may use the network while this one decodes.
            slot.release()
            var context = WireContext(endpoint: label, timeZone: timeZone)
            context.zoneOffsets = zoneOffsets.snapshot()
            defer { zoneOffsets.keep(context.zoneOffsets) }
            let all: [Record] = try api.decodeRecords(response, endpoint: label, keys: keys, context: &context) {
                wire, context in
                try decode(wire, &context)
            }
            let paging = TrackerPagingInfo(headers: response.headers)
            if paging.isEmpty { context.observations.insert(.pagingHeadersMissing) }
            if perPage == nil, let applied = paging.resultsPerPage, applied < pageSize {
                context.observations.insert(.pageSizeCapped)
            }
            var keys = all.map(key)
            let numeric = keys.allSatisfy { $0 != nil }
            if !numeric { keys = [] }
            let ascending = zip(keys, keys.dropFirst()).allSatisfy { pair in (pair.0 ?? 0) < (pair.1 ?? 0) }
            if numeric && !ascending { context.observations.insert(.unorderedPages) }
            let kept = filterStale(all)
            if kept.count < all.count { context.observations.insert(.updatedAfterIgnored) }
            return Fetched(
                records: kept,
                summary: .init(
                    paging: paging,
                    count: all.count,
                    firstKey: keys.first ?? nil,
                    lastKey: keys.last ?? nil,
                    isAscending: numeric && ascending
                ),
                droppedStale: all.count - kept.count,
                observations: context.observations
            )
        }
    }

    /// Drops records updated before `updated_after`. A naive timestamp read without a known
    /// account zone may be off by up to 14 hours, so it is only dropped when it is older even
    /// allowing for that; a record without `updated_at` is always kept.
    private func filterStale(_ records: [Record]) -> [Record] {
        guard let updatedAfter else { return records }
        return records.filter { record in
            guard let stamp = updatedAt(record) else { return true }
            let slack: TimeInterval = stamp.offsetSource == .assumedUTC ? 14 * 3_600 : 0
            return stamp.date.addingTimeInterval(slack) >= updatedAfter
        }
    }
}

extension TrackerAPI {
    /// Decodes a bare array with a record decoder given as a closure (for generic page sources).
    ///
    /// With the model's `keys`, the records are read into slots (see ``WireKeys``); a body that is
    /// not an array of objects, or not JSON, is read again the full way, which reports the problem
    /// exactly as it always has.
    func decodeRecords<Record>(
        _ response: ReceivedResponse,
        endpoint: String,
        keys: WireKeys? = nil,
        context: inout WireContext,
        using decode: (WireObject, inout WireContext) throws -> Record
    ) throws -> [Record] {
        if let keys, let objects = TrackerJSON.parseObjectArray(response.body, keys: keys) {
            var records: [Record] = []
            records.reserveCapacity(objects.count)
            for object in objects {
                records.append(try decode(WireObject(keys: keys, slots: object.slots, bytes: object.bytes), &context))
            }
            return records
        }
        let (value, texts) = try parseJSONKeepingElements(response, endpoint: endpoint)
        guard case .array(let elements) = value, texts.count == elements.count else {
            throw shapeError(response, endpoint, "a JSON array")
        }
        var records: [Record] = []
        records.reserveCapacity(elements.count)
        for (element, text) in zip(elements, texts) {
            guard case .object(let object) = element else {
                throw shapeError(response, endpoint, "an array of objects")
            }
            records.append(try decode(WireObject(fields: object, bytes: text), &context))
        }
        return records
    }
}
