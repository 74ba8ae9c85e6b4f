public import Foundation
import Synchronization

/// A wait that did not end in time. Its description names what was awaited, so that a hang fails
/// the test with a reason instead of stalling CI until the job is killed.
public struct DeadlineExceeded: Error, CustomStringConvertible {
    /// What the test was waiting for, e.g. "`ats sync --watch` (pid 123) to exit".
    public let awaited: String
    /// How long it waited.
    public let limit: Duration

    public var description: String { "gave up after \(limit) waiting for \(awaited)" }
}

/// Runs `operation` and returns its result, or throws ``DeadlineExceeded`` naming `awaited` when it
/// has not finished within `limit`.
///
/// The limit only turns a hang into a failure: it never decides a verdict, so make it generous.
/// On expiry the operation is cancelled; one that ignores cancellation is left to finish on its
/// own, and the caller still returns.
/// - Parameters:
///   - awaited: What is awaited, for the failure message.
///   - limit: The longest wait.
///   - operation: The wait itself.
public func withDeadline<Value: Sendable>(
    _ awaited: String,
    within limit: Duration,
    _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let outcome = OneShot<Value>()
    let work = Task {
        do {
            outcome.resolve(.success(try await operation()))
        } catch {
            outcome.resolve(.failure(error))
        }
    }
    let timer = Task {
        try? await Task.sleep(for: limit)
        if !Task.isCancelled { outcome.resolve(.failure(DeadlineExceeded(awaited: awaited, limit: limit))) }
    }
    defer {
        timer.cancel()
        work.cancel()
    }
    return try await withTaskCancellationHandler {
        try await outcome.value
    } onCancel: {
        outcome.resolve(.failure(CancellationError()))
    }
}

/// A result set once, by whichever side comes first, and awaited without polling, by any number
/// of waiters (a second waiter must not replace the first, which would then never be resumed).
public final class OneShot<Value: Sendable>: Sendable {
    private let state = Mutex<(result: Result<Value, any Error>?, waiters: [CheckedContinuation<Value, any Error>])>(
        (nil, []))

    /// Creates an unresolved one-shot.
    public init() {}

    /// Sets the result, unless it was set before, and resumes every waiter.
    /// - Parameter result: The value or error.
    public func resolve(_ result: Result<Value, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Value, any Error>] in
            guard state.result == nil else { return [] }
            state.result = result
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    /// The result, once set.
    public var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                let ready = state.withLock { state -> Result<Value, any Error>? in
                    if state.result == nil { state.waiters.append(continuation) }
                    return state.result
                }
                if let ready { continuation.resume(with: ready) }
            }
        }
    }
}
