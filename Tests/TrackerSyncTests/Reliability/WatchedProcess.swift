import ATSTestSupport
import Foundation
import Synchronization

/// A child `ats` whose standard error is read as it comes, so a test can await a line it prints
/// ("waiting for it to finish") or its end — each wait with a deadline that fails with a message
/// (and kills the child) instead of hanging the suite.
final class WatchedProcess: Sendable {
    /// What the child has shown so far.
    struct Snapshot: Sendable {
        var standardError = ""
        /// The exit status (or the signal that ended it), once it has ended.
        var status: Int32?
        /// Whether standard error has reached its end.
        var errorClosed = false
        var hasEnded: Bool { status != nil && errorClosed }
    }

    /// A wait that ran out.
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    private struct State {
        var snapshot = Snapshot()
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    let process: ChildProcess
    let arguments: [String]
    private let state = Mutex(State())

    var processIdentifier: Int32 { process.processIdentifier }

    init(_ executable: URL, _ arguments: [String]) throws {
        let pipe = Pipe()
        let process = try ChildProcess(executable, arguments, standardError: pipe)
        self.process = process
        self.arguments = arguments
        process.whenEnded { [weak self] status in self?.update { $0.status = status } }
        // A thread of its own reads the pipe with blocking reads: a readability handler was seen
        // to deliver nothing of what a short-lived child wrote before it exited.
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread { [weak self] in
            while true {
                let data = reader.availableData
                guard !data.isEmpty else { break }
                self?.update { $0.standardError += String(decoding: data, as: UTF8.self) }
            }
            self?.update { $0.errorClosed = true }
        }
    }

    /// Sends a signal (SIGSTOP, SIGCONT, SIGKILL).
    func signal(_ signal: Int32) {
        process.send(signal)
    }

    /// Waits for the child to end; returns what it printed and its status.
    /// - Throws: ``Timeout`` (after killing it) when it has not ended within `limit`.
    @discardableResult
    func end(within limit: Duration) async throws -> Snapshot {
        let ended = try await wait("`ats \(arguments.prefix(1).joined())` to end", within: limit) { $0.status != nil }
        // What it wrote before it ended is normally read by now; give the pipe's end a moment.
        return (try? await wait("the end of its standard error", within: .seconds(5)) { $0.hasEnded }) ?? ended
    }

    /// Waits until `condition` holds for what the child has shown.
    /// - Throws: ``Timeout`` (after killing the child) when it does not within `limit`.
    @discardableResult
    func wait(
        _ what: String, within limit: Duration, until condition: @escaping @Sendable (Snapshot) -> Bool
    ) async throws -> Snapshot {
        let reached = await withTaskGroup(of: Snapshot?.self) { group in
            group.addTask { await self.changes(until: condition) }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if let reached, condition(reached) { return reached }
        let seen = state.withLock { $0.snapshot }
        let running = process.isRunning
        if running { signal(SIGKILL) }
        throw Timeout(
            description: "waited \(limit) for \(what) (pid \(processIdentifier), "
                + (running ? "still running, now killed" : "no longer running") + ", exit status seen: "
                + "\(seen.status.map(String.init) ?? "none"), standard error closed: \(seen.errorClosed)). "
                + "Its standard error: " + seen.standardError.suffix(800))
    }

    private func update(_ change: (inout Snapshot) -> Void) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            change(&state.snapshot)
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns the first snapshot for which `condition` holds, or the latest one when cancelled.
    private func changes(until condition: @Sendable (Snapshot) -> Bool) async -> Snapshot {
        while true {
            let current = state.withLock { $0.snapshot }
            if condition(current) || Task.isCancelled { return current }
            let id = state.withLock { state -> Int in
                state.nextWaiter += 1
                return state.nextWaiter
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = state.withLock { state -> Bool in
                        if !condition(state.snapshot) && !Task.isCancelled {
                            state.waiters[id] = continuation
                            return false
                        }
                        return true
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
                waiter?.resume()
            }
        }
    }
}
