import Foundation
import Synchronization

/// Says which phase of a piece of work a hang is in, while the work goes on.
///
/// A stall that holds no socket and burns no CPU leaves nothing for a debugger to show (the
/// awaiting task is not on any thread), so the work marks its phases and a watcher prints one
/// line to standard error when a watched phase lasts longer than its limit: the run's log then
/// names the phase even if the run is later stopped from outside. It never fails or stops the
/// work, so it cannot change a verdict.
public final class PhaseWatch: Sendable {
    /// The phase in which the watcher stays silent, however long it lasts (the test's own work).
    public static let unwatched = "the test's own work"

    private struct State {
        var phase: String
        var since: ContinuousClock.Instant
        var reported: Bool
    }

    private let subject: String
    private let state: Mutex<State>

    private init(subject: String, phase: String) {
        self.subject = subject
        state = Mutex(State(phase: phase, since: .now, reported: false))
    }

    /// Marks the start of a phase.
    /// - Parameter phase: What the work is doing now, e.g. "shutting the store down".
    public func enter(_ phase: String) {
        state.withLock { $0 = State(phase: phase, since: .now, reported: false) }
    }

    /// Runs `body`, printing a line when one of its phases (other than ``unwatched``) lasts longer
    /// than `limit`.
    /// - Parameters:
    ///   - subject: What is watched, for the line ("the PostgreSQL store of aFirstSync…(kind:)").
    ///   - phase: The first phase.
    ///   - limit: How long a phase may last before it is reported; generous, as it only names.
    ///   - body: The work, given the watch to mark its phases.
    /// - Returns: What `body` returns.
    public static func watching<Result>(
        _ subject: String,
        first phase: String,
        limit: Duration = .seconds(120),
        _ body: (PhaseWatch) async throws -> Result
    ) async rethrows -> Result {
        let watch = PhaseWatch(subject: subject, phase: phase)
        let watcher = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(5))
                watch.reportIfOverdue(limit: limit)
            }
        }
        defer { watcher.cancel() }
        return try await body(watch)
    }

    private func reportIfOverdue(limit: Duration) {
        let overdue: (phase: String, lasted: Duration)? = state.withLock { state in
            let lasted = ContinuousClock.now - state.since
            guard !state.reported, state.phase != Self.unwatched, lasted >= limit else { return nil }
            state.reported = true
            return (state.phase, lasted)
        }
        guard let overdue else { return }
        let line = "PHASE-WATCH \(subject): still \(overdue.phase) after \(overdue.lasted.components.seconds) s\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
