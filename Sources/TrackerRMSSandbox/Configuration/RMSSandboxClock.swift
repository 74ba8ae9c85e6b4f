public import Foundation
internal import Synchronization

/// The sandbox's source of wall-clock time: record times, `updatedafter` comparisons, rate
/// limiting and background mutations all read it, so a test that injects a
/// ``RMSManualSandboxClock`` gets the same data and behaviour on every run.
public protocol RMSSandboxClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's clock.
public struct RMSSystemSandboxClock: RMSSandboxClock {
    /// Creates the system clock.
    public init() {}
    /// The current instant.
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to.
public final class RMSManualSandboxClock: RMSSandboxClock {
    private let current: Mutex<Date>

    /// Creates a clock reading `start`.
    /// - Parameter start: The first instant.
    public init(start: Date) {
        current = Mutex(start)
    }

    /// The instant the clock was last set to.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds` (negative values are ignored).
    /// - Parameter seconds: How far.
    public func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(max(0, seconds)) }
    }

    /// Sets the clock.
    /// - Parameter date: The new instant.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
