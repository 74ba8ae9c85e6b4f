import Foundation
import Logging
import Synchronization
import TrackerAPI

/// A transport that answers every request with the response it was last given.
///
/// The fuzz cases feed the public decoding pipeline thousands of mutated bodies a second; the
/// sandbox serves the real pages these are mutated from (``WireCorpus``), and this replays them,
/// as the decode benchmarks do, so that a case costs a decode and not a socket round trip.
final class ReplayTransport: TrackerTransport {
    private let answer = Mutex<(status: Int, headers: TrackerHTTPHeaders, body: Data)>((200, [:], Data()))

    private let pages = Mutex<(@Sendable (_ page: Int, _ perPage: Int) -> TrackerHTTPResponse)?>(nil)

    /// Answers list requests by their `page` and `per_page` instead (until ``answer(status:headers:body:)``).
    func answerPages(_ handler: @escaping @Sendable (_ page: Int, _ perPage: Int) -> TrackerHTTPResponse) {
        pages.withLock { $0 = handler }
    }

    /// Sets the response for the following requests.
    func answer(status: Int, headers: TrackerHTTPHeaders, body: Data) {
        pages.withLock { $0 = nil }
        answer.withLock { $0 = (status, headers, body) }
    }

    func execute(_ request: TrackerHTTPRequest, timeout: Duration, logger: Logger) async throws -> TrackerHTTPResponse {
        if let handler = pages.withLock({ $0 }) {
            let query = URLComponents(string: request.url)?.queryItems ?? []
            let number = { (name: String) in query.first { $0.name == name }?.value.flatMap { Int($0) } ?? 1 }
            return handler(number("page"), number("per_page"))
        }
        let (status, headers, body) = answer.withLock { $0 }
        return TrackerHTTPResponse(status: status, headers: headers, body: TrackerHTTPBody(body))
    }

    func shutdown() async throws {}
}

/// Records the responses of a real transport, bodies included, so they can be replayed.
final class RecordingTransport: TrackerTransport {
    struct Exchange: Sendable {
        var method: String
        var url: String
        var status: Int
        var headers: TrackerHTTPHeaders
        var body: Data
    }

    private let base: any TrackerTransport
    private let log = Mutex<[Exchange]>([])

    init(base: any TrackerTransport) {
        self.base = base
    }

    /// The most recent exchange.
    var last: Exchange? { log.withLock { $0.last } }

    func execute(_ request: TrackerHTTPRequest, timeout: Duration, logger: Logger) async throws -> TrackerHTTPResponse {
        let response = try await base.execute(request, timeout: timeout, logger: logger)
        let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
        log.withLock {
            $0.append(
                Exchange(
                    method: request.method.rawValue, url: request.url, status: response.status,
                    headers: response.headers, body: body))
        }
        return TrackerHTTPResponse(status: response.status, headers: response.headers, body: TrackerHTTPBody(body))
    }

    func shutdown() async throws {
        try await base.shutdown()
    }
}

/// A clock on which every sleep returns at once: retries and backoff cost no real time.
final class InstantClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let current = Mutex(Instant(offset: .zero))
    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .zero }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        current.withLock { $0 = max($0, deadline) }
    }
}
