import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import TrackerSandbox

/// A response as a client sees it over a real HTTP connection.
struct WireResponse {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    func header(_ name: String) -> String? { headers.first(name: name) }
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed by Foundation (independent of the sandbox's own JSON writer).
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }

    func array() throws -> [[String: Any]] {
        try #require(try json() as? [[String: Any]], "expected a JSON array of objects, got: \(text.prefix(200))")
    }

    func object() throws -> [String: Any] {
        try #require(try json() as? [String: Any], "expected a JSON object, got: \(text.prefix(200))")
    }

    /// The `error` message of a JSON error body.
    func errorMessage() throws -> String {
        try #require(try object()["error"] as? String, "expected {\"error\": ...}, got: \(text.prefix(200))")
    }
}

/// A tiny HTTP client for the sandbox, over AsyncHTTPClient's shared client.
struct Wire {
    let sandbox: RunningSandbox
    var credentials: (user: String, password: String)?

    init(_ sandbox: RunningSandbox) {
        self.sandbox = sandbox
        credentials = (sandbox.apiKey, sandbox.apiPassword)
    }

    func url(_ path: String) -> String {
        path.hasPrefix("/api/") || path.hasPrefix("/applicant_webhooks")
            ? sandbox.origin + path : sandbox.baseURL + path
    }

    func get(_ path: String) async throws -> WireResponse {
        try await send(.get, path)
    }

    /// The methods the tests use (named here so test files need no NIO import).
    enum Method: String {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case delete = "DELETE"
    }

    func send(_ method: Method, _ path: String, json: String? = nil, timeout: Int64 = 30) async throws -> WireResponse {
        var request = HTTPClientRequest(url: url(path))
        request.method = HTTPMethod(rawValue: method.rawValue)
        request.headers.add(name: "Accept", value: "application/json")
        if let credentials {
            let token = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
            request.headers.add(name: "Authorization", value: "Basic \(token)")
        }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeout))
        let body = try await response.body.collect(upTo: 64 << 20)
        return WireResponse(
            status: Int(response.status.code), headers: response.headers, body: Array(body.readableBytesView))
    }

    /// Every record of a paged list, following `Pages`.
    func all(_ path: String, perPage: Int = 1000) async throws -> [[String: Any]] {
        var records: [[String: Any]] = []
        var page = 1
        let separator = path.contains("?") ? "&" : "?"
        while true {
            let response = try await get("\(path)\(separator)page=\(page)&per_page=\(perPage)")
            try #require(
                response.status == 200, "GET \(path) page \(page): \(response.status) \(response.text.prefix(200))")
            records += try response.array()
            let pages = Int(response.header("Pages") ?? "") ?? 0
            if page >= pages { return records }
            page += 1
        }
    }
}

/// Test configurations: small accounts on a manual clock, so data and behaviour are identical on
/// every run.
enum Fixture {
    /// 2024-06-15T12:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_718_452_800)

    static func configuration(
        applications: Int = 300, jobs: Int = 24, clock: ManualSandboxClock = ManualSandboxClock(start: start),
        actionExecution: SandboxActionExecution = .manual, behavior: SandboxBehavior = SandboxBehavior()
    ) -> SandboxConfiguration {
        SandboxConfiguration(
            seed: 42, jobCount: jobs, applicationCount: applications, clock: clock, actionExecution: actionExecution,
            behavior: behavior
        )
    }

    /// `withTrackerSandbox` with a small account and a `Wire` client.
    static func run<R: Sendable>(
        _ configuration: SandboxConfiguration = Fixture.configuration(),
        _ body: (RunningSandbox, Wire) async throws -> R
    ) async throws -> R {
        try await withTrackerSandbox(configuration) { sandbox in
            try await body(sandbox, Wire(sandbox))
        }
    }
}

extension [String: Any] {
    /// A string field.
    func string(_ key: String) -> String? { self[key] as? String }
    /// An id field, given as a string or a number.
    func id(_ key: String = "id") -> Int? {
        if let text = self[key] as? String { return Int(text) }
        return self[key] as? Int
    }
}
