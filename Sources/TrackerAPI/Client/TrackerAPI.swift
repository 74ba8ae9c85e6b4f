import Foundation
import Logging
import Synchronization

/// The wire-level Tracker client: one per account, shared by every task that talks to it.
///
/// It owns one HTTP client (closed by ``shutdown()``, or use ``withTrackerAPI(configuration:_:)``),
/// one request budget (the requests in flight, shared fairly by every call), one rate limiter and
/// one set of server observations. Endpoints are grouped into cheap
/// resource values: ``jobs``, ``applications``, ``notes``, ``files``, ``workflow``,
/// ``actions``, ``triggers``, ``webhooks`` and ``users``.
///
/// ```swift
/// try await TrackerAPI.withTrackerAPI(configuration: configuration) { api in
///     for try await application in api.applications.list(.init(updatedAfter: lastSync)) {
///         print(application.id, application.status ?? "")
///     }
/// }
/// ```
public final class TrackerAPI: Sendable {
    /// The configuration this client was made with.
    public let configuration: Configuration

    let transport: any TrackerTransport
    let clock: TrackerClock
    let rateLimiter: RateLimiter?
    let budget: RequestBudget
    let roots: EndpointRoots
    let metrics: TrackerMetrics
    let authorization: String
    let trafficCounters = TrafficCounters()
    let serverClockRecorder = ServerClockRecorder()
    private let observations = Mutex<Set<TrackerServerObservation>>([])
    private let isShutDown = Mutex(false)

    /// Creates a client with its own AsyncHTTPClient connection pool.
    ///
    /// Call ``shutdown()`` when done, or use ``withTrackerAPI(configuration:_:)``: like any
    /// AsyncHTTPClient client, it traps in debug builds when released while still running.
    /// - Parameter configuration: The configuration.
    /// - Throws: ``TrackerAPIError`` with ``TrackerAPIError/Code-swift.struct/invalidConfiguration``.
    public convenience init(configuration: Configuration) throws {
        try Self.validate(configuration)
        let transport = HTTPClientTransport(
            connectTimeout: configuration.timeouts.connect,
            readTimeout: configuration.timeouts.request,
            maximumConnections: max(8, configuration.maximumRequestsInFlight * 2)
        )
        try self.init(configuration: configuration, transport: transport, clock: ContinuousClock())
    }

    /// Creates a client over a given transport and clock (tests pass a double and a manual clock).
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - transport: The HTTP transport; ``shutdown()`` shuts it down.
    ///   - clock: The clock for backoff, rate limiting and deadlines.
    /// - Throws: ``TrackerAPIError`` with ``TrackerAPIError/Code-swift.struct/invalidConfiguration``.
    public init<C: Clock>(configuration: Configuration, transport: any TrackerTransport, clock: C) throws
    where C.Duration == Duration {
        try Self.validate(configuration)
        self.configuration = configuration
        self.transport = transport
        let trackerClock = TrackerClock(clock)
        self.clock = trackerClock
        self.rateLimiter = configuration.rateLimit.map { RateLimiter(limit: $0, clock: trackerClock) }
        self.budget = RequestBudget(maximumInFlight: configuration.maximumRequestsInFlight, clock: trackerClock)
        self.roots = try EndpointRoots(baseURL: configuration.baseURL, companyID: configuration.companyID)
        self.metrics = TrackerMetrics(factory: configuration.metricsFactory)
        let credentials = Data("\(configuration.apiKey):\(configuration.apiPassword)".utf8).base64EncodedString()
        self.authorization = "Basic " + credentials
    }

    /// Closes connections. Call once when done; calls after it fail. Repeated calls do nothing.
    /// - Throws: When the transport cannot shut down cleanly.
    public func shutdown() async throws {
        let alreadyShutDown = isShutDown.withLock { flag in
            defer { flag = true }
            return flag
        }
        guard !alreadyShutDown else { return }
        try await transport.shutdown()
    }

    /// Runs `body` with a new client and shuts it down afterwards, also when `body` throws.
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - body: The work to do.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` or the configuration check throws.
    public static func withTrackerAPI<Result: Sendable>(
        configuration: Configuration,
        _ body: (TrackerAPI) async throws -> Result
    ) async throws -> Result {
        let api = try TrackerAPI(configuration: configuration)
        let result: Result
        do {
            result = try await body(api)
        } catch {
            try? await api.shutdown()
            throw error
        }
        try await api.shutdown()
        return result
    }

    /// Requests, retries and 429 answers since this client was made.
    public var traffic: TrackerTraffic { trafficCounters.snapshot }

    /// Tracker's clock as the latest answer's `Date` header gave it, or `nil` before any answer
    /// (or when the server sends none).
    public var serverClock: TrackerServerClockReading? { serverClockRecorder.reading }

    /// Everything this client has seen the server do that the reference marks as uncertain.
    public var serverObservations: Set<TrackerServerObservation> {
        observations.withLock { $0 }
    }

    /// Records observations; the callback and the log hear about each one once.
    func record(_ bits: ObservationBits, endpoint: String, logger: Logger) {
        guard bits.raw != 0 else { return }
        let fresh = observations.withLock { seen in
            bits.kinds.map { TrackerServerObservation(kind: $0, endpoint: endpoint) }.filter {
                seen.insert($0).inserted
            }
        }
        for observation in fresh {
            logger.info(
                "Tracker server behaviour observed",
                metadata: ["tracker.observation": "\(observation.kind)", "tracker.endpoint": "\(endpoint)"]
            )
            configuration.onServerObservation?(observation)
        }
    }

    /// Records that `endpoint` (a label such as `GET /triggers`) answered as missing.
    func recordMissingEndpoint(_ endpoint: String) {
        var bits = ObservationBits()
        bits.insert(.endpointMissing)
        record(bits, endpoint: endpoint, logger: configuration.logger)
    }

    /// Whether the base URL's path can be Tracker's API root (it ends in `/api/v1`). When it cannot,
    /// a 404 says nothing about which endpoints the account has, so nothing should do without one.
    public var baseURLIsAPIRoot: Bool { roots.wrongRootCause == nil }

    /// The endpoints that answered as missing (404 for the endpoint itself) since this client was
    /// made, such as `GET /triggers`, sorted.
    public var missingEndpoints: [String] {
        serverObservations.filter { $0.kind == .endpointMissing }.map(\.endpoint).sorted()
    }

    var isClosed: Bool { isShutDown.withLock { $0 } }

    private static func validate(_ configuration: Configuration) throws {
        func invalid(_ reason: String) -> TrackerAPIError {
            TrackerAPIError(code: .invalidConfiguration, underlying: reason)
        }
        _ = try EndpointRoots(baseURL: configuration.baseURL, companyID: configuration.companyID)
        guard !configuration.apiKey.isEmpty else { throw invalid("apiKey is empty") }
        guard (1...5000).contains(configuration.pageSize) else { throw invalid("pageSize must be 1...5000") }
        guard configuration.pagesInFlight >= 1 else { throw invalid("pagesInFlight must be at least 1") }
        guard configuration.maximumRequestsInFlight >= 1 else {
            throw invalid("maximumRequestsInFlight must be at least 1")
        }
        guard configuration.retryPolicy.maximumAttempts >= 1 else {
            throw invalid("retryPolicy.maximumAttempts must be at least 1")
        }
        if let limit = configuration.rateLimit {
            guard limit.requestsPerSecond > 0, limit.burst >= 1 else {
                throw invalid("rateLimit needs requestsPerSecond > 0 and burst >= 1")
            }
        }
    }
}
