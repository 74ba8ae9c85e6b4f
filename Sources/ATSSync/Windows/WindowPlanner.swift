public import Foundation

/// Decides which window a stream reads next. Pure: no I/O, no clock of its own.
public struct WindowPlanner: Hashable, Sendable {
    /// How far behind "now" a window's upper bound stays, so that records being written while the
    /// run starts (and small clock differences with the provider) fall into the next window.
    public var safetyLag: Duration
    /// How often a full scan replaces an incremental window, to reconcile deletions and to catch
    /// records whose cursor is missing; nil never schedules one (a caller can still request one).
    public var fullScanInterval: Duration?

    /// Creates a planner.
    public init(safetyLag: Duration = .seconds(60), fullScanInterval: Duration? = .seconds(24 * 3600)) {
        self.safetyLag = safetyLag
        self.fullScanInterval = fullScanInterval
    }

    /// What a run of one stream should do.
    public enum Plan: Hashable, Sendable {
        /// Continue an interrupted run from its checkpoint.
        case resume(RunCheckpoint)
        /// Start a new window.
        case start(SyncWindow)
    }

    /// Plans the next run of a stream.
    /// - Parameters:
    ///   - contract: What the stream promises.
    ///   - state: What the engine remembers of it.
    ///   - now: The current time, from the engine's clock.
    ///   - fullScanRequested: Whether the caller asked for a full scan (reconciliation).
    /// - Returns: Resume the interrupted run, or start a window.
    public func plan(
        contract: StreamContract,
        state: StreamState,
        now: Date,
        fullScanRequested: Bool = false
    ) -> Plan {
        if let checkpoint = state.checkpoint {
            return .resume(checkpoint)
        }
        let upper = max(now.addingTimeInterval(-safetyLag.timeInterval), state.completedThrough ?? .distantPast)
        guard contract.supportsIncrementalUpdates, !fullScanRequested, let completed = state.completedThrough,
            !isFullScanDue(state: state, now: now)
        else {
            return .start(SyncWindow(lower: nil, upper: upper, isFullScan: true))
        }
        let lower = completed.addingTimeInterval(-contract.lookBack.timeInterval)
        return .start(SyncWindow(lower: lower, upper: upper, isFullScan: false))
    }

    private func isFullScanDue(state: StreamState, now: Date) -> Bool {
        guard let interval = fullScanInterval else { return false }
        guard let last = state.lastFullScanThrough else { return true }
        return now.timeIntervalSince(last) >= interval.timeInterval
    }
}

extension Duration {
    /// The duration in seconds, as Foundation's `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
