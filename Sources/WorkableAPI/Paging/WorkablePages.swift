import Foundation
import Logging

/// One page of a list.
public struct WorkablePage<Record: Sendable>: Sendable {
    /// The page's records (those the server sent, minus any a time filter it ignored should have
    /// kept out).
    public var records: [Record]
    /// The next page's URL as the server gave it, or `nil` on the last page.
    public var next: String?
}

/// A list as pages: nothing is fetched until iterated; each page follows the previous one's
/// `paging.next` until it is absent, `null` or empty.
///
/// A `next` on the configured origin is followed as given (it may use the older
/// `/accounts/{subdomain}` path form); one on another scheme, host or port has its query applied
/// to the configured root and the same collection instead, so the token never leaves the API
/// host. A `next` equal to the previous one ends the list (and is reported).
public struct WorkablePages<Record: Sendable>: AsyncSequence, Sendable {
    /// One page.
    public typealias Element = WorkablePage<Record>

    let api: WorkableAPI
    let first: WorkableEndpoint
    let key: String
    let make: @Sendable (WorkableJSON) -> Record?
    /// Drops records a server returned although a strict `updated_after`/`created_after` excludes them.
    let keep: @Sendable (Record) -> Bool
    let logger: Logger?
    /// Whether a bare array is this endpoint's known shape (`/disqualification_reasons`), so
    /// receiving one is not worth reporting.
    var bareIsExpected = false

    /// The records one by one, page after page.
    public var records: WorkableRecords<Record> { WorkableRecords(pages: self) }

    /// Reads every page into one array (for small lists).
    /// - Returns: Every record.
    /// - Throws: ``WorkableAPIError``.
    public func collect() async throws -> [Record] {
        var all: [Record] = []
        for try await page in self { all += page.records }
        return all
    }

    /// Makes the iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: self, endpoint: first)
    }

    /// Fetches pages one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let pages: WorkablePages
        var endpoint: WorkableEndpoint?
        var seenNext: Set<String> = []

        init(pages: WorkablePages, endpoint: WorkableEndpoint) {
            self.pages = pages
            self.endpoint = endpoint
        }

        /// The next page, or `nil` after the last.
        /// - Throws: ``WorkableAPIError``.
        public mutating func next() async throws -> WorkablePage<Record>? {
            guard let current = endpoint else { return nil }
            let key = pages.key
            let make = pages.make
            let (page, bare, pagingShape) = try await pages.api.perform(current, logger: pages.logger) {
                answer throws(WorkableAPIError) in
                let json = try WorkableAPI.json(answer)
                let (records, bare) = try WorkableAPI.list(json, key: key, make)
                let next = json["paging"]["next"].string
                let shape: PagingShape =
                    json["paging"].isNull ? .absent : (next == nil ? .nullOrEmpty : .present)
                return (WorkablePage(records: records, next: next), bare, shape)
            }
            let logger = pages.logger ?? pages.api.configuration.logger
            let template = pages.first.template
            if bare != pages.bareIsExpected { pages.api.observe(.listShapeDiffers, endpoint: template, logger: logger) }
            if pagingShape == .nullOrEmpty { pages.api.observe(.nextNullOrEmpty, endpoint: template, logger: logger) }
            var result = page
            let kept = page.records.filter(pages.keep)
            if kept.count != page.records.count {
                pages.api.observe(.timeFilterIgnored, endpoint: template, logger: logger)
                result.records = kept
            }
            endpoint = nil
            if let next = page.next {
                if seenNext.insert(next).inserted {
                    endpoint = pages.api.following(next, from: pages.first, logger: logger)
                } else {
                    pages.api.observe(.repeatedNext, endpoint: template, logger: logger)
                }
            }
            return result
        }
    }

    enum PagingShape: Sendable {
        case absent, nullOrEmpty, present
    }
}

/// A list's records one by one (see ``WorkablePages``).
public struct WorkableRecords<Record: Sendable>: AsyncSequence, Sendable {
    /// One record.
    public typealias Element = Record
    let pages: WorkablePages<Record>

    /// Makes the iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    /// Yields the buffered page's records, fetching the next page when they run out.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: WorkablePages<Record>.AsyncIterator
        var buffer: [Record] = []
        var index = 0

        /// The next record, or `nil` after the last.
        /// - Throws: ``WorkableAPIError``.
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

    /// Reads every record into one array.
    /// - Returns: Every record.
    /// - Throws: ``WorkableAPIError``.
    public func collect() async throws -> [Record] { try await pages.collect() }
}

extension WorkableAPI {
    /// The call that fetches `next`: as given on the configured origin, else its query applied to
    /// the configured root and the first call's collection path.
    func following(_ next: String, from first: WorkableEndpoint, logger: Logger) -> WorkableEndpoint {
        var endpoint = first
        guard let components = URLComponents(string: next) else {
            observe(.nextOnOtherHost, endpoint: first.template, logger: logger)
            return endpoint
        }
        if base.isSameOrigin(components) {
            endpoint.absoluteURL = next
            return endpoint
        }
        observe(.nextOnOtherHost, endpoint: first.template, logger: logger)
        endpoint.query = (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
        endpoint.absoluteURL = nil
        return endpoint
    }
}
