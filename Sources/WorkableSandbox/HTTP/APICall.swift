import Foundation

/// One API request, parsed: the path's segments after the API root (either path form), the query,
/// the body, and the origin `paging.next` links are built on.
struct APICall: Sendable {
    var method: String
    var segments: [String]
    var query: [(String, String)]
    var body: [UInt8]
    var origin: String
    var token: String

    func parameter(_ name: String) -> String? {
        query.last { $0.0 == name }?.1
    }

    static func parseQuery(_ text: String) -> [(String, String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            return (name, value)
        }
    }

    /// The segments after `/spi/v3` or `/spi/v3/accounts/{subdomain}`; `nil` outside the API.
    static func apiSegments(_ path: String, subdomain: String) -> [String]? {
        var segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard segments.count >= 2, segments[0] == "spi", segments[1] == "v3" else { return nil }
        segments.removeFirst(2)
        if segments.count > 2, segments[0] == "accounts", segments[1] == subdomain {
            segments.removeFirst(2)
        }
        return segments
    }
}

/// An answer before it becomes an HTTP response.
struct SandboxReply: Sendable {
    var status: Int
    var contentType: String
    var body: [UInt8]
    var headers: [(String, String)] = []

    static func json(_ value: JSONOut, status: Int = 200) -> SandboxReply {
        SandboxReply(status: status, contentType: "application/json; charset=utf-8", body: value.bytes)
    }

    static func empty(status: Int = 200) -> SandboxReply {
        SandboxReply(status: status, contentType: "", body: [])
    }

    static func error(_ error: SandboxError) -> SandboxReply {
        var reply = json(error.json, status: error.status)
        reply.headers = error.headers
        return reply
    }
}
