import Synchronization

/// A counting semaphore for page requests that serves tickets strictly in the order they were
/// issued.
///
/// Paging keeps more pages buffered than it has requests on the wire: a page's network slot is
/// handed to the next page as soon as its body has arrived, while its decoding goes on. Tickets
/// are issued when pages are queued (in page order), so page 5 never overtakes page 4 on the
/// network, whatever order their tasks happen to start in. `release()` is synchronous so it can
/// be called from inside a response decoder.
final class RequestSlots: Sendable {
    private struct State {
        var available: Int
        var nextTicket: UInt64 = 0
        var nextToServe: UInt64 = 0
        var waiting: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        var abandoned: Set<UInt64> = []

        /// Grants permits to waiting tickets in order; returns whom to wake.
        mutating func dispatch() -> [CheckedContinuation<Void, any Error>] {
            var woken: [CheckedContinuation<Void, any Error>] = []
            while true {
                if abandoned.remove(nextToServe) != nil {
                    nextToServe += 1
                } else if available > 0, let continuation = waiting.removeValue(forKey: nextToServe) {
                    available -= 1
                    nextToServe += 1
                    woken.append(continuation)
                } else {
                    return woken
                }
            }
        }
    }

    private let state: Mutex<State>

    init(permits: Int) {
        state = Mutex(State(available: max(1, permits)))
    }

    /// Takes the next place in line. Every ticket must be passed to ``acquire(_:)`` exactly once.
    func ticket() -> UInt64 {
        state.withLock { state in
            defer { state.nextTicket += 1 }
            return state.nextTicket
        }
    }

    /// Waits until every earlier ticket has been served and a slot is free.
    /// - Throws: `CancellationError` when the task is cancelled while waiting; the ticket then
    ///   gives up its place without holding up later ones.
    func acquire(_ ticket: UInt64) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (woken, cancelled) = state.withLock { state in
                    if Task.isCancelled {
                        state.abandoned.insert(ticket)
                        return (state.dispatch(), true)
                    }
                    state.waiting[ticket] = continuation
                    return (state.dispatch(), false)
                }
                for waiter in woken { waiter.resume() }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let (removed, woken) = state.withLock { state in
                guard let continuation = state.waiting.removeValue(forKey: ticket) else {
                    return (CheckedContinuation<Void, any Error>?.none, [CheckedContinuation<Void, any Error>]())
                }
                state.abandoned.insert(ticket)
                return (continuation, state.dispatch())
            }
            removed?.resume(throwing: CancellationError())
            for waiter in woken { waiter.resume() }
        }
    }

    /// How many tickets are waiting (for tests).
    var waiterCount: Int { state.withLock { $0.waiting.count } }

    /// Returns a slot, handing it straight to the next ticket in line if it is waiting.
    func release() {
        let woken = state.withLock { state in
            state.available += 1
            return state.dispatch()
        }
        for waiter in woken { waiter.resume() }
    }
}

/// A slot held by one page request, given back exactly once (after the body arrived, or when
/// the request ends whichever way).
final class HeldSlot: Sendable {
    private let slots: RequestSlots?
    private let isHeld = Mutex(true)

    init(_ slots: RequestSlots?) {
        self.slots = slots
    }

    func release() {
        let wasHeld = isHeld.withLock { held in
            defer { held = false }
            return held
        }
        if wasHeld { slots?.release() }
    }
}
