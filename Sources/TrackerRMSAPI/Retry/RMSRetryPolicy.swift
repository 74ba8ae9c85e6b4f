/// When and how failed requests are retried.
///
/// Retried: status 99 (HTTP 200 with the failure envelope — the widget API's answer to transient
/// trouble as well as to bad requests), HTTP 5xx (an HTML page from a proxy included), 429,
/// an HTML or unreadable 200, and connection failures. Status 1, 2 and 3 are never retried.
/// Whether a *write* is retried after a failure that may have taken effect is decided per
/// operation (see ``TrackerRMSClient``): updates and checks are harmless to repeat; creates are
/// repeated only where the server's duplicate check makes the repeat safe, else the call ends
/// with ``TrackerRMSError/Code-swift.struct/outcomeUnknown``.
///
/// The wait before retry *n* (1-based) is `base = min(maximumBackoff, initialBackoff × 2^(n−1))`,
/// then `wait = base × (1 − jitter × u)` with `u` uniform in `[0, 1)`. A `Retry-After` header
/// (seconds or an HTTP date) replaces the computed wait. All attempts share one
/// ``overallTimeout``: a wait that would pass it ends the call instead.
///
/// A connection that cannot be made (refused, host unreachable or unknown, connect timeout) to a
/// server that has not answered this client yet gets only ``unreachableServerAttempts``: it is
/// almost always a wrong base URL or a server that is not running, and a person should hear so
/// in a second, as from TrackerAPI's interactive commands, not after the full budget. Once the
/// server has answered, connection failures get ``maximumAttempts`` like any transient failure,
/// so a server restarting in the middle of a sync is ridden out.
public struct RMSRetryPolicy: Sendable, Hashable {
    /// The most attempts per call, the first included (the contract asks for at least 8).
    public var maximumAttempts: Int
    /// The wait before the first retry.
    public var initialBackoff: Duration
    /// The longest computed wait.
    public var maximumBackoff: Duration
    /// The randomised fraction of each wait, 0...1.
    public var jitter: Double
    /// The deadline for all attempts of one call, waits included.
    public var overallTimeout: Duration
    /// The longest `Retry-After` waited out; longer ends the call with `rateLimited`.
    public var maximumRetryAfter: Duration
    /// The most attempts of a call whose connection cannot be made while the server has never
    /// answered this client (at least 1; at most ``maximumAttempts`` apply).
    public var unreachableServerAttempts: Int

    /// Creates a policy.
    /// - Parameters:
    ///   - maximumAttempts: The most attempts.
    ///   - initialBackoff: The first wait.
    ///   - maximumBackoff: The longest computed wait.
    ///   - jitter: The randomised fraction.
    ///   - overallTimeout: The deadline for all attempts.
    ///   - maximumRetryAfter: The longest `Retry-After` waited out.
    ///   - unreachableServerAttempts: The attempts of a call that cannot connect to a server that
    ///     never answered.
    public init(
        maximumAttempts: Int = 8, initialBackoff: Duration = .milliseconds(200),
        maximumBackoff: Duration = .seconds(10),
        jitter: Double = 0.5, overallTimeout: Duration = .seconds(180), maximumRetryAfter: Duration = .seconds(120),
        unreachableServerAttempts: Int = 3
    ) {
        self.maximumAttempts = maximumAttempts
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.jitter = jitter
        self.overallTimeout = overallTimeout
        self.maximumRetryAfter = maximumRetryAfter
        self.unreachableServerAttempts = unreachableServerAttempts
    }

    /// Eight attempts, 200 ms doubling to 10 s, half jitter, three minutes per call; three attempts
    /// to connect to a server that never answered.
    public static let `default` = RMSRetryPolicy()

    /// One attempt.
    public static let none = RMSRetryPolicy(maximumAttempts: 1)

    /// The wait before a retry, by the formula above.
    /// - Parameters:
    ///   - retry: 1 for the first retry.
    ///   - randomUnit: A value in `[0, 1)`.
    /// - Returns: The wait.
    public func backoff(forRetry retry: Int, randomUnit: Double) -> Duration {
        var base = initialBackoff.seconds
        var step = 1
        while step < retry && base < maximumBackoff.seconds {
            base *= 2
            step += 1
        }
        base = min(base, maximumBackoff.seconds)
        let clampedJitter = min(1, max(0, jitter))
        return .seconds(base * (1 - clampedJitter * min(max(randomUnit, 0), 1)))
    }
}

/// A rate limit the client keeps to on its own: a token bucket shared by every call of one client.
public struct RMSRateLimit: Sendable, Hashable {
    /// The sustained rate.
    public var requestsPerSecond: Double
    /// How many requests may go at once after a quiet spell.
    public var burst: Int

    /// Creates a limit.
    /// - Parameters:
    ///   - requestsPerSecond: The rate (above 0).
    ///   - burst: The burst (at least 1).
    public init(requestsPerSecond: Double, burst: Int = 1) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }
}
