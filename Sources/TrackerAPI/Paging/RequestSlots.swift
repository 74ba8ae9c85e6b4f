import Synchronization

/// A first-come-first-served counting semaphore for page requests.
///
/// Paging keeps more pages buffered than it has requests on the wire: a page's network slot is
/// handed to the next page as soon as its body has arrived, while its decoding goes on. This is
/// what lets the network stay busy during decoding. `release()` is synchronous so it can be
/// called from inside a response decoder.
final class RequestSlots: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var available: Int
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    init(permits: Int) {
        state = Mutex(State(available: max(1, permits)))
    }

    /// Waits for a slot, in arrival order.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func acquire() async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let granted = state.withLock { state -> Bool in
                    if state.available > 0 && state.waiters.isEmpty {
                        state.available -= 1
                        return true
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return false
                }
                if granted { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// How many tasks are waiting (for tests).
    var waiterCount: Int { state.withLock { $0.waiters.count } }

    /// Returns a slot, handing it straight to the longest waiter if there is one.
    func release() {
        let next = state.withLock { state -> Waiter? in
            guard !state.waiters.isEmpty else {
                state.available += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume()
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
