internal import Foundation
internal import Synchronization

/// Where the sandbox holds a request for a test (``SandboxControl/holdRequest(numbered:at:)``).
public enum SandboxHoldPoint: String, Sendable, Hashable, CaseIterable {
    /// Once it has arrived whole (its body read), before it can take effect. Released, it is
    /// handled normally, or dropped (answered `503` without taking effect), as a request lost on
    /// the way would be. A request refused before it gets that far (credentials, rate limit, an
    /// injected fault) is held after its answer is ready instead.
    case beforeHandling = "before-handling"
    /// After it took effect, before its answer is sent: an answer the network is about to lose.
    case afterHandling = "after-handling"
}

/// One request the sandbox holds until the test releases it: lets a test kill a client at an
/// exact point of a conversation (a POST applied, its answer not yet sent) instead of racing it.
///
/// Release every hold you arm: a held request keeps its connection, and the server waits for it
/// when it shuts down. Releasing a hold that has caught nothing yet disarms it.
public final class SandboxHeldRequest: Sendable {
    /// The method and path of the request being held.
    public struct Caught: Sendable, Hashable {
        /// The HTTP method.
        public var method: String
        /// The path, without the query.
        public var path: String
        /// The sandbox's number for it (its position among every request received).
        public var number: Int
    }

    private struct State {
        var caught: Caught?
        var decision: Bool?
        var releaseWaiter: CheckedContinuation<Bool, Never>?
    }

    /// Where the request is held.
    public let point: SandboxHoldPoint
    /// The first request number the hold may catch.
    let firstNumber: Int
    private let state = Mutex(State())
    private let arrivals = ChangeNotifier()

    init(point: SandboxHoldPoint, firstNumber: Int) {
        self.point = point
        self.firstNumber = firstNumber
    }

    /// The request caught so far, if any.
    public var caught: Caught? { state.withLock { $0.caught } }

    /// Waits until a request is held.
    /// - Parameter timeout: The longest wait.
    /// - Returns: The held request.
    /// - Throws: ``SandboxWaitTimeout``; `CancellationError` when cancelled.
    public func arrival(timeout: Duration = .seconds(60)) async throws -> Caught {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let generation = arrivals.generation
            if let caught { return caught }
            try Task.checkCancellation()
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw SandboxWaitTimeout(
                    waitingFor: "a request numbered \(firstNumber) or later to be held", timeout: timeout)
            }
            await arrivals.wait(after: generation, timeout: remaining)
        }
    }

    /// Lets the held request go on (or disarms the hold if it has caught nothing yet).
    /// - Parameter applying: For a hold before handling: whether the request is then handled
    ///   (`true`) or dropped without effect (`false`). Ignored after handling.
    public func release(applying: Bool = true) {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard state.decision == nil else { return nil }
            state.decision = applying
            defer { state.releaseWaiter = nil }
            return state.releaseWaiter
        }
        waiter?.resume(returning: applying)
    }

    /// Whether the hold still waits for a request (not released before catching one).
    var isArmed: Bool { state.withLock { $0.decision == nil && $0.caught == nil } }

    /// Called by the request pipeline: records the request and waits for the release.
    /// - Returns: whether to handle the request (see ``release(applying:)``).
    func hold(method: String, path: String, number: Int) async -> Bool {
        let decided = state.withLock { state -> Bool? in
            state.caught = Caught(method: method, path: path, number: number)
            return state.decision
        }
        arrivals.notify()
        if let decided { return decided }
        return await withCheckedContinuation { continuation in
            let decided = state.withLock { state -> Bool? in
                if state.decision == nil { state.releaseWaiter = continuation }
                return state.decision
            }
            if let decided { continuation.resume(returning: decided) }
        }
    }
}

extension SandboxControl {
    /// How many requests the sandbox has received so far, answered or not; the next one is
    /// numbered one more.
    public var receivedRequestCount: Int {
        store.traffic.withLock { $0.requestCount }
    }

    /// Holds the first request the sandbox receives whose number is `number` or later (see
    /// ``receivedRequestCount``), at `point`, until the test releases it.
    /// - Parameters:
    ///   - number: The first request number that may be held.
    ///   - point: Before the request takes effect, or after.
    /// - Returns: The hold; await ``SandboxHeldRequest/arrival(timeout:)``, then release it.
    public func holdRequest(numbered number: Int, at point: SandboxHoldPoint) -> SandboxHeldRequest {
        let hold = SandboxHeldRequest(point: point, firstNumber: number)
        store.traffic.withLock { $0.holds.append(hold) }
        return hold
    }
}
