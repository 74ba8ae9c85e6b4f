import Foundation
import Synchronization
import TrackerAPI

/// An in-memory `/applications` index for paging tests: ascending ids, offset pages, the six
/// paging headers, and a hook that can mutate the data between requests.
final class FakeListServer: Sendable {
    struct Options: Sendable {
        var sendsHeaders = true
        var maximumPerPage = 5000
        var updatedAt: @Sendable (Int64) -> String = { _ in "2020-02-13T16:42:00Z" }
    }

    private let ids: Mutex<[Int64]>
    private let options: Options
    private let beforeRequest: @Sendable (Int, inout [Int64]) -> Void

    init(
        count: Int,
        options: Options = Options(),
        beforeRequest: @escaping @Sendable (Int, inout [Int64]) -> Void = { _, _ in }
    ) {
        self.ids = Mutex(Array(1...Int64(max(1, count))).prefix(count).map { $0 })
        self.options = options
        self.beforeRequest = beforeRequest
    }

    func respond(_ request: TrackerHTTPRequest, index: Int) -> TrackerHTTPResponse {
        let query = request.query
        let page = Int(query["page"] ?? "1") ?? 1
        let perPage = min(Int(query["per_page"] ?? "1000") ?? 1000, options.maximumPerPage)
        let (slice, total) = ids.withLock { ids in
            beforeRequest(index, &ids)
            let start = min((page - 1) * perPage, ids.count)
            let end = min(start + perPage, ids.count)
            return (Array(ids[start..<end]), ids.count)
        }
        let body =
            "["
            + slice.map { #"{"id": \#($0), "first_name": "P\#($0)", "updated_at": "\#(options.updatedAt($0))"}"# }
            .joined(separator: ",") + "]"
        var headers: TrackerHTTPHeaders = [:]
        if options.sendsHeaders {
            let pages = max(1, (total + perPage - 1) / perPage)
            headers = [
                "Total-Count": "\(total)", "Pages": "\(pages)", "Results-Per-Page": "\(perPage)",
                "Current-Page": "\(page)",
                "First-Link": "https://x/applications?page=1", "Last-Link": "https://x/applications?page=\(pages)",
            ]
        }
        return .json(body, headers: headers)
    }
}
