/// The retry budget of one call, as a pure state machine: feed it each failure, it answers
/// whether and when to try again. No I/O and no clock of its own, so it is tested directly.
struct RetryState {
    /// What went wrong with one attempt.
    enum Failure: Equatable {
        /// Below HTTP.
        case transport(TrackerTransportError)
        /// An HTTP status the pipeline did not accept, with the server's requested wait.
        case status(Int, retryAfter: Duration?)
        /// A 2xx whose body could not be read.
        case malformed
        /// The request's streamed body could not be produced (its source failed): a local problem
        /// that sending again would not fix.
        case requestBody
    }

    /// What to do next.
    enum Decision: Equatable {
        /// Wait this long, then try again.
        case retry(after: Duration)
        /// Stop: the failure is final.
        case giveUp(GiveUpReason)
    }

    /// Why a call stops retrying.
    enum GiveUpReason: Equatable {
        case notRetryable
        case attemptsExhausted
        case deadline
        case retryAfterTooLong
        /// Part of a streamed body was sent and cannot be sent again.
        case streamedBodySent
    }

    let policy: TrackerRetryPolicy
    let method: TrackerHTTPMethod
    let startedAt: Duration
    private(set) var attempts = 0
    /// Attempts answered 429 with `Retry-After` that the policy does not count.
    private(set) var excusedAttempts = 0
    /// Whether any chunk of a streamed request body was read by the transport.
    private(set) var hasSentStreamedBody = false

    init(policy: TrackerRetryPolicy, method: TrackerHTTPMethod, startedAt: Duration) {
        self.policy = policy
        self.method = method
        self.startedAt = startedAt
    }

    /// The time left before the overall deadline.
    func remaining(now: Duration) -> Duration {
        startedAt + policy.overallTimeout - now
    }

    /// Records that an attempt is being made.
    mutating func beginAttempt() {
        attempts += 1
    }

    /// Records how an attempt failed, before ``decide(after:now:randomUnit:)``: a 429 with
    /// `Retry-After` is excused from the attempt budget when the policy says so.
    mutating func record(_ failure: Failure) {
        if isExcused(failure) { excusedAttempts += 1 }
    }

    private func isExcused(_ failure: Failure) -> Bool {
        guard !policy.countsRateLimitedAttempts, case .status(429, .some) = failure else { return false }
        return true
    }

    /// Records that the transport read a chunk of the streamed body: from now on nothing is
    /// retried, whatever the failure, because a stream cannot be replayed and the server may have
    /// received (and acted on) the whole request.
    mutating func streamedBodyWasSent() {
        hasSentStreamedBody = true
    }

    /// Whether this failure may be retried for this method, regardless of budget.
    func isRetryable(_ failure: Failure) -> Bool {
        switch failure {
        case .transport(let error):
            return method.isIdempotent || error.phase == .connect
        case .status(let status, _):
            if status == 429 { return true }
            return method.isIdempotent && (status == 408 || (500...599).contains(status))
        case .malformed:
            return method.isIdempotent && policy.retriesMalformedResponses
        case .requestBody:
            return false
        }
    }

    /// Decides what follows a failed attempt.
    /// - Parameters:
    ///   - failure: What went wrong.
    ///   - now: The clock's current reading.
    ///   - randomUnit: A value in `[0, 1)` for jitter.
    func decide(after failure: Failure, now: Duration, randomUnit: Double) -> Decision {
        guard isRetryable(failure) else { return .giveUp(.notRetryable) }
        guard !hasSentStreamedBody else { return .giveUp(.streamedBodySent) }
        let excused = isExcused(failure)
        guard excused || attempts - excusedAttempts < policy.maximumAttempts else {
            return .giveUp(.attemptsExhausted)
        }
        var wait = policy.backoff(forRetry: max(1, attempts - excusedAttempts), randomUnit: randomUnit)
        if case .status(_, let retryAfter?) = failure {
            guard retryAfter <= policy.maximumRetryAfter else { return .giveUp(.retryAfterTooLong) }
            wait = excused ? max(retryAfter, policy.initialBackoff) : retryAfter
        }
        guard wait < remaining(now: now) else { return .giveUp(.deadline) }
        return .retry(after: wait)
    }
}
