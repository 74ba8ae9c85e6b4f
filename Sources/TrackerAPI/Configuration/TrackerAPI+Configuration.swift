public import CoreMetrics
public import Foundation
public import Logging

extension TrackerAPI {
    /// Everything a ``TrackerAPI`` needs, as one value.
    ///
    /// `description` never shows the API password; the API key is shortened to its first four
    /// characters.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// The API root, such as `https://api.applicant-tracking.com/api/v1`. HTTPS is required
        /// except for loopback hosts (`127.0.0.0/8`, `::1`, `localhost`), which sandboxes use.
        public var baseURL: String
        /// The API key (the Basic-auth user).
        public var apiKey: String
        /// The API password (the Basic-auth password). Never logged or shown.
        public var apiPassword: String
        /// For integration-partner keys: the company to act for. Paths become
        /// `/companies/{id}/...` under the API root.
        public var companyID: TrackerCompanyID?
        /// The account's time zone, used to place naive timestamps and to write `updated_after`.
        /// `nil` reads naive timestamps as UTC and marks them ``TrackerTimestamp/OffsetSource-swift.struct/assumedUTC``.
        public var accountTimeZone: TimeZone?
        /// Connection and per-attempt time limits.
        public var timeouts: Timeouts
        /// When and how failed requests are retried.
        public var retryPolicy: TrackerRetryPolicy
        /// The client-side request rate limit shared by every call of one ``TrackerAPI``; `nil`
        /// sends as fast as the caller asks.
        public var rateLimit: TrackerRateLimit?
        /// Records per page for index endpoints (1...5000; `/files` is capped at 1000).
        public var pageSize: Int
        /// How many page requests one paging sequence keeps on the network at once (at least 1).
        /// A page gives its slot to the next one as soon as its body has arrived, so decoding
        /// overlaps the network; at most twice this many pages are held in memory. The client-wide
        /// ``maximumRequestsInFlight`` bounds every sequence together.
        public var pagesInFlight: Int
        /// How many requests the whole client keeps on the network at once, over every call and
        /// every paging sequence together (at least 1; default 4).
        ///
        /// Waiting calls take turns fairly: each paging sequence waits in a lane of its own, every
        /// other call in one shared lane, and the lanes are served round-robin. The bound adapts:
        /// a 429 answer halves it (down to 1) and answers grow it back by about one request per
        /// window's worth, up to this value. A 429 with `Retry-After` also holds back every
        /// request of the client until that time has passed.
        public var maximumRequestsInFlight: Int
        /// How paging guards against records shifting between pages while the data changes.
        public var pagingConsistency: TrackerPagingConsistency
        /// The largest response body read into memory (downloads stream and are not limited).
        public var maximumResponseBytes: Int
        /// The logger for requests, retries and observations. Silent by default; the library logs
        /// at `info` and below.
        public var logger: Logger
        /// The metrics factory; `nil` uses the task-local or global `MetricsSystem` factory.
        public var metricsFactory: (any MetricsFactory)?
        /// Called once for each new ``TrackerServerObservation`` (a server behaving in a way the
        /// reference marks as uncertain).
        public var onServerObservation: (@Sendable (TrackerServerObservation) -> Void)?
        /// The `User-Agent` header.
        public var userAgent: String

        /// Creates a configuration.
        /// - Parameters:
        ///   - baseURL: The API root.
        ///   - apiKey: The API key.
        ///   - apiPassword: The API password.
        ///   - companyID: The company a partner key acts for.
        ///   - accountTimeZone: The account's time zone.
        ///   - timeouts: Time limits.
        ///   - retryPolicy: The retry policy.
        ///   - rateLimit: The client-side rate limit.
        ///   - pageSize: Records per page.
        ///   - pagesInFlight: Pages fetched ahead.
        ///   - maximumRequestsInFlight: Requests in flight over the whole client.
        ///   - pagingConsistency: The guard against shifting pages.
        ///   - logger: The logger.
        ///   - metricsFactory: The metrics factory.
        public init(
            baseURL: String,
            apiKey: String,
            apiPassword: String,
            companyID: TrackerCompanyID? = nil,
            accountTimeZone: TimeZone? = nil,
            timeouts: Timeouts = Timeouts(),
            retryPolicy: TrackerRetryPolicy = .default,
            rateLimit: TrackerRateLimit? = .default,
            pageSize: Int = 1000,
            pagesInFlight: Int = 4,
            maximumRequestsInFlight: Int = 4,
            pagingConsistency: TrackerPagingConsistency = .default,
            logger: Logger = TrackerAPI.loggingDisabled,
            metricsFactory: (any MetricsFactory)? = nil
        ) {
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.apiPassword = apiPassword
            self.companyID = companyID
            self.accountTimeZone = accountTimeZone
            self.timeouts = timeouts
            self.retryPolicy = retryPolicy
            self.rateLimit = rateLimit
            self.pageSize = pageSize
            self.pagesInFlight = pagesInFlight
            self.maximumRequestsInFlight = maximumRequestsInFlight
            self.pagingConsistency = pagingConsistency
            self.maximumResponseBytes = 256 * 1024 * 1024
            self.logger = logger
            self.metricsFactory = metricsFactory
            self.onServerObservation = nil
            self.userAgent = TrackerAPIModule.userAgent
        }

        /// The configuration with the password hidden.
        public var description: String {
            let keyHint = apiKey.count > 4 ? String(apiKey.prefix(4)) + "…" : "<redacted>"
            var parts = [
                "baseURL: \(Self.withoutCredentials(baseURL))", "apiKey: \(keyHint)", "apiPassword: <redacted>",
                "accountTimeZone: \(accountTimeZone?.identifier ?? "unknown")",
                "pageSize: \(pageSize)", "pagesInFlight: \(pagesInFlight)",
                "maximumRequestsInFlight: \(maximumRequestsInFlight)",
                "rateLimit: \(rateLimit.map { "\($0.requestsPerSecond)/s" } ?? "none")",
            ]
            if let companyID { parts.insert("companyID: \(companyID)", at: 1) }
            return "TrackerAPI.Configuration(" + parts.joined(separator: ", ") + ")"
        }

        /// The URL without a user name or password in it (such a URL is refused when the API is made,
        /// but a configuration holding one may still be printed first).
        static func withoutCredentials(_ url: String) -> String {
            guard url.contains("@") else { return url }
            guard var components = URLComponents(string: url) else { return "<a URL that cannot be read>" }
            guard components.user != nil || components.password != nil else { return url }
            components.user = nil
            components.password = nil
            return (components.string ?? "<a URL that cannot be read>") + " (credentials removed)"
        }
    }

    /// Time limits.
    public struct Timeouts: Sendable, Hashable {
        /// How long opening a connection may take.
        public var connect: Duration
        /// How long one attempt (request and whole response body) may take. The retry policy's
        /// ``TrackerRetryPolicy/overallTimeout`` bounds all attempts of a call together.
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

    /// A logger that discards everything: the default, because a library is silent unless asked.
    public static let loggingDisabled = Logger(label: "TrackerAPI-disabled") { _ in SwiftLogNoOpLogHandler() }
}
