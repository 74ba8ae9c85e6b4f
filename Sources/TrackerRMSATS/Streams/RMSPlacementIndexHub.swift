import Synchronization
import TrackerRMSAPI

/// Lends the placement index that a complete applications read builds as it goes to the candidates
/// streams that start while it runs, so that a sync reading both streams at once reads every
/// placements page and every job's placements once, not once per stream.
///
/// A candidates stream that finds no read under way builds its own index (streams also run alone,
/// e.g. `--streams candidates`). An index is handed only to the streams waiting when the read ends,
/// then dropped: a stream that starts later reads afresh, so a client kept across runs never serves
/// one run's index to another. A read that fails or is abandoned hands its waiters nothing, and they
/// build their own.
final class RMSPlacementIndexHub: Sendable {
    private struct State {
        var reading = false
        var waiters: [CheckedContinuation<RMSPlacementIndex?, Never>] = []
    }

    private let state = Mutex(State())

    /// Starts recording a complete read, or nil when another complete read is already recording.
    func beginRecording() -> RMSPlacementIndexRecorder? {
        let claimed = state.withLock { state -> Bool in
            guard !state.reading else { return false }
            state.reading = true
            return true
        }
        return claimed ? RMSPlacementIndexRecorder(hub: self) : nil
    }

    /// The index of the complete read under way, once it ends; nil at once when none is under way,
    /// or when the read fails.
    func indexOfReadUnderWay() async -> RMSPlacementIndex? {
        await withCheckedContinuation { continuation in
            let waiting = state.withLock { state -> Bool in
                guard state.reading else { return false }
                state.waiters.append(continuation)
                return true
            }
            if !waiting { continuation.resume(returning: nil) }
        }
    }

    fileprivate func end(with index: RMSPlacementIndex?) {
        let waiters = state.withLock { state in
            defer { state = State() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: index) }
    }
}

/// The placements a complete read delivered, as an index; ends the read on the hub when it is
/// finished, or (when dropped unfinished) as failed.
final class RMSPlacementIndexRecorder: Sendable {
    private let hub: RMSPlacementIndexHub
    private let index = Mutex<RMSPlacementIndex?>(RMSPlacementIndex())

    fileprivate init(hub: RMSPlacementIndexHub) { self.hub = hub }

    /// Adds a placement the read delivered.
    func record(_ placement: RMSPlacement) {
        guard let ref = RMSPlacementRef(placement) else { return }
        index.withLock { $0?.byResource[ref.resourceID, default: []].append(ref) }
    }

    /// The read delivered its last placement: hands the index to the waiting streams.
    func finish() {
        let finished = index.withLock { index in
            defer { index = nil }
            return index
        }
        if let finished { hub.end(with: finished) }
    }

    /// The read failed: the waiting streams read for themselves.
    func fail() {
        let unfinished = index.withLock { index in
            defer { index = nil }
            return index != nil
        }
        if unfinished { hub.end(with: nil) }
    }

    deinit { fail() }
}
