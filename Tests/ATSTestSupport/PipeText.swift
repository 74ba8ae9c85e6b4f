public import Foundation
import Synchronization

/// Everything a child process writes to one pipe, with a way to wait, with a deadline, for some
/// text to arrive (a readiness banner, a report line).
public final class PipeText: Sendable {
    private struct Waiter {
        var predicate: @Sendable (String) -> Bool
        var result: OneShot<String>
    }

    private struct State {
        var text = ""
        var closed = false
        var waiters: [Waiter] = []
    }

    /// The pipe to give the child as its standard output or error.
    public let pipe = Pipe()
    private let state = Mutex(State())

    /// Starts collecting.
    public init() {
        // The handler holds the collector until the pipe closes (it is removed then).
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            let ready = self.state.withLock { state -> [(OneShot<String>, Result<String, any Error>)] in
                if data.isEmpty {
                    state.closed = true
                    handle.readabilityHandler = nil
                } else {
                    state.text += String(decoding: data, as: UTF8.self)
                }
                var ready: [(OneShot<String>, Result<String, any Error>)] = []
                state.waiters.removeAll { waiter in
                    if waiter.predicate(state.text) {
                        ready.append((waiter.result, .success(state.text)))
                        return true
                    }
                    if state.closed {
                        ready.append((waiter.result, .failure(PipeClosed(text: state.text))))
                        return true
                    }
                    return false
                }
                return ready
            }
            for (waiter, result) in ready { waiter.resolve(result) }
        }
    }

    /// The text so far.
    public var text: String { state.withLock { $0.text } }

    /// Waits until the text so far satisfies `predicate`.
    /// - Parameters:
    ///   - awaited: What is awaited, for the failure message.
    ///   - limit: The longest wait.
    ///   - predicate: Tested on the whole text each time more arrives.
    /// - Returns: The text at that moment.
    /// - Throws: ``PipeClosed`` when the pipe closes first, ``DeadlineExceeded`` after `limit`.
    @discardableResult
    public func wait(
        for awaited: String, within limit: Duration = .seconds(120),
        until predicate: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        let result = OneShot<String>()
        let now = state.withLock { state -> Result<String, any Error>? in
            if predicate(state.text) { return .success(state.text) }
            if state.closed { return .failure(PipeClosed(text: state.text)) }
            state.waiters.append(Waiter(predicate: predicate, result: result))
            return nil
        }
        if let now { result.resolve(now) }
        do {
            return try await withDeadline(awaited, within: limit) { try await result.value }
        } catch let error as DeadlineExceeded {
            throw DeadlineExceeded(awaited: "\(error.awaited); the output so far: \(text.suffix(600))", limit: limit)
        }
    }

    /// The pipe closed before the awaited text arrived.
    public struct PipeClosed: Error, CustomStringConvertible {
        /// Everything that arrived.
        public var text: String
        public var description: String { "the pipe closed; it had: \(text.suffix(2000))" }
    }
}
