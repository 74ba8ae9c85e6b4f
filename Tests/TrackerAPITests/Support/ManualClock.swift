import Synchronization

/// A clock whose time moves only when something sleeps on it: each sleep jumps the clock to its
/// deadline at once and is recorded, so retry and rate-limit tests assert on the waits that
/// would have happened without waiting for real.
final class ManualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleeps: [Duration] = []
    }

    private let state = Mutex(State())

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .zero }

    /// Every sleep requested so far, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// The total time slept.
    var elapsed: Duration { state.withLock { $0.now.offset } }

    func advance(by duration: Duration) {
        state.withLock { $0.now = $0.now.advanced(by: duration) }
    }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            if deadline > state.now {
                state.sleeps.append(state.now.duration(to: deadline))
                state.now = deadline
            }
        }
    }
}
