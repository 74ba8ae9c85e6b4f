/// The client-side rate limiter shared by every call of one ``TrackerAPI``.
///
/// A generic cell rate algorithm (a token bucket kept as one "theoretical arrival time"): each
/// request reserves the next free slot under the actor and then sleeps outside it, so callers
/// are served in arrival order and the actor is never blocked by a sleep. A 429 with
/// `Retry-After` pauses every caller, not just the one that saw it.
actor RateLimiter {
    private let interval: Duration
    private let burst: Int
    private let clock: TrackerClock
    private var theoreticalArrival: Duration
    private var pausedUntil: Duration = .zero

    init(limit: TrackerRateLimit, clock: TrackerClock) {
        self.interval = .seconds(1 / max(limit.requestsPerSecond, 0.001))
        self.burst = max(1, limit.burst)
        self.clock = clock
        self.theoreticalArrival = clock.now()
    }

    /// Reserves a slot and returns how long the caller must wait before sending.
    func reserve() -> Duration {
        let now = clock.now()
        let arrival = max(theoreticalArrival, now, pausedUntil)
        let earliest = arrival - interval * (burst - 1)
        let start = max(now, earliest, pausedUntil)
        theoreticalArrival = max(arrival, start) + interval
        return start - now
    }

    /// Holds every caller back until `wait` has passed from now.
    func pause(for wait: Duration) {
        pausedUntil = max(pausedUntil, clock.now() + wait)
    }

    /// Waits for a slot.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    nonisolated func acquire() async throws {
        let wait = await reserve()
        if wait > .zero {
            try await clock.sleep(wait)
        }
    }
}
