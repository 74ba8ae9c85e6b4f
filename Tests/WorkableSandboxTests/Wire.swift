import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import WorkableSandbox

/// Raw HTTP against the sandbox, with no client library: what the sandbox sends is checked as bytes
/// and Foundation JSON, so these tests do not depend on WorkableAPI.
struct Wire {
    let sandbox: RunningWorkableSandbox

    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        func list(_ key: String) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func send(
        _ method: HTTPMethod = .GET, _ path: String, token: String? = nil, body: Any? = nil, absolute: Bool = false
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: absolute ? path : sandbox.baseURL + path)
        request.method = method
        if let token = token ?? Optional(sandbox.token), !token.isEmpty {
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return Answer(
            status: Int(response.status.code), headers: response.headers, body: Array(bytes.readableBytesView))
    }

    func get(_ path: String, token: String? = nil) async throws -> Answer { try await send(.GET, path, token: token) }
}

let sandboxStart = Date(timeIntervalSince1970: 1_796_000_003)

/// A sandbox on a manual clock, without rate limit unless a test asks.
func withSandbox<Result: Sendable>(
    _ configure: (inout WorkableSandboxConfiguration) -> Void = { _ in },
    _ body: (Wire, RunningWorkableSandbox, ManualWorkableSandboxClock) async throws -> Result
) async throws -> Result {
    let clock = ManualWorkableSandboxClock(start: sandboxStart)
    var configuration = WorkableSandboxConfiguration(personCount: 25, clock: clock)
    configuration.behavior.rateLimit = nil
    configuration.deliveryPauses = [.zero, .zero]
    configure(&configuration)
    return try await withWorkableSandbox(configuration) { sandbox in
        try await body(Wire(sandbox: sandbox), sandbox, clock)
    }
}
