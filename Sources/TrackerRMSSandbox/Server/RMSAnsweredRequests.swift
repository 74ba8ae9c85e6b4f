internal import Synchronization

/// Counts the requests the sandbox has answered and wakes the tasks waiting for a total, so that a
/// test can act at a chosen point of a client's run without polling.
final class RMSAnsweredRequests: Sendable {
    private struct Waiter {
        var total: Int
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var count = 0
        var nextWaiterID = 0
        var waiters: [Int: Waiter] = [:]
    }

    private let state = Mutex(State())

    /// The requests answered so far.
    var count: Int { state.withLock { $0.count } }

    /// Counts one more answer and wakes the waiters whose total it reaches.
    func increment() {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.count += 1
            let count = state.count
            let due = state.waiters.filter { $0.value.total <= count }
            for id in due.keys { state.waiters[id] = nil }
            return due.values.map(\.continuation)
        }
        for waiter in ready { waiter.resume() }
    }

    /// Returns once `total` requests have been answered, or when the task is cancelled.
    func reach(_ total: Int) async {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.count >= total || Task.isCancelled { return true }
                    state.waiters[id] = Waiter(total: total, continuation: continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume()
        }
    }
}

/// A wait on the sandbox that did not end in time.
public struct RMSSandboxWaitTimeout: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was awaited.
    public var awaited: String
    /// How long the wait lasted.
    public var timeout: Duration

    /// The wait, in words.
    public var description: String { "the Tracker RMS sandbox waited \(timeout) for \(awaited)" }
}
