/// Something the server did that the contract marks as uncertain ([model]): the client adapted,
/// and says so once per kind and endpoint.
public struct WorkableServerObservation: Sendable, Hashable, CustomStringConvertible {
    /// What was seen.
    public struct Kind: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        /// The kind's name.
        public let rawValue: String
        /// Wraps a kind.
        /// - Parameter rawValue: The kind's name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// `paging.next` pointed at another scheme, host or port: its query was applied to the
        /// configured base URL instead, so the token never left the API host.
        public static let nextOnOtherHost = Kind(rawValue: "next_on_other_host")
        /// `paging.next` was `null` or empty (read as the end).
        public static let nextNullOrEmpty = Kind(rawValue: "next_null_or_empty")
        /// A list came as a bare array rather than wrapped in an object (or the reverse).
        public static let listShapeDiffers = Kind(rawValue: "list_shape_differs")
        /// A single record came wrapped (`{"job": {...}}`) or bare where the other was expected.
        public static let recordWrapping = Kind(rawValue: "record_wrapping")
        /// Members came with `role` (a string) rather than `roles`.
        public static let memberSingleRole = Kind(rawValue: "member_single_role")
        /// `updated_after` or `created_after` was ignored: older records came back and were dropped.
        public static let timeFilterIgnored = Kind(rawValue: "time_filter_ignored")
        /// `X-Rate-Limit-Reset` was seconds from now rather than a Unix time.
        public static let rateLimitResetAsDelta = Kind(rawValue: "rate_limit_reset_as_delta")
        /// `X-Rate-Limit-Reset` was a date rather than a Unix time.
        public static let rateLimitResetAsDate = Kind(rawValue: "rate_limit_reset_as_date")
        /// A `Retry-After` header was sent.
        public static let retryAfterHeader = Kind(rawValue: "retry_after_header")
        /// A write was answered 202 rather than 200: confirm by reading the record.
        public static let writeAccepted = Kind(rawValue: "write_accepted_202")
        /// A page repeated the previous page's `next`; paging stopped there.
        public static let repeatedNext = Kind(rawValue: "repeated_next")
        /// The kind's name.
        public var description: String { rawValue }
    }

    /// What was seen.
    public var kind: Kind
    /// Where, as an endpoint template.
    public var endpoint: String

    /// Creates an observation.
    /// - Parameters:
    ///   - kind: What was seen.
    ///   - endpoint: Where.
    public init(kind: Kind, endpoint: String) {
        self.kind = kind
        self.endpoint = endpoint
    }

    /// `kind at endpoint`.
    public var description: String { "\(kind) at \(endpoint)" }
}

/// Requests, retries, 429 answers and time waited since a client was made: what a run report
/// shows about the rate limit.
public struct WorkableTraffic: Sendable, Hashable {
    /// Attempts sent (retries included; downloads from the file host excluded).
    public var requests: Int
    /// Attempts that were retries.
    public var retries: Int
    /// 429 answers received.
    public var rateLimitedResponses: Int
    /// Attempts that ended without an HTTP answer or with a 5xx.
    public var failedAttempts: Int
    /// Total time requests waited for the rate limit (pacing and 429 holds).
    public var rateLimitWait: Duration
    /// The request cap in use (the server's, once it said).
    public var currentLimit: Int
}
