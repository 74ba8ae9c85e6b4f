internal import Foundation

/// A clock reduced to what the client needs: a monotonic reading, a sleep, and the wall-clock time
/// that `X-Rate-Limit-Reset` (Unix seconds) is measured against. Tests pass a clock whose sleeps
/// move a shared virtual time, so nothing really waits.
struct WorkableClock: Sendable {
    /// Time since the clock was wrapped.
    let now: @Sendable () -> Duration
    /// Suspends for a duration; throws `CancellationError` when cancelled.
    let sleep: @Sendable (Duration) async throws -> Void
    /// The wall-clock time.
    let wallClock: @Sendable () -> Date

    init<C: Clock>(_ clock: C, wallClock: @escaping @Sendable () -> Date) where C.Duration == Duration {
        let origin = clock.now
        now = { origin.duration(to: clock.now) }
        sleep = { duration in
            guard duration > .zero else { return }
            try await clock.sleep(until: clock.now.advanced(by: duration), tolerance: nil)
        }
        self.wallClock = wallClock
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// A duration from seconds a server sent, clamped to `0…maximumServerSeconds`: a header can say
    /// anything, and Int64 nanoseconds end near 292 years, where the conversion would trap.
    static func seconds(double value: Double) -> Duration {
        guard !value.isNaN, value > 0 else { return .zero }
        return .nanoseconds(Int64((min(value, maximumServerSeconds) * 1e9).rounded()))
    }

    /// The longest wait read from a server's header: ten years, far past any limit a caller accepts.
    static let maximumServerSeconds: Double = 10 * 365 * 86_400
}
