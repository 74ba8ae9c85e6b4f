/// A clock reduced to what waiting writes need: a monotonic reading and a sleep. Built from any
/// `Clock<Duration>`, so tests pass a clock that advances the sandbox instead of sleeping.
struct WaitClock: Sendable {
    /// Time since the clock was wrapped.
    let now: @Sendable () -> Duration
    /// Suspends for a duration; throws `CancellationError` when the task is cancelled.
    let sleep: @Sendable (Duration) async throws -> Void

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        now = { origin.duration(to: clock.now) }
        sleep = { duration in
            try Task.checkCancellation()
            guard duration > .zero else { return }
            try await clock.sleep(until: clock.now.advanced(by: duration), tolerance: nil)
        }
    }
}

/// The waits between polls: `first`, then each 1.5 times the previous, never above `maximum`,
/// and never past the deadline.
struct PollBackoff: Sendable {
    private(set) var next: Duration
    let maximum: Duration

    init(first: Duration, maximum: Duration) {
        self.next = max(first, .milliseconds(1))
        self.maximum = max(maximum, self.next)
    }

    /// The next wait, capped so that it ends no later than `deadline`; nil once the deadline has passed.
    mutating func wait(now: Duration, deadline: Duration) -> Duration? {
        guard now < deadline else { return nil }
        let wait = min(next, deadline - now)
        next = min(maximum, next * 1.5)
        return wait
    }
}
