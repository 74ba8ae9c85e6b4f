import TrackerAPI

/// How the commands a person waits on (`jobs list`, `applications move`, …) retry a failing request.
///
/// Three attempts for failures, so that a server that is down or answers with an HTML page is
/// reported in seconds. A `429` that carries `Retry-After` is not such a failure: the server said
/// when to come back, and an account limited to a few requests per second answers it whenever a
/// command's requests come faster than that. Counting those answers as attempts would spend all
/// three in about a second and report "too many requests" for a command that would have
/// succeeded, or hide the real problem behind it. So the command waits them out, each as long as
/// asked, within the call's overall deadline; an answer that asks for more than
/// ``longestRetryAfter`` ends the command at once with advice, since a person should not sit
/// through it unannounced.
enum InteractiveRequests {
    /// Attempts for a request that fails for a reason other than a 429 with `Retry-After`.
    static let attempts = 3

    /// The longest `Retry-After` a command waits out before reporting the rate limit.
    static let longestRetryAfter: Duration = .seconds(30)

    /// The retry policy of interactive commands (TrackerAPI's default otherwise).
    static var retryPolicy: TrackerRetryPolicy {
        var policy = TrackerRetryPolicy.default
        policy.maximumAttempts = attempts
        policy.countsRateLimitedAttempts = false
        policy.maximumRetryAfter = longestRetryAfter
        return policy
    }
}
