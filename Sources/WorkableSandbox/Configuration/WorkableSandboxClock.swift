public import Foundation
internal import Synchronization

/// The sandbox's wall clock: record timestamps, filters, the rate-limit windows, file URL expiry
/// and background mutations all read it, so a test that injects a ``ManualWorkableSandboxClock``
/// controls every one of them.
public protocol WorkableSandboxClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's real-time clock.
public struct SystemWorkableSandboxClock: WorkableSandboxClock {
    /// Creates the system clock.
    public init() {}
    /// The current instant.
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to.
public final class ManualWorkableSandboxClock: WorkableSandboxClock {
    private let current: Mutex<Date>

    /// Creates a clock reading `start`.
    /// - Parameter start: The first instant.
    public init(start: Date) { current = Mutex(start) }

    /// The instant the clock was last set to.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward (negative durations are ignored).
    /// - Parameter duration: How far.
    public func advance(by duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        current.withLock { $0 = $0.addingTimeInterval(max(0, seconds)) }
    }
}

/// A `Clock` for a client under test whose sleeps return at once after moving the sandbox's
/// ``ManualWorkableSandboxClock`` forward by the same amount: rate-limit windows pass and URLs
/// expire without anything waiting for real. Give it (and the manual clock's `now` as the wall
/// clock) to the client.
public final class WorkableSandboxAdvancingClock: Clock, Sendable {
    /// An instant: the time slept on this clock since it was made.
    public struct Instant: InstantProtocol {
        /// Time slept since the clock was made.
        public var offset: Duration
        /// The instant `duration` later.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        /// The time from this instant to `other`.
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        /// Whether `lhs` comes first.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let current = Mutex(Instant(offset: .zero))
    private let sandboxClock: ManualWorkableSandboxClock
    private let slept = Mutex(Duration.zero)

    /// Creates a clock that moves `sandboxClock` by whatever is slept on it.
    /// - Parameter sandboxClock: The sandbox's clock.
    public init(sandboxClock: ManualWorkableSandboxClock) { self.sandboxClock = sandboxClock }

    /// The current instant.
    public var now: Instant { current.withLock { $0 } }
    /// One nanosecond.
    public var minimumResolution: Duration { .nanoseconds(1) }
    /// The total time slept (virtual time that passed).
    public var totalSlept: Duration { slept.withLock { $0 } }

    /// Moves this clock and the sandbox's to `deadline` (if later) and returns after one yield.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let moved = current.withLock { instant -> Duration in
            guard deadline > instant else { return .zero }
            defer { instant = deadline }
            return instant.duration(to: deadline)
        }
        slept.withLock { $0 += moved }
        sandboxClock.advance(by: moved)
        await Task.yield()
        try Task.checkCancellation()
    }
}
