/// When failed requests are tried again.
///
/// - A GET (and the idempotent PUT and DELETE) is retried after 429, 5xx, an unreadable answer
///   or a dropped connection.
/// - A write (POST, PATCH) is retried only after 429 or a refused connection, where the server
///   cannot have acted; after a 5xx or a timeout it fails with
///   ``WorkableAPIError/Code-swift.struct/outcomeUnknown`` so the caller reads the record first.
/// - A 429 waits until the server's `X-Rate-Limit-Reset` (or `Retry-After`) plus the rate limit's
///   margin; other failures back off exponentially: `min(maximumBackoff, initialBackoff × 2^(n-1))`
///   scaled by a random factor in 0.5...1.
/// - All attempts of one call share ``deadline``.
public struct WorkableRetryPolicy: Sendable, Hashable {
    /// Attempts per call, the first included (429 answers count too).
    public var maximumAttempts: Int
    /// The first backoff.
    public var initialBackoff: Duration
    /// The longest backoff.
    public var maximumBackoff: Duration
    /// The one deadline for all attempts of a call, waits included.
    public var deadline: Duration

    /// Creates a policy.
    /// - Parameters:
    ///   - maximumAttempts: Attempts per call (default 6).
    ///   - initialBackoff: The first backoff (default 0.5 s).
    ///   - maximumBackoff: The longest backoff (default 15 s).
    ///   - deadline: The one deadline per call (default 5 min, room for several rate-limit windows).
    public init(
        maximumAttempts: Int = 6, initialBackoff: Duration = .milliseconds(500),
        maximumBackoff: Duration = .seconds(15), deadline: Duration = .seconds(300)
    ) {
        self.maximumAttempts = maximumAttempts
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.deadline = deadline
    }

    /// The defaults.
    public static let `default` = WorkableRetryPolicy()
    /// One attempt, no retries.
    public static let none = WorkableRetryPolicy(maximumAttempts: 1)

    /// The backoff before attempt `attempt + 1` (attempts count from 1).
    func backoff(after attempt: Int, randomUnit: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 20)
        let base = min(maximumBackoff, initialBackoff * (1 << exponent))
        return base * (0.5 + 0.5 * randomUnit)
    }
}
