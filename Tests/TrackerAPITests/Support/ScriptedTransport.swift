import Foundation
import Logging
import Synchronization
import TrackerAPI

/// A transport double: answers each request with a closure and records what was sent.
final class ScriptedTransport: TrackerTransport {
    typealias Handler = @Sendable (TrackerHTTPRequest, Int) async throws -> TrackerHTTPResponse

    private let handler: Handler
    private let log = Mutex<[TrackerHTTPRequest]>([])
    private let inFlight = Mutex<(current: Int, peak: Int)>((0, 0))

    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    /// Every request sent, in order.
    var requests: [TrackerHTTPRequest] { log.withLock { $0 } }

    /// The most requests that were in flight at once.
    var peakConcurrency: Int { inFlight.withLock { $0.peak } }

    func execute(_ request: TrackerHTTPRequest, timeout: Duration, logger: Logger) async throws -> TrackerHTTPResponse {
        let index = log.withLock { log in
            log.append(request)
            return log.count - 1
        }
        inFlight.withLock { state in
            state.current += 1
            state.peak = max(state.peak, state.current)
        }
        defer { inFlight.withLock { $0.current -= 1 } }
        return try await handler(request, index)
    }

    func shutdown() async throws {}
}

extension TrackerHTTPResponse {
    static func json(_ text: String, status: Int = 200, headers: TrackerHTTPHeaders = [:]) -> TrackerHTTPResponse {
        var headers = headers
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        return TrackerHTTPResponse(status: status, headers: headers, body: TrackerHTTPBody(Data(text.utf8)))
    }

    static func text(_ status: Int, _ text: String, headers: TrackerHTTPHeaders = [:]) -> TrackerHTTPResponse {
        TrackerHTTPResponse(status: status, headers: headers, body: TrackerHTTPBody(Data(text.utf8)))
    }
}

extension TrackerHTTPRequest {
    /// The query items of the URL, by name.
    var query: [String: String] {
        guard let components = URLComponents(string: url) else { return [:] }
        return Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") },
            uniquingKeysWith: { _, last in last }
        )
    }

    /// The path of the URL.
    var path: String { URLComponents(string: url)?.path ?? "" }
}

enum TestAPI {
    static let password = "s3cret-Pa55word"

    static func configuration(
        baseURL: String = "https://api.example.test/api/v1",
        retry: TrackerRetryPolicy = TrackerRetryPolicy(jitter: 0),
        rateLimit: TrackerRateLimit? = nil,
        pageSize: Int = 3,
        pagesInFlight: Int = 1,
        timeZone: TimeZone? = TimeZone(identifier: "America/Los_Angeles")
    ) -> TrackerAPI.Configuration {
        TrackerAPI.Configuration(
            baseURL: baseURL,
            apiKey: "key-1234",
            apiPassword: password,
            accountTimeZone: timeZone,
            retryPolicy: retry,
            rateLimit: rateLimit,
            pageSize: pageSize,
            pagesInFlight: pagesInFlight
        )
    }

    static func make(
        _ configuration: TrackerAPI.Configuration = configuration(),
        clock: ManualClock = ManualClock(),
        handler: @escaping ScriptedTransport.Handler
    ) throws -> (TrackerAPI, ScriptedTransport, ManualClock) {
        let transport = ScriptedTransport(handler)
        let api = try TrackerAPI(configuration: configuration, transport: transport, clock: clock)
        return (api, transport, clock)
    }
}
