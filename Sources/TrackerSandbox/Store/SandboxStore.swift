internal import Foundation
internal import Synchronization

/// The running sandbox's shared state: the account data and workflow (one lock), the per-request
/// bookkeeping (another lock), the filter cache and the change notifier.
///
/// Request handlers take the data lock only to pick the ids of a page and copy the few changed
/// records among them; generating and encoding the records happens outside the lock.
final class SandboxStore: Sendable {
    let configuration: SandboxConfiguration
    let generator: DataGenerator
    let data: Mutex<SandboxState>
    let traffic = Mutex(TrafficState())
    let filterCache = FilterCache()
    let changes = ChangeNotifier()
    /// Told after every answered request, for tests that act at a chosen point of a client's run.
    let answers = ChangeNotifier()
    /// Holds requests before they are answered, while a test acts on a client (SandboxControl+Hold).
    let gate = RequestGate()
    /// Redirects scripted by tests (SandboxControl+Redirects).
    let redirects = Mutex<[ScriptedRedirect]>([])
    /// Answers scripted to stall halfway (SandboxControl+Redirects), and their end at shutdown.
    let stalls = Mutex(StallState())
    let stallsEnded = ChangeNotifier()
    /// Uploads scripted to be cut off part-way (SandboxControl+UploadCuts).
    let uploadCuts = Mutex<[ScriptedUploadCut]>([])

    /// Ends every stalled answer (their connections close) and stalls no more: before shutdown.
    func endStalls() {
        stalls.withLock { $0.ended = true }
        stallsEnded.notify()
    }

    /// Returns when ``endStalls()`` has been called or the task is cancelled.
    func awaitStallsEnded() async {
        while !Task.isCancelled {
            let generation = stallsEnded.generation
            if stalls.withLock({ $0.ended }) { return }
            await stallsEnded.wait(after: generation, timeout: .seconds(3600))
        }
    }
    /// Set by the running server: starts its graceful shutdown (for `SandboxControl.stop()`).
    let shutdown = Mutex<(@Sendable () async -> Void)?>(nil)

    init(configuration: SandboxConfiguration) {
        self.configuration = configuration
        let state = SandboxState(configuration: configuration)
        generator = state.generator
        data = Mutex(state)
    }

    /// Runs `body` with the data locked, then wakes waiters (an action or delivery may have been
    /// queued, a record changed).
    func mutate<Result: Sendable>(_ body: (inout SandboxState) throws(SandboxHTTPError) -> Result)
        throws(SandboxHTTPError)
        -> Result
    {
        let result = try data.withLock { (state: inout SandboxState) throws(SandboxHTTPError) -> Result in
            try body(&state)
        }
        changes.notify()
        return result
    }

    /// Reads the data under the lock.
    func read<Result: Sendable>(_ body: (borrowing SandboxState) -> Result) -> Result {
        data.withLock { body($0) }
    }

    var behavior: SandboxBehavior { read { $0.behavior } }

    var renderContext: RenderContext { read { $0.renderContext } }

    /// Makes the background changes due by the sandbox clock (``SandboxState/makeDueMutations()``).
    func makeDueMutations() {
        let made = data.withLock { state in state.mutationSchedule == nil ? 0 : state.makeDueMutations().count }
        if made > 0 { changes.notify() }
    }

    /// Runs due actions (all pending ones when `date` is `nil`); returns how many ran.
    func runPendingActions(dueBy date: Date?) -> Int {
        let ran = data.withLock { $0.runPendingActions(dueBy: date) }
        if ran > 0 { changes.notify() }
        return ran
    }

    /// Waits until `condition` holds, re-checking after every change.
    /// - Throws: ``SandboxWaitTimeout`` when `timeout` passes first; `CancellationError` when cancelled.
    func wait(
        for description: String, timeout: Duration, until condition: @Sendable (borrowing SandboxState) -> Bool
    ) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let generation = changes.generation
            if read(condition) { return }
            try Task.checkCancellation()
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw SandboxWaitTimeout(waitingFor: description, timeout: timeout) }
            await changes.wait(after: generation, timeout: remaining)
        }
    }
}

/// A ``SandboxControl`` wait that did not see its condition within the timeout.
public struct SandboxWaitTimeout: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was awaited.
    public var waitingFor: String
    /// How long the wait lasted.
    public var timeout: Duration

    /// What was awaited and for how long.
    public var description: String { "timed out after \(timeout) waiting for \(waitingFor)" }
}
