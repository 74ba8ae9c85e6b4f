internal import Synchronization

/// A `Clock` for the client side of a test whose sleeps return at once after moving time forward:
/// its own reading and the sandbox's ``ManualSandboxClock``, so rate-limit buckets refill,
/// `Retry-After` waits pass and workflow actions fall due without the test sleeping for real.
///
/// Give it to the client under test (TrackerAPI and TrackerATSClient take any `Clock`) and
/// ``attach(_:)`` the running sandbox's control to have due actions run after every sleep.
public final class SandboxAdvancingClock: Clock, Sendable {
    /// An instant: the time slept on this clock since it was created.
    public struct Instant: InstantProtocol {
        /// The time slept since the clock was created.
        public var offset: Duration
        /// The instant `duration` later.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        /// The time from this instant to `other`.
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        /// Whether `lhs` comes first.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let current = Mutex(Instant(offset: .zero))
    private let sandboxClock: ManualSandboxClock
    private let control: Mutex<SandboxControl?> = Mutex(nil)
    private let sleeps = Mutex(0)

    /// Creates a clock that advances `sandboxClock` by whatever is slept on it.
    /// - Parameter sandboxClock: the sandbox's clock (``SandboxConfiguration/clock``).
    public init(sandboxClock: ManualSandboxClock) {
        self.sandboxClock = sandboxClock
    }

    /// Runs the sandbox's due workflow actions after each sleep.
    /// - Parameter control: the running sandbox's control.
    public func attach(_ control: SandboxControl) {
        self.control.withLock { $0 = control }
    }

    /// The current instant.
    public var now: Instant { current.withLock { $0 } }
    /// The smallest step: one nanosecond.
    public var minimumResolution: Duration { .nanoseconds(1) }
    /// How many times anything slept on this clock.
    public var sleepCount: Int { sleeps.withLock { $0 } }

    /// Moves this clock and the sandbox's to `deadline` (if it is later), runs due actions, and
    /// returns after yielding once.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let moved = current.withLock { instant -> Duration in
            guard deadline > instant else { return .zero }
            let delta = instant.duration(to: deadline)
            instant = deadline
            return delta
        }
        sleeps.withLock { $0 += 1 }
        sandboxClock.advance(by: moved)
        control.withLock { $0 }?.runDueActions()
        await Task.yield()
        try Task.checkCancellation()
    }
}
