internal import Synchronization

/// The server's start-up state, for callers that need the port a port-0 server was given.
final class Readiness: Sendable {
    private enum State {
        case starting([CheckedContinuation<Int, any Error>])
        case running(port: Int)
        case finished(any Error)
    }

    private let state = Mutex(State.starting([]))

    /// Waits until the server listens and returns its port.
    /// - Throws: the server's start-up error, or ``SandboxServerStopped``.
    func port() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = state.withLock { state -> Result<Int, any Error>? in
                switch state {
                case .starting(var waiters):
                    waiters.append(continuation)
                    state = .starting(waiters)
                    return nil
                case .running(let port): return .success(port)
                case .finished(let error): return .failure(error)
                }
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    func succeed(port: Int) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, any Error>] in
            guard case .starting(let waiters) = state else { return [] }
            state = .running(port: port)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    func finish(_ error: any Error) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, any Error>] in
            let waiting: [CheckedContinuation<Int, any Error>]
            if case .starting(let list) = state { waiting = list } else { waiting = [] }
            state = .finished(error)
            return waiting
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }
}

/// The sandbox server stopped (or never started) before the caller got its address.
public struct SandboxServerStopped: Error, Hashable, Sendable, CustomStringConvertible {
    /// Says the server stopped.
    public var description: String { "the sandbox server is not running" }
}

/// A one-shot event that tasks can wait for (the server having stopped).
final class OneShotSignal: Sendable {
    private let state = Mutex<(fired: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Fires the signal, waking every waiter now and later.
    func fire() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.fired = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the signal has fired.
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let fired = state.withLock { state -> Bool in
                if !state.fired { state.waiters.append(continuation) }
                return state.fired
            }
            if fired { continuation.resume() }
        }
    }
}
