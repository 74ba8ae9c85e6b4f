public import Foundation
import Logging
import Synchronization

/// The wire-level Workable client (SPI v3): one per token, shared by every task that talks to it.
///
/// It paces itself to the account's limit (10 requests per 10 s for account tokens, or whatever
/// `X-Rate-Limit-Limit` says), holds every request back after a 429 or an exhausted window until
/// `X-Rate-Limit-Reset`, and retries: a page is never lost to a 429. It owns one HTTP client
/// (closed by ``shutdown()``, or use ``withWorkableAPI(configuration:_:)``).
///
/// ```swift
/// try await WorkableAPI.withWorkableAPI(configuration: .account(subdomain: "acme", token: token)) { api in
///     for try await candidate in api.candidates.list(.init(updatedAfter: lastSync)).records {
///         print(candidate.id, candidate.stage ?? "")
///     }
/// }
/// ```
///
/// Clients made with the same token and base URL in one process share one request budget, as the
/// contract requires (the limit applies per token, whatever the number of streams).
public final class WorkableAPI: Sendable {
    /// The configuration this client was made with.
    public let configuration: Configuration

    let http: WorkableHTTP
    let clock: WorkableClock
    let pacer: WorkableRequestPacer
    let base: WorkableBaseURL
    let metrics: WorkableMetrics
    let authorization: String
    let counters = Mutex(TrafficCounts())
    private let observations = Mutex<Set<WorkableServerObservation>>([])
    private let isShutDown = Mutex(false)

    /// Creates a client on the system clocks, sharing the process-wide budget of its token.
    /// - Parameter configuration: The configuration.
    /// - Throws: ``WorkableAPIError`` with ``WorkableAPIError/Code-swift.struct/invalidConfiguration``.
    public convenience init(configuration: Configuration) throws {
        let base = try Self.validate(configuration)
        let clock = WorkableClock(ContinuousClock(), wallClock: { Date() })
        let pacer = SharedPacers.pacer(
            key: base.origin + "|" + String(configuration.token.hashValue), rateLimit: configuration.rateLimit,
            clock: clock)
        self.init(configuration: configuration, base: base, clock: clock, pacer: pacer)
    }

    /// Creates a client on given clocks, with a budget of its own (tests pass a clock whose sleeps
    /// move virtual time, and the sandbox's wall clock).
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - clock: The clock for pacing, backoff and deadlines.
    ///   - wallClock: The wall-clock time that `X-Rate-Limit-Reset` (Unix seconds) is measured against.
    /// - Throws: ``WorkableAPIError`` with ``WorkableAPIError/Code-swift.struct/invalidConfiguration``.
    public convenience init<C: Clock>(
        configuration: Configuration, clock: C, wallClock: @escaping @Sendable () -> Date
    ) throws where C.Duration == Duration {
        let base = try Self.validate(configuration)
        let workableClock = WorkableClock(clock, wallClock: wallClock)
        let pacer = WorkableRequestPacer(rateLimit: configuration.rateLimit, clock: workableClock)
        self.init(configuration: configuration, base: base, clock: workableClock, pacer: pacer)
    }

    private init(configuration: Configuration, base: WorkableBaseURL, clock: WorkableClock, pacer: WorkableRequestPacer)
    {
        self.configuration = configuration
        self.base = base
        self.clock = clock
        self.pacer = pacer
        http = WorkableHTTP(timeouts: configuration.timeouts)
        metrics = WorkableMetrics(factory: configuration.metricsFactory)
        authorization = "Bearer " + configuration.token
    }

    /// Closes connections. Repeated calls do nothing; calls after it fail.
    /// - Throws: When the HTTP client cannot shut down cleanly.
    public func shutdown() async throws {
        let already = isShutDown.withLock { flag in
            defer { flag = true }
            return flag
        }
        guard !already else { return }
        try await http.shutdown()
    }

    /// Runs `body` with a new client and shuts it down afterwards, also when `body` throws.
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - body: The work to do.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` or the configuration check throws.
    public static func withWorkableAPI<Result: Sendable>(
        configuration: Configuration, isolation: isolated (any Actor)? = #isolation,
        _ body: (WorkableAPI) async throws -> Result
    ) async throws -> Result {
        let api = try WorkableAPI(configuration: configuration)
        return try await api.run(body)
    }

    /// Runs `body` with this client and shuts it down afterwards, also when `body` throws.
    /// - Parameter body: The work to do.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func run<Result: Sendable>(
        isolation: isolated (any Actor)? = #isolation, _ body: (WorkableAPI) async throws -> Result
    ) async throws -> Result {
        let result: Result
        do {
            result = try await body(self)
        } catch {
            try? await shutdown()
            throw error
        }
        try await shutdown()
        return result
    }

    /// Requests, retries, 429s and time waited for the rate limit since this client was made.
    public var traffic: WorkableTraffic {
        get async {
            let counts = counters.withLock { $0 }
            return WorkableTraffic(
                requests: counts.requests, retries: counts.retries, rateLimitedResponses: counts.rateLimited,
                failedAttempts: counts.failed, rateLimitWait: await pacer.totalWaited,
                currentLimit: await pacer.currentLimit)
        }
    }

    /// Everything this client has seen the server do that the contract marks as uncertain.
    public var serverObservations: Set<WorkableServerObservation> { observations.withLock { $0 } }

    func observe(_ kind: WorkableServerObservation.Kind, endpoint: String, logger: Logger) {
        let observation = WorkableServerObservation(kind: kind, endpoint: endpoint)
        guard observations.withLock({ $0.insert(observation).inserted }) else { return }
        logger.info(
            "Workable server behaviour observed",
            metadata: ["workable.observation": "\(kind)", "workable.endpoint": "\(endpoint)"])
        configuration.onServerObservation?(observation)
    }

    var isClosed: Bool { isShutDown.withLock { $0 } }

    private static func validate(_ configuration: Configuration) throws -> WorkableBaseURL {
        func invalid(_ reason: String) -> WorkableAPIError {
            WorkableAPIError(code: .invalidConfiguration, underlying: reason)
        }
        let base = try WorkableBaseURL(configuration.baseURL)
        guard !configuration.token.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw invalid("the API token is empty")
        }
        guard (1...100).contains(configuration.pageSize) else { throw invalid("pageSize must be 1...100") }
        guard configuration.retryPolicy.maximumAttempts >= 1 else {
            throw invalid("retryPolicy.maximumAttempts must be at least 1")
        }
        guard configuration.rateLimit.requests >= 1, configuration.rateLimit.window > .zero else {
            throw invalid("rateLimit needs at least 1 request per window and a positive window")
        }
        return base
    }
}

/// Counts behind ``WorkableTraffic``.
struct TrafficCounts: Sendable {
    var requests = 0
    var retries = 0
    var rateLimited = 0
    var failed = 0
}

/// The process-wide budgets, one per origin and token: clients made separately for one token
/// still share its limit.
enum SharedPacers {
    private static let pacers = Mutex<[String: WorkableRequestPacer]>([:])

    static func pacer(key: String, rateLimit: WorkableRateLimit, clock: WorkableClock) -> WorkableRequestPacer {
        pacers.withLock { table in
            if let existing = table[key] { return existing }
            let pacer = WorkableRequestPacer(rateLimit: rateLimit, clock: clock)
            table[key] = pacer
            return pacer
        }
    }
}
