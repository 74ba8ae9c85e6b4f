internal import Synchronization

/// `page` and `per_page` as the sandbox reads them. [model, as docs/tracker-api.openapi.yaml says]
/// A value that is not an integer, a `page` below 1, or a `per_page` outside 1…maximum is refused
/// with `400` naming the parameter and the allowed range. A page past the last is an empty array.
struct PageRequest: Sendable {
    static let defaultPerPage = 1000
    static let maximumPerPage = 5000
    static let maximumFilesPerPage = 1000

    var page: Int
    var perPage: Int

    /// The offset of the page's first record (saturating, so absurd page numbers give empty pages).
    var offset: Int {
        let (product, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        return overflow ? Int.max : product
    }

    init(_ query: QueryParameters, maximum: Int) throws(SandboxHTTPError) {
        func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws(SandboxHTTPError) -> Int {
            guard let text = query[name] else { return fallback }
            guard let value = Int(text.trimmingSpaces()), range.contains(value) else {
                let upper = range.upperBound == Int.max ? "" : " and \(range.upperBound)"
                throw .badRequest("\(name) must be an integer between \(range.lowerBound)\(upper), not '\(text)'")
            }
            return value
        }
        page = try integer("page", default: 1, range: 1...Int.max)
        perPage = try integer("per_page", default: min(Self.defaultPerPage, maximum), range: 1...maximum)
    }

    /// The six paging headers for a list of `total` records.
    func headers(total: Int, call: APICall) -> [(name: String, value: String)] {
        let pages = (total + perPage - 1) / perPage
        let base = call.origin + call.path + "?"
        return [
            ("Total-Count", String(total)),
            ("Pages", String(pages)),
            ("Results-Per-Page", String(perPage)),
            ("Current-Page", String(page)),
            ("First-Link", base + call.query.replacingPage(with: 1, perPage: perPage)),
            ("Last-Link", base + call.query.replacingPage(with: max(pages, 1), perPage: perPage)),
        ]
    }
}

extension SandboxAPI {
    /// A paged list of one resource, in ascending id order.
    /// - Parameters:
    ///   - table: the resource's table in the state.
    ///   - baseFilter: when the list is filtered, a cache key and the filter over base ids (run
    ///     outside the lock on generated data only); `nil` for the whole list.
    ///   - candidates: the base ids worth scanning (all of them unless a filter narrows it cheaply).
    ///   - overlayFilter: the same filter over changed and inserted records.
    ///   - generate: the generator of base records.
    ///   - write: the record's wire shape.
    func list<Record: Sendable>(
        _ call: APICall,
        maximumPerPage: Int = PageRequest.maximumPerPage,
        table: KeyPath<SandboxState, ResourceTable<Record>>,
        baseFilter: (key: String, matches: (Int) -> Bool)?,
        candidates: IDRange? = nil,
        overlayFilter: (Record) -> Bool = { _ in true },
        generate: (Int) -> Record,
        write: (RenderContext, Record, inout JSONWriter) -> Void
    ) throws(SandboxHTTPError) -> SandboxReply {
        let request = try PageRequest(call.query, maximum: maximumPerPage)
        var baseMatches: SortedIDs<Int32>?
        if let baseFilter {
            let range = candidates ?? IDRange(1, store.read { $0[keyPath: table].baseCount })
            baseMatches = store.filterCache.ids(for: baseFilter.key) {
                var ids: [Int32] = []
                guard range.count > 0 else { return ids }
                for id in range.lower...range.upper where baseFilter.matches(id) {
                    ids.append(Int32(truncatingIfNeeded: id))
                }
                return ids
            }
        }
        let (total, entries, context) = store.data.withLock { state in
            let table = state[keyPath: table]
            let page =
                if let baseMatches {
                    table.page(
                        baseMatches: baseMatches, overlayMatches: overlayFilter, offset: request.offset,
                        limit: request.perPage
                    )
                } else {
                    table.page(offset: request.offset, limit: request.perPage)
                }
            return (page.total, page.entries, state.renderContext)
        }
        var writer = JSONWriter(capacity: 64 + entries.count * 700)
        writer.beginArray()
        for entry in entries {
            write(context, entry.record ?? generate(entry.id), &writer)
        }
        writer.endArray()
        return SandboxReply(status: 200, headers: request.headers(total: total, call: call), body: writer.bytes)
    }

    /// A short list held in memory (users, triggers, webhooks): a bare array, not paged.
    func list<Record>(records: [Record], write: (Record, inout JSONWriter) -> Void) -> SandboxReply {
        .json { writer in
            writer.beginArray()
            for record in records { write(record, &writer) }
            writer.endArray()
        }
    }

    /// The `updated_after` bound in epoch seconds, or `nil` when absent or ignored by configuration.
    /// - Throws: `400` when the value is not an ISO-8601 timestamp.
    func timestampParameter(_ name: String, _ call: APICall, honoured: Bool = true) throws(SandboxHTTPError) -> Int64? {
        guard honoured, let text = call.query[name] else { return nil }
        let zone = store.read { $0.zone }
        guard let bound = Timestamp.parseLowerBound(text[...], zone: zone) else {
            throw .badRequest(
                "\(name) must be an ISO-8601 timestamp such as 2024-03-01T09:15:00Z, 2024-03-01T09:15:00-08:00 "
                    + "or 2024-03-01T09:15:00 (account time); got '\(text)'"
            )
        }
        return bound
    }

    /// An integer id from the query (`app_id`, `job_id`), or `nil` when absent.
    func idParameter(_ name: String, _ call: APICall) throws(SandboxHTTPError) -> Int? {
        guard let text = call.query[name] else { return nil }
        guard let value = Int(text.trimmingSpaces()), value >= 1 else {
            throw .badRequest("\(name) must be a positive integer id, not '\(text)'")
        }
        return value
    }
}
