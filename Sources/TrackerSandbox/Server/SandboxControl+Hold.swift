internal import Synchronization

/// Holding requests: a test freezes a client in the middle of its run (after its first few
/// answers, say) to act on it there — kill it, cut its database connection — without sleeping.
extension SandboxControl {
    /// Holds every request that arrives after the first `count` (counted from the sandbox's start),
    /// before it is answered, until ``releaseRequests()``.
    /// - Parameter count: How many requests still pass; 0 holds from the next one.
    public func holdRequests(after count: Int) {
        store.gate.hold(after: count)
    }

    /// Lets held requests, and every later one, through.
    public func releaseRequests() {
        store.gate.release()
    }

    /// How many requests are waiting at the hold right now (not counting earlier ones that a
    /// release let go and that have not left yet).
    public var heldRequestCount: Int { store.gate.heldCount }

    /// Waits until at least `count` requests wait at the hold.
    /// - Throws: ``SandboxWaitTimeout`` after `timeout`; `CancellationError` when cancelled.
    public func awaitHeldRequests(atLeast count: Int, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let generation = store.gate.changes.generation
            if store.gate.heldCount >= count { return }
            try Task.checkCancellation()
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw SandboxWaitTimeout(waitingFor: "\(count) held requests", timeout: timeout)
            }
            await store.gate.changes.wait(after: generation, timeout: remaining)
        }
    }
}

/// The hold of ``SandboxControl/holdRequests(after:)``.
final class RequestGate: Sendable {
    private struct State {
        var holdAfter: Int?
        /// The numbers of the requests waiting.
        var held: Set<Int> = []
    }

    private let state = Mutex(State())
    /// Told when the hold is set or released and when a request starts or stops waiting.
    let changes = ChangeNotifier()

    var heldCount: Int {
        state.withLock { state in
            guard let after = state.holdAfter else { return 0 }
            return state.held.count { $0 > after }
        }
    }

    func hold(after count: Int) {
        state.withLock { $0.holdAfter = count }
        changes.notify()
    }

    func release() {
        state.withLock { $0.holdAfter = nil }
        changes.notify()
    }

    /// Returns at once unless request `number` is to be held; then when the hold is released or the
    /// request's task is cancelled (its client went away and the server shuts down).
    func pass(_ number: Int) async {
        func isHeld(_ state: State) -> Bool { state.holdAfter.map { number > $0 } ?? false }
        guard state.withLock({ isHeld($0) }) else { return }
        state.withLock { _ = $0.held.insert(number) }
        changes.notify()
        while !Task.isCancelled {
            let generation = changes.generation
            if !state.withLock({ isHeld($0) }) { break }
            await changes.wait(after: generation, timeout: .seconds(3600))
        }
        state.withLock { _ = $0.held.remove(number) }
        changes.notify()
    }
}
