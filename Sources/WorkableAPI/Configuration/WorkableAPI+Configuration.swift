public import CoreMetrics
internal import Foundation
public import Logging

extension WorkableAPI {
    /// Everything a ``WorkableAPI`` needs, as one value. `description` never shows the token.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// The SPI v3 root: `https://{subdomain}.workable.com/spi/v3`, or the older
        /// `https://www.workable.com/spi/v3/accounts/{subdomain}`. HTTPS is required except for
        /// loopback hosts, which sandboxes use.
        public var baseURL: String
        /// The bearer token. Never logged, never in an error or a description, never sent to any
        /// host but the base URL's.
        public var token: String
        /// Connection and per-attempt time limits.
        public var timeouts: Timeouts
        /// Retries and the one deadline every call's attempts share.
        public var retryPolicy: WorkableRetryPolicy
        /// The request budget this client paces itself to (10 per 10 s for account tokens). The
        /// server's `X-Rate-Limit-Limit` replaces ``WorkableRateLimit/requests`` once seen.
        public var rateLimit: WorkableRateLimit
        /// Records per list page (1...100).
        public var pageSize: Int
        /// The largest response body read into memory (downloads stream and are not limited).
        public var maximumResponseBytes: Int
        /// The logger; silent by default, the library logs at `info` and below.
        public var logger: Logger
        /// The metrics factory; `nil` uses the global `MetricsSystem` factory.
        public var metricsFactory: (any MetricsFactory)?
        /// Called once for each new ``WorkableServerObservation``.
        public var onServerObservation: (@Sendable (WorkableServerObservation) -> Void)?
        /// The `User-Agent` header.
        public var userAgent: String

        /// Creates a configuration.
        /// - Parameters:
        ///   - baseURL: The SPI v3 root.
        ///   - token: The bearer token.
        ///   - timeouts: Time limits.
        ///   - retryPolicy: The retry policy.
        ///   - rateLimit: The request budget.
        ///   - pageSize: Records per page (default and maximum 100).
        ///   - logger: The logger.
        ///   - metricsFactory: The metrics factory.
        public init(
            baseURL: String,
            token: String,
            timeouts: Timeouts = Timeouts(),
            retryPolicy: WorkableRetryPolicy = .default,
            rateLimit: WorkableRateLimit = .accountToken,
            pageSize: Int = 100,
            logger: Logger = WorkableAPI.loggingDisabled,
            metricsFactory: (any MetricsFactory)? = nil
        ) {
            self.baseURL = baseURL
            self.token = token
            self.timeouts = timeouts
            self.retryPolicy = retryPolicy
            self.rateLimit = rateLimit
            self.pageSize = pageSize
            self.maximumResponseBytes = 64 * 1024 * 1024
            self.logger = logger
            self.metricsFactory = metricsFactory
            self.onServerObservation = nil
            self.userAgent = "ATSKit-WorkableAPI/1"
        }

        /// A configuration for an account's subdomain: `https://{subdomain}.workable.com/spi/v3`.
        /// - Parameters:
        ///   - subdomain: The account's subdomain.
        ///   - token: The bearer token.
        /// - Returns: The configuration.
        public static func account(subdomain: String, token: String) -> Configuration {
            Configuration(baseURL: "https://\(subdomain).workable.com/spi/v3", token: token)
        }

        /// The configuration with the token hidden.
        public var description: String {
            "WorkableAPI.Configuration(baseURL: \(baseURL), token: <redacted>, pageSize: \(pageSize), "
                + "rateLimit: \(rateLimit.requests) per \(rateLimit.window))"
        }
    }

    /// Time limits.
    public struct Timeouts: Sendable, Hashable {
        /// How long opening a connection may take.
        public var connect: Duration
        /// How long one attempt may take; ``WorkableRetryPolicy/deadline`` bounds all attempts.
        public var request: Duration

        /// Creates time limits.
        /// - Parameters:
        ///   - connect: The connect timeout (default 10 s).
        ///   - request: The per-attempt timeout (default 60 s).
        public init(connect: Duration = .seconds(10), request: Duration = .seconds(60)) {
            self.connect = connect
            self.request = request
        }
    }

    /// A logger that discards everything: the default.
    public static let loggingDisabled = Logger(label: "WorkableAPI-disabled") { _ in SwiftLogNoOpLogHandler() }
}

/// The request budget Workable grants one client: at most ``requests`` in any ``window``.
public struct WorkableRateLimit: Sendable, Hashable {
    /// Requests per window.
    public var requests: Int
    /// The window (Workable's is 10 s).
    public var window: Duration
    /// Extra time added to every wait, so that requests sent at a window's edge do not arrive
    /// in the next window together with its full share (latency moves arrival times).
    public var margin: Duration

    /// Creates a budget.
    /// - Parameters:
    ///   - requests: Requests per window.
    ///   - window: The window.
    ///   - margin: Extra time added to every wait.
    public init(requests: Int, window: Duration = .seconds(10), margin: Duration = .milliseconds(250)) {
        self.requests = requests
        self.window = window
        self.margin = margin
    }

    /// Account tokens: 10 requests per 10 s.
    public static let accountToken = WorkableRateLimit(requests: 10)
    /// OAuth and partner tokens: 50 requests per 10 s.
    public static let partnerToken = WorkableRateLimit(requests: 50)
}
