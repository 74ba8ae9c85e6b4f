/// Paces one token's requests so that no `limit` of them fall in any window, and holds every
/// request back after the server says the window is spent (a 429, or `X-Rate-Limit-Remaining: 0`).
///
/// The local rule is a sliding window over send times, lengthened by a margin: the server counts
/// fixed windows by arrival time, and a request sent just before a window's end can arrive just
/// after it. The server's own headers correct the local view when other processes share the token.
actor WorkableRequestPacer {
    private let clock: WorkableClock
    private var limit: Int
    private let window: Duration
    private let margin: Duration
    /// Send times within the last window (plus margin), oldest first.
    private var starts: [Duration] = []
    /// No request leaves before this time (set by a 429 or an exhausted window).
    private var heldUntil: Duration = .zero
    private var waitedTotal: Duration = .zero

    init(rateLimit: WorkableRateLimit, clock: WorkableClock) {
        self.clock = clock
        limit = max(1, rateLimit.requests)
        window = rateLimit.window
        margin = rateLimit.margin
    }

    /// The cap in use (the server's `X-Rate-Limit-Limit` once seen).
    var currentLimit: Int { limit }

    /// The total time requests waited here.
    var totalWaited: Duration { waitedTotal }

    /// Waits until one more request fits, then counts it as sent.
    ///
    /// The deadline is checked on every turn of the wait, not only before it: a request already
    /// waiting for the local window when another request's 429 sets a long hold learns of the hold
    /// only when it wakes, and must then give up rather than sleep until the server's window resets.
    /// - Parameter longest: The longest the request may wait from now (what is left of its call's
    ///   deadline); `nil` for no limit.
    /// - Returns: How long this request waited.
    /// - Throws: ``HeldPastDeadline`` when the request could not leave within `longest`;
    ///   `CancellationError` when the task is cancelled while waiting.
    @discardableResult
    func acquire(waitingAtMost longest: Duration? = nil) async throws -> Duration {
        // The deadline in this pacer's own clock: clients of one token share the pacer, not the clock's origin.
        let deadline = longest.map { clock.now() + $0 }
        var waited: Duration = .zero
        while true {
            let now = clock.now()
            starts.removeAll { $0 + window + margin <= now }
            var until = heldUntil
            if starts.count >= limit {
                until = max(until, starts[starts.count - limit] + window + margin)
            }
            if until <= now {
                starts.append(now)
                return waited
            }
            if let deadline, until >= deadline {
                throw HeldPastDeadline(remaining: until - now)
            }
            let wait = until - now
            waitedTotal += wait
            waited += wait
            try await clock.sleep(wait)
        }
    }

    /// A request that the rate limit would hold past its call's deadline.
    struct HeldPastDeadline: Error {
        /// How long the request would still have had to wait.
        let remaining: Duration
    }

    /// Learns from an answer's rate-limit headers.
    /// - Parameters:
    ///   - serverLimit: `X-Rate-Limit-Limit`.
    ///   - remaining: `X-Rate-Limit-Remaining`.
    ///   - resetIn: How long until the next window (from `X-Rate-Limit-Reset` or `Retry-After`).
    ///   - rateLimited: Whether the answer was a 429.
    func observe(serverLimit: Int?, remaining: Int?, resetIn: Duration?, rateLimited: Bool) {
        if let serverLimit, serverLimit > 0 { limit = serverLimit }
        let now = clock.now()
        if rateLimited {
            // A 429 with no usable reset still must not be retried at once: wait a whole window.
            heldUntil = max(heldUntil, now + (resetIn ?? window) + margin)
        } else if remaining == 0, let resetIn {
            heldUntil = max(heldUntil, now + resetIn + margin)
        }
    }

    /// When the next request may leave, measured from now (zero when it may leave at once).
    func holdRemaining() -> Duration {
        max(.zero, heldUntil - clock.now())
    }
}
