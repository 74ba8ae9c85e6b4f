/// A clock reduced to what TrackerAPI needs: a monotonic reading and a sleep. Built from any
/// `Clock<Duration>`, so tests pass a manual clock and never sleep for real.
struct TrackerClock: Sendable {
    /// Time since the clock was wrapped.
    let now: @Sendable () -> Duration
    /// Suspends for a duration; throws `CancellationError` when the task is cancelled.
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
