import Foundation
import Logging
import Synchronization

/// The wire-level Tracker RMS client: the widget API's operations as typed calls, one client per
/// account, shared by every task that talks to it.
///
/// Each call posts `{"trackerrms": {"<operation>": {"credentials": …, "instructions": …, …}}}` to
/// `<baseURL>/api/widget/<operation>`, reads the `{status, message, count, results}` envelope and
/// turns a failure status — which arrives with HTTP 200 — into a ``TrackerRMSError``. It owns one
/// HTTP client (closed by ``shutdown()``, or use ``withClient(configuration:_:)``), one rate
/// limiter and one set of server observations.
///
/// ```swift
/// try await TrackerRMSClient.withClient(configuration: configuration) { rms in
///     for try await placement in rms.placements(.init(updatedAfter: lastSync)).records {
///         print(placement.id, placement.statusName ?? "")
///     }
/// }
/// ```
public final class TrackerRMSClient: Sendable {
    /// The configuration this client was made with.
    public let configuration: Configuration
    /// The account's clock (naive date-times ⇄ instants).
    public let accountTime: RMSAccountTime

    let transport: any RMSTransport
    let clock: RMSClock
    let rateLimiter: RMSRateLimiter
    let metrics: RMSMetrics
    let widgetRoot: String
    let restRoot: String
    let restSession = RMSRESTSession()
    private let observations = Mutex<Set<RMSServerObservation>>([])
    private let counters = Mutex(RMSTraffic())
    private let isShutDown = Mutex(false)
    private let answeredOrigins = Mutex<Set<String>>([])

    /// Creates a client with its own AsyncHTTPClient connection pool. Call ``shutdown()`` when done.
    /// - Parameter configuration: The configuration.
    /// - Throws: ``TrackerRMSError`` with `invalidConfiguration`.
    public convenience init(configuration: Configuration) throws {
        try Self.validate(configuration)
        let transport = HTTPClientRMSTransport(
            connectTimeout: configuration.connectTimeout, maximumConnections: 8,
            maximumResponseBytes: configuration.maximumResponseBytes)
        try self.init(configuration: configuration, transport: transport, clock: ContinuousClock())
    }

    /// Creates a client with its own connection pool whose waits (backoff, `Retry-After`, pacing, the
    /// deadline) run on `clock`: tests pass a clock that moves a sandbox's clock instead of sleeping.
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - clock: The clock for backoff, pacing and the deadline.
    /// - Throws: ``TrackerRMSError`` with `invalidConfiguration`.
    public convenience init<C: Clock>(configuration: Configuration, clock: C) throws where C.Duration == Duration {
        try Self.validate(configuration)
        let transport = HTTPClientRMSTransport(
            connectTimeout: configuration.connectTimeout, maximumConnections: 8,
            maximumResponseBytes: configuration.maximumResponseBytes)
        try self.init(configuration: configuration, transport: transport, clock: clock)
    }

    /// Creates a client over a given transport and clock (tests pass a manual clock).
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - transport: The HTTP transport; ``shutdown()`` shuts it down.
    ///   - clock: The clock for backoff, pacing and the deadline.
    /// - Throws: ``TrackerRMSError`` with `invalidConfiguration`.
    public init<C: Clock>(configuration: Configuration, transport: any RMSTransport, clock: C) throws
    where C.Duration == Duration {
        try Self.validate(configuration)
        self.configuration = configuration
        self.accountTime = RMSAccountTime(timeZone: configuration.accountTimeZone)
        self.transport = transport
        let rmsClock = RMSClock(clock)
        self.clock = rmsClock
        self.rateLimiter = RMSRateLimiter(limit: configuration.rateLimit, clock: rmsClock)
        self.metrics = RMSMetrics(factory: configuration.metricsFactory)
        var root = configuration.baseURL
        while root.hasSuffix("/") { root.removeLast() }
        self.widgetRoot = root
        self.restRoot = Self.restRoot(forWidgetRoot: root)
    }

    /// Closes connections. Repeated calls do nothing; calls after it fail.
    /// - Throws: When the transport cannot shut down cleanly.
    public func shutdown() async throws {
        let already = isShutDown.withLock { flag in
            defer { flag = true }
            return flag
        }
        guard !already else { return }
        try await transport.shutdown()
    }

    /// Runs `body` with a new client and shuts it down afterwards, also when `body` throws.
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - body: The work.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` or the configuration check throws.
    public static func withClient<Result: Sendable>(
        configuration: Configuration, _ body: (TrackerRMSClient) async throws -> Result
    ) async throws -> Result {
        let client = try TrackerRMSClient(configuration: configuration)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// Requests, retries and 429 answers since this client was made.
    public var traffic: RMSTraffic { counters.withLock { $0 } }

    /// Everything the client has seen the server do that the contract marks as uncertain.
    public var serverObservations: Set<RMSServerObservation> { observations.withLock { $0 } }

    var isClosed: Bool { isShutDown.withLock { $0 } }

    /// Records that the server at `origin` answered (any HTTP status).
    func noteAnswered(_ origin: String) {
        _ = answeredOrigins.withLock { $0.insert(origin) }
    }

    /// Whether the server at `origin` has answered this client.
    func hasAnswered(_ origin: String) -> Bool { answeredOrigins.withLock { $0.contains(origin) } }

    /// A URL's scheme, host and port: the address a person checks when no connection can be made
    /// (never a user name, password, path or query).
    static func origin(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return "the server" }
        let scheme = components.scheme.map { $0 + "://" } ?? ""
        return scheme + host + (components.port.map { ":\($0)" } ?? "")
    }

    func count(_ update: (inout RMSTraffic) -> Void) {
        counters.withLock { update(&$0) }
        for tally in RMSTrafficTally.active { tally.record(update) }
    }

    /// Records an observation; the log and the callback hear about each one once.
    func observe(_ kind: RMSServerObservation.Kind, operation: String, logger: Logger) {
        let observation = RMSServerObservation(kind: kind, operation: operation)
        let fresh = observations.withLock { $0.insert(observation).inserted }
        guard fresh else { return }
        logger.info(
            "Tracker RMS server behaviour observed",
            metadata: ["trackerrms.observation": "\(kind)", "trackerrms.operation": "\(operation)"])
        configuration.onServerObservation?(observation)
    }

    /// Replaces every secret the client holds in `text`.
    func redact(_ text: String) -> String {
        redacting(text, secrets: configuration.secrets)
    }

    /// The REST root for a widget root: `evoapius` → `evousapi`, `evoapica` → `evocaapi`,
    /// `evoapi` → `evoglapi`; any other host (a sandbox) keeps its root.
    static func restRoot(forWidgetRoot root: String) -> String {
        let pairs = [("//evoapius.", "//evousapi."), ("//evoapica.", "//evocaapi."), ("//evoapi.", "//evoglapi.")]
        for (widget, rest) in pairs where root.contains(widget) {
            return root.replacingAll(widget, with: rest)
        }
        return root
    }

    private static func validate(_ configuration: Configuration) throws {
        func invalid(_ reason: String) -> TrackerRMSError {
            TrackerRMSError(code: .invalidConfiguration, operation: "configuration", detail: reason)
        }
        guard let url = URL(string: configuration.baseURL), let scheme = url.scheme?.lowercased(),
            let host = url.host, !host.isEmpty
        else {
            throw invalid(
                "the base URL is not an absolute http(s) URL; use the widget API root, such as "
                    + "https://evoapius.tracker-rms.com")
        }
        let loopback = host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw invalid("the base URL must use https (plain http is accepted only for a sandbox on this machine)")
        }
        guard !configuration.credentials.isBlank else {
            throw invalid("the credentials are empty; give an API key, or a username and a password")
        }
        guard (1...500).contains(configuration.pageSize) else { throw invalid("pageSize must be 1...500") }
        guard configuration.retryPolicy.maximumAttempts >= 1 else {
            throw invalid("retryPolicy.maximumAttempts must be at least 1")
        }
        if let limit = configuration.rateLimit, limit.requestsPerSecond <= 0 || limit.burst < 1 {
            throw invalid("rateLimit needs requestsPerSecond > 0 and burst >= 1")
        }
    }
}

/// Counts of what a client sent.
public struct RMSTraffic: Sendable, Hashable {
    /// Attempts sent, retries included.
    public var requests = 0
    /// Retries.
    public var retries = 0
    /// Answers with HTTP 429.
    public var rateLimited = 0
    /// Answers with HTTP 200 and status 99.
    public var status99 = 0
}
