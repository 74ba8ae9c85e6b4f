/// A clock reduced to a monotonic reading and a sleep, built from any `Clock<Duration>` so that
/// tests pass a manual clock and never sleep for real.
struct RMSClock: Sendable {
    let now: @Sendable () -> Duration
    let sleep: @Sendable (Duration) async throws -> Void

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        now = { origin.duration(to: clock.now) }
        sleep = { duration in
            guard duration > .zero else { return }
            try await clock.sleep(until: clock.now.advanced(by: duration), tolerance: nil)
        }
    }
}

/// The client's pacing: a token bucket kept as one "theoretical arrival time" (each caller
/// reserves the next slot under the actor, then sleeps outside it), plus a pause every caller
/// honours after a 429 with `Retry-After` — one bucket per account, whoever saw the 429.
actor RMSRateLimiter {
    private let interval: Duration
    private let burst: Int
    private let clock: RMSClock
    private var theoreticalArrival: Duration
    private var pausedUntil: Duration = .zero

    init(limit: RMSRateLimit?, clock: RMSClock) {
        if let limit {
            interval = .seconds(1 / max(limit.requestsPerSecond, 0.001))
            burst = max(1, limit.burst)
        } else {
            interval = .zero
            burst = 1
        }
        self.clock = clock
        theoreticalArrival = clock.now()
    }

    private func reserve() -> Duration {
        let now = clock.now()
        guard interval > .zero else { return max(.zero, pausedUntil - now) }
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
    nonisolated func acquire() async throws {
        let wait = await reserve()
        if wait > .zero { try await clock.sleep(wait) }
    }
}
