import Synchronization

/// The request budget of one ``TrackerAPI``: every attempt of every call waits here for a place
/// in the client-wide ``RequestWindow`` (fair turns between lanes, a size that halves on 429 and
/// grows back on answers), then for any pause a 429's `Retry-After` asked for.
///
/// So the bound on requests in flight, the reaction to 429s and the `Retry-After` pause hold for
/// the whole client, however many page sequences and tasks share it. `release` is synchronous so
/// it can be called from inside a response decoder.
final class RequestBudget: Sendable {
    private struct State {
        var window: RequestWindow
        var waiting: [UInt64: CheckedContinuation<RequestWindow.Grant, any Error>] = [:]
        var nextTicket: UInt64 = 0
        var nextLane: UInt64 = 1
        var pausedUntil: Duration = .zero

        /// Grants what the window allows and pairs each grant with its waiter.
        mutating func dispatch() -> [(CheckedContinuation<RequestWindow.Grant, any Error>, RequestWindow.Grant)] {
            window.grant().compactMap { grant in
                waiting.removeValue(forKey: grant.ticket).map { ($0, grant) }
            }
        }
    }

    private let state: Mutex<State>
    private let clock: TrackerClock

    /// Creates a budget of at most `maximumInFlight` requests at once.
    init(maximumInFlight: Int, clock: TrackerClock) {
        self.state = Mutex(State(window: RequestWindow(maximum: maximumInFlight)))
        self.clock = clock
    }

    /// A new lane: requests made in it take turns with those of every other lane.
    func makeLane() -> UInt64 {
        state.withLock { state in
            defer { state.nextLane += 1 }
            return state.nextLane
        }
    }

    /// Waits for a place in the window (in `lane`'s turn), then for any pause.
    /// - Returns: The place, to be released exactly once when the answer has been read.
    /// - Throws: `CancellationError` when the task is cancelled while waiting; nothing is held then.
    func acquire(lane: UInt64) async throws -> RequestBudgetSlot {
        let ticket = state.withLock { state in
            defer { state.nextTicket += 1 }
            return state.nextTicket
        }
        typealias Waiter = CheckedContinuation<RequestWindow.Grant, any Error>
        let grant = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: Waiter) in
                let (woken, cancelled) = state.withLock { state in
                    if Task.isCancelled { return (state.dispatch(), true) }
                    state.waiting[ticket] = continuation
                    state.window.enqueue(ticket: ticket, lane: lane)
                    return (state.dispatch(), false)
                }
                for (waiter, grant) in woken { waiter.resume(returning: grant) }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let removed = state.withLock { state -> Waiter? in
                guard state.window.remove(ticket: ticket, lane: lane) else { return nil }
                return state.waiting.removeValue(forKey: ticket)
            }
            removed?.resume(throwing: CancellationError())
        }
        let slot = RequestBudgetSlot(budget: self, grant: grant)
        let pause = state.withLock { $0.pausedUntil } - clock.now()
        if pause > .zero {
            do {
                try await clock.sleep(pause)
            } catch {
                slot.release(.failed)
                throw error
            }
        }
        return slot
    }

    /// Holds back every request not yet sent until `wait` has passed from now.
    func pause(for wait: Duration) {
        guard wait > .zero else { return }
        let until = clock.now() + wait
        state.withLock { $0.pausedUntil = max($0.pausedUntil, until) }
    }

    fileprivate func finish(_ grant: RequestWindow.Grant, _ outcome: RequestWindow.Outcome) {
        let woken = state.withLock { state in
            state.window.finish(grant, outcome)
            return state.dispatch()
        }
        for (waiter, grant) in woken { waiter.resume(returning: grant) }
    }

    /// The window as it stands (for tests and diagnostics).
    var window: RequestWindow { state.withLock { $0.window } }
}

/// A place in the ``RequestBudget``, given back exactly once: the first ``release(_:)`` counts.
final class RequestBudgetSlot: Sendable {
    private let budget: RequestBudget
    private let grant: RequestWindow.Grant
    private let isHeld = Mutex(true)

    fileprivate init(budget: RequestBudget, grant: RequestWindow.Grant) {
        self.budget = budget
        self.grant = grant
    }

    /// Gives the place back, telling the window how the request went.
    func release(_ outcome: RequestWindow.Outcome) {
        let wasHeld = isHeld.withLock { held in
            defer { held = false }
            return held
        }
        if wasHeld { budget.finish(grant, outcome) }
    }
}

/// The lane the current task's requests wait in: a page sequence sets its own for the tasks that
/// fetch its pages; everything else shares lane 0.
enum RequestLane {
    @TaskLocal static var current: UInt64 = 0
}
