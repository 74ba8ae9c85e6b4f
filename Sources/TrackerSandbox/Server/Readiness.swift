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

    /// The port, if the server is listening.
    var currentPort: Int? {
        state.withLock { state in
            if case .running(let port) = state { return port }
            return nil
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
