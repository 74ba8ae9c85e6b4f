internal import Foundation

/// Where the sandbox listens, its data, and its initial behaviour (``WorkableSandboxControl``
/// changes the behaviour while it runs).
public struct WorkableSandboxConfiguration: Sendable {
    /// The interface to listen on.
    public var host: String
    /// The API port (0: any free port).
    public var port: Int
    /// The file host's port (0: any free port). Pre-signed file URLs point here: another origin.
    public var filePort: Int
    /// The account's subdomain (used by the older `/spi/v3/accounts/{subdomain}` paths).
    public var subdomain: String
    /// The bearer token the API accepts; also the subscriptions' signing key.
    public var token: String
    /// A token that is valid but lacks `w_candidates` (writes get 403), for scope tests.
    public var readOnlyToken: String
    /// The data's seed: the same seed gives the same data.
    public var seed: UInt64
    /// How many distinct people to generate; each applies to one to three jobs.
    public var personCount: Int
    /// How many jobs to generate (at least 3).
    public var jobCount: Int
    /// The sandbox's clock.
    public var clock: any WorkableSandboxClock
    /// The behaviour at start.
    public var behavior: WorkableSandboxBehavior
    /// How long pre-signed file URLs stay valid (Workable's measured about 16 h 40 min).
    public var fileURLLifetime: Duration
    /// The pauses between a delivery's attempts (3 attempts: after 1 s, then 3 s).
    public var deliveryPauses: [Duration]
    /// How many request-log entries are kept.
    public var requestLogLimit: Int

    /// Creates a configuration.
    /// - Parameters:
    ///   - personCount: People to generate.
    ///   - jobCount: Jobs to generate.
    ///   - seed: The data's seed.
    ///   - clock: The clock.
    ///   - behavior: The behaviour at start.
    public init(
        personCount: Int = 40, jobCount: Int = 4, seed: UInt64 = 18,
        clock: any WorkableSandboxClock = SystemWorkableSandboxClock(),
        behavior: WorkableSandboxBehavior = WorkableSandboxBehavior()
    ) {
        host = "127.0.0.1"
        port = 0
        filePort = 0
        subdomain = "sandbox"
        token = "wk-sandbox-token-5f3c9a1e7d"
        readOnlyToken = "wk-sandbox-readonly-2b8e4f"
        self.seed = seed
        self.personCount = personCount
        self.jobCount = jobCount
        self.clock = clock
        self.behavior = behavior
        fileURLLifetime = .seconds(60_000)
        deliveryPauses = [.seconds(1), .seconds(3)]
        requestLogLimit = 10_000
    }
}

/// The sandbox's switchable behaviour.
public struct WorkableSandboxBehavior: Sendable, Hashable {
    /// Requests per token per window; `nil` for no limit. Workable's account tokens: 10.
    public var rateLimit: Int?
    /// The window, fixed and aligned on Unix time (10 s).
    public var rateWindowSeconds: Int
    /// How `X-Rate-Limit-Reset` is written.
    public var resetFormat: ResetFormat
    /// Whether a 429 also carries `Retry-After` (Workable's is not documented to).
    public var sendsRetryAfter: Bool
    /// Added to every answer.
    public var latency: Duration
    /// A share (0...1) of API requests answered with a random fault from ``faultKinds``.
    public var faultRate: Double
    /// The faults ``faultRate`` draws from.
    public var faultKinds: [WorkableSandboxFault]
    /// How `paging.next` is written.
    public var nextLinks: NextLinkStyle
    /// Whether `/jobs/{shortcode}` wraps the job as `{"job": {...}}`.
    public var wrapsSingleJob: Bool
    /// Whether `updated_after`/`created_after` are ignored (as a server might), so the client
    /// must filter.
    public var ignoresTimeFilters: Bool
    /// Whether members come in the older shape (`role`, one string, and no `active`).
    public var membersWithSingleRole: Bool
    /// Whether moves, disqualifications and reverts answer 202 (accepted) rather than 200.
    public var writesAnswer202: Bool
    /// Whether `/jobs/{shortcode}/stages` answers 404, as on an account without job pipelines.
    public var lacksJobPipelines: Bool
    /// Every this much sandbox-clock time, ``mutationsPerInterval`` background changes happen
    /// (applied when the next request arrives, so a manual clock drives them); `nil` for none.
    public var mutationInterval: Duration?
    /// Changes per interval.
    public var mutationsPerInterval: Int

    /// Creates the default behaviour: Workable's limit of 10 per 10 s, no faults, no latency.
    /// - Parameters:
    ///   - rateLimit: Requests per window, or `nil`.
    ///   - latency: Added to every answer.
    public init(rateLimit: Int? = 10, latency: Duration = .zero) {
        self.rateLimit = rateLimit
        rateWindowSeconds = 10
        resetFormat = .unixSeconds
        sendsRetryAfter = false
        self.latency = latency
        faultRate = 0
        faultKinds = [.serverError, .badGatewayHTML, .droppedConnection]
        nextLinks = .legacyPath
        wrapsSingleJob = false
        ignoresTimeFilters = false
        membersWithSingleRole = false
        writesAnswer202 = false
        lacksJobPipelines = false
        mutationInterval = nil
        mutationsPerInterval = 1
    }

    /// How `X-Rate-Limit-Reset` is written.
    public enum ResetFormat: String, Sendable, Hashable, CaseIterable {
        /// Unix seconds of the next window ([model], the default).
        case unixSeconds
        /// Seconds from now.
        case secondsFromNow
        /// ISO-8601 text.
        case iso8601
    }

    /// How `paging.next` is written.
    public enum NextLinkStyle: String, Sendable, Hashable, CaseIterable {
        /// `http://HOST:PORT/spi/v3/accounts/{subdomain}/...` on the sandbox's own host (the default,
        /// as Workable's examples show).
        case legacyPath
        /// `http://HOST:PORT/spi/v3/...`.
        case modernPath
        /// `https://www.workable.com/spi/v3/accounts/{subdomain}/...`: another host.
        case otherHost
        /// Like ``legacyPath``, and the last page carries `"paging": {"next": null}`.
        case nullOnLastPage
    }
}

/// A fault the sandbox can inject.
public enum WorkableSandboxFault: String, Sendable, Hashable, CaseIterable {
    /// 500 with a JSON error; the request has no effect.
    case serverError
    /// 502 with nginx's HTML page; no effect.
    case badGatewayHTML
    /// 503 "the request took too long", JSON; no effect.
    case serviceUnavailable
    /// The real answer's head, half its body, then the connection closes (the request took effect).
    case droppedConnection
    /// 429 although the budget is not spent, with the rate headers; no effect.
    case rateLimited
}
