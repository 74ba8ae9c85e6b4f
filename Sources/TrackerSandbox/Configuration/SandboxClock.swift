public import Foundation
internal import Synchronization

/// The sandbox's source of wall-clock time: record timestamps, `updated_after` comparisons, rate
/// limiting and action due times all read it, so a test that injects a ``ManualSandboxClock`` gets
/// identical data and behaviour on every run.
public protocol SandboxClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's real-time clock.
public struct SystemSandboxClock: SandboxClock {
    /// Creates the system clock.
    public init() {}

    /// The current instant, from the system.
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to, for deterministic tests.
public final class ManualSandboxClock: SandboxClock {
    private let current: Mutex<Date>

    /// Creates a clock that reads `start` until it is advanced.
    /// - Parameter start: the first instant the clock reads.
    public init(start: Date) {
        current = Mutex(start)
    }

    /// The instant the clock was last set to.
    public func now() -> Date {
        current.withLock { $0 }
    }

    /// Moves the clock forward.
    /// - Parameter duration: how far to move; negative durations are ignored.
    public func advance(by duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        current.withLock { $0 = $0.addingTimeInterval(max(seconds, 0)) }
    }

    /// Sets the clock to an instant (which may be in its past).
    /// - Parameter date: the instant the clock reads from now on.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}

extension Date {
    /// Whole seconds since 1970, rounded down: the resolution of every sandbox timestamp.
    var epochSeconds: Int64 {
        Int64(timeIntervalSince1970.rounded(.down))
    }

    init(epochSeconds: Int64) {
        self.init(timeIntervalSince1970: Double(epochSeconds))
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
