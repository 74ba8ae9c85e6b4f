import Foundation
import Synchronization
import TrackerSandbox

/// The client's clock in the chaos suite: a ``SandboxAdvancingClock`` (the client's waits move the
/// sandbox's clock instead of sleeping) that also changes the account by `perSecond` mutations for
/// every second the client waits, while it is on.
///
/// The account thus changes while a sync reads it, at the moments the sync waits (a backoff, a
/// `Retry-After`), by an amount set by the injected clock rather than by how long this machine took:
/// the sandbox's own mutation mode runs on the wall clock, so its count varied a hundredfold
/// between a quiet and a loaded machine.
final class MutatingClock: Clock, Sendable {
    typealias Instant = SandboxAdvancingClock.Instant

    private struct State {
        var control: SandboxControl?
        var perSecond = 0.0
        var owed = 0.0
        var mutations = 0
    }

    private let base: SandboxAdvancingClock
    private let state = Mutex(State())

    init(sandboxClock: ManualSandboxClock) {
        base = SandboxAdvancingClock(sandboxClock: sandboxClock)
    }

    var now: Instant { base.now }
    var minimumResolution: Duration { base.minimumResolution }

    /// Mutations made so far.
    var mutations: Int { state.withLock { $0.mutations } }

    /// Starts changing `control`'s account by `perSecond` mutations per second waited.
    func start(_ control: SandboxControl, perSecond: Double) {
        state.withLock {
            $0.control = control
            $0.perSecond = perSecond
        }
    }

    /// Stops the mutations; returns once none can land afterwards.
    func stop() {
        state.withLock {
            $0.perSecond = 0
            $0.owed = 0
        }
    }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let before = base.now
        try await base.sleep(until: deadline, tolerance: tolerance)
        let slept = before.duration(to: base.now)
        let seconds = Double(slept.components.seconds) + Double(slept.components.attoseconds) * 1e-18
        // Under the lock, so that after `stop()` no mutation lands.
        state.withLock { state in
            guard state.perSecond > 0, let control = state.control else { return }
            state.owed += seconds * state.perSecond
            let count = Int(state.owed)
            guard count > 0 else { return }
            state.owed -= Double(count)
            state.mutations += control.mutate(count: count).count
        }
    }
}
