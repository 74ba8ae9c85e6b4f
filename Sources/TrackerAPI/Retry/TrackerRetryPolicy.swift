/// When and how failed requests are retried.
///
/// Retried: GET, PUT and DELETE on connection failures, 408, 429, 5xx and unreadable 2xx bodies
/// (a proxy's truncated or HTML answer); POST only when the request provably never reached the
/// server (connection refused or connect timeout) or was refused with 429. Every other POST
/// failure becomes ``TrackerAPIError/Code-swift.struct/outcomeUnknown``. A request with a
/// streamed body (``TrackerHTTPRequestBody``, file uploads) is never retried once the transport
/// read any of it, whatever the method and the failure: a stream cannot be replayed.
///
/// The wait before retry *n* (1-based) is
/// `base = min(maximumBackoff, initialBackoff × multiplier^(n−1))`, then
/// `wait = base × (1 − jitter × u)` with `u` uniform in `[0, 1)` — "equal jitter" at the default
/// 0.5, so waits never collapse to zero and clients do not retry in lockstep. A `Retry-After`
/// header (seconds or an HTTP date) replaces the computed wait. All attempts share one
/// ``overallTimeout``; a wait that would pass it ends the call instead.
///
/// Two presets: ``default`` (five attempts, two minutes) suits a person waiting for an answer;
/// ``patient`` suits unattended work such as a mirror or a bulk job, which should ride out a
/// rate-limited account rather than fail after a few 429s.
public struct TrackerRetryPolicy: Sendable, Hashable {
    /// The most attempts per call, the first included (1 disables retries).
    public var maximumAttempts: Int
    /// The wait before the first retry.
    public var initialBackoff: Duration
    /// The longest computed wait.
    public var maximumBackoff: Duration
    /// The growth factor per retry.
    public var multiplier: Double
    /// The randomised fraction of each wait, from 0 (none) to 1.
    public var jitter: Double
    /// The deadline for all attempts of one call together, waits included.
    public var overallTimeout: Duration
    /// The longest `Retry-After` the client waits out; a longer one ends the call with
    /// ``TrackerAPIError/Code-swift.struct/rateLimited`` so the caller can reschedule.
    public var maximumRetryAfter: Duration
    /// Whether a 2xx with an unreadable body is retried (GET, PUT, DELETE only).
    public var retriesMalformedResponses: Bool
    /// Whether a 429 that carries `Retry-After` counts against ``maximumAttempts``. When `false`,
    /// such answers are waited out (at least ``initialBackoff`` each, so a `Retry-After: 0` does
    /// not turn into a burst) for as long as ``overallTimeout`` and ``maximumRetryAfter`` allow:
    /// the server said when to come back, so coming back then is not a failure.
    public var countsRateLimitedAttempts: Bool

    /// Creates a policy.
    /// - Parameters:
    ///   - maximumAttempts: The most attempts per call.
    ///   - initialBackoff: The first wait.
    ///   - maximumBackoff: The longest computed wait.
    ///   - multiplier: The growth factor.
    ///   - jitter: The randomised fraction.
    ///   - overallTimeout: The deadline for all attempts.
    ///   - maximumRetryAfter: The longest `Retry-After` waited out.
    ///   - retriesMalformedResponses: Whether unreadable 2xx bodies are retried.
    ///   - countsRateLimitedAttempts: Whether a 429 with `Retry-After` uses up an attempt.
    public init(
        maximumAttempts: Int = 5,
        initialBackoff: Duration = .milliseconds(250),
        maximumBackoff: Duration = .seconds(10),
        multiplier: Double = 2,
        jitter: Double = 0.5,
        overallTimeout: Duration = .seconds(120),
        maximumRetryAfter: Duration = .seconds(60),
        retriesMalformedResponses: Bool = true,
        countsRateLimitedAttempts: Bool = true
    ) {
        self.maximumAttempts = maximumAttempts
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.multiplier = multiplier
        self.jitter = jitter
        self.overallTimeout = overallTimeout
        self.maximumRetryAfter = maximumRetryAfter
        self.retriesMalformedResponses = retriesMalformedResponses
        self.countsRateLimitedAttempts = countsRateLimitedAttempts
    }

    /// Five attempts, 250 ms doubling to 10 s, half jitter, two minutes in all.
    public static let `default` = TrackerRetryPolicy()

    /// For unattended work (a sync, a bulk job): ten attempts for failures, 500 ms doubling to
    /// 30 s, half jitter, fifteen minutes in all per call; a 429 with `Retry-After` is waited out
    /// without using up an attempt, for a `Retry-After` of up to ten minutes.
    public static let patient = TrackerRetryPolicy(
        maximumAttempts: 10,
        initialBackoff: .milliseconds(500),
        maximumBackoff: .seconds(30),
        overallTimeout: .seconds(900),
        maximumRetryAfter: .seconds(600),
        countsRateLimitedAttempts: false
    )

    /// One attempt, no retries.
    public static let none = TrackerRetryPolicy(maximumAttempts: 1)

    /// The wait before a retry, by the formula above.
    /// - Parameters:
    ///   - retry: The retry number, 1 for the first retry.
    ///   - randomUnit: A value in `[0, 1)`; pass a fixed value in tests.
    /// - Returns: The wait.
    public func backoff(forRetry retry: Int, randomUnit: Double) -> Duration {
        let exponent = Double(max(0, retry - 1))
        let grown = initialBackoff.seconds * pow(multiplier, exponent)
        let base = min(maximumBackoff.seconds, grown.isFinite ? grown : maximumBackoff.seconds)
        let clampedJitter = min(1, max(0, jitter))
        let unit = min(max(randomUnit, 0), 1)
        return .seconds(base * (1 - clampedJitter * unit))
    }
}

/// `pow` without Foundation in this file.
private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var remaining = Int(exponent)
    while remaining > 0 && result < 1e12 {
        result *= base
        remaining -= 1
    }
    return result
}
