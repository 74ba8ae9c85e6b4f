public import CoreMetrics
public import Foundation
public import Logging

extension TrackerRMSClient {
    /// Which `pagenum` the server's first page has.
    public enum PageBase: String, Sendable, Hashable, CaseIterable {
        /// Find out from the first two pages of each scan (the default; see ``RMSPageSequence``).
        case detect
        /// The first page is `pagenum: 0` (what every sample sends).
        case zero
        /// The first page is `pagenum: 1`.
        case one
    }

    /// Everything a ``TrackerRMSClient`` needs, as one value. `description` shows no secret.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// The widget API root, such as `https://evoapius.tracker-rms.com` (HTTPS is required except
        /// for loopback hosts, which sandboxes use). Operations are posted to
        /// `<baseURL>/api/widget/<operation>`.
        public var baseURL: String
        /// How requests authenticate.
        public var credentials: TrackerRMSCredentials
        /// The token for the REST API (documents), from Tracker → Tools & Settings → Security
        /// Settings → API; `nil` when the account has none (document listing and download then
        /// fail with `notSupported`).
        public var restToken: String?
        /// The account's IANA time zone, in which the server writes and reads its naive
        /// date-times; `nil` when unknown (times then read as unplaced and filters are widened).
        public var accountTimeZone: TimeZone?
        /// Records asked for per page (`numrecords`, 1...500; the server may cap it lower).
        public var pageSize: Int
        /// The server's first `pagenum`.
        public var pageBase: PageBase
        /// When and how failures are retried.
        public var retryPolicy: RMSRetryPolicy
        /// The client's own pacing; `nil` sends as fast as asked (429s still pause every call).
        public var rateLimit: RMSRateLimit?
        /// The longest wait for one attempt's answer.
        public var requestTimeout: Duration
        /// The longest wait for a connection.
        public var connectTimeout: Duration
        /// The largest reply read.
        public var maximumResponseBytes: Int
        /// The logger. Silent by default; the library logs at `info` and below and never a secret.
        public var logger: Logger
        /// The metrics factory; `nil` uses the global `MetricsSystem` factory.
        public var metricsFactory: (any MetricsFactory)?
        /// Called once per new ``RMSServerObservation``.
        public var onServerObservation: (@Sendable (RMSServerObservation) -> Void)?
        /// The `User-Agent` header.
        public var userAgent: String

        /// Creates a configuration.
        /// - Parameters:
        ///   - baseURL: The widget API root.
        ///   - credentials: How requests authenticate.
        ///   - restToken: The REST API token, if any.
        ///   - accountTimeZone: The account's zone, if known.
        ///   - pageSize: Records per page.
        ///   - pageBase: The first `pagenum`.
        ///   - retryPolicy: Retries.
        ///   - rateLimit: The client's own pacing.
        ///   - logger: The logger.
        public init(
            baseURL: String, credentials: TrackerRMSCredentials, restToken: String? = nil,
            accountTimeZone: TimeZone? = nil, pageSize: Int = 500, pageBase: PageBase = .detect,
            retryPolicy: RMSRetryPolicy = .default, rateLimit: RMSRateLimit? = nil,
            logger: Logger = TrackerRMSClient.loggingDisabled
        ) {
            self.baseURL = baseURL
            self.credentials = credentials
            self.restToken = restToken
            self.accountTimeZone = accountTimeZone
            self.pageSize = pageSize
            self.pageBase = pageBase
            self.retryPolicy = retryPolicy
            self.rateLimit = rateLimit
            self.requestTimeout = .seconds(60)
            self.connectTimeout = .seconds(10)
            self.maximumResponseBytes = 256 * 1024 * 1024
            self.logger = logger
            self.metricsFactory = nil
            self.onServerObservation = nil
            self.userAgent = "ATSKit-TrackerRMSAPI"
        }

        /// The root, the credentials' kind and the zone; no secret.
        public var description: String {
            "TrackerRMSClient.Configuration(baseURL: \(baseURL), credentials: \(credentials), restToken: "
                + "\(restToken == nil ? "none" : "(redacted)"), timeZone: \(accountTimeZone?.identifier ?? "unknown"), "
                + "pageSize: \(pageSize), pageBase: \(pageBase.rawValue))"
        }

        /// Every secret this configuration holds.
        var secrets: [String] { credentials.secrets + (restToken.map { [$0] } ?? []) }
    }

    /// A logger that drops everything.
    public static let loggingDisabled = Logger(label: "TrackerRMSAPI", factory: { _ in SwiftLogNoOpLogHandler() })
}
