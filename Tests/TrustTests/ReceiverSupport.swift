import ATSTestSupport
import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization
import Testing
import TrackerAPI

@testable import ATSCommands

/// Lines a command printed, collected in order.
final class CollectedLines: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    var output: CommandOutput { CommandOutput { line in self.storage.withLock { $0.append(line) } } }
}

/// A value that arrives later, awaited without polling.
final class Eventually<Value: Sendable>: Sendable {
    private let state = Mutex<(value: Result<Value, any Error>?, waiters: [CheckedContinuation<Value, any Error>])>(
        (nil, []))

    func resolve(_ result: Result<Value, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Value, any Error>] in
            guard state.value == nil else { return [] }
            state.value = result
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                let ready = state.withLock { state -> Result<Value, any Error>? in
                    if state.value == nil { state.waiters.append(continuation) }
                    return state.value
                }
                if let ready { continuation.resume(with: ready) }
            }
        }
    }
}

/// A running in-process `ats webhooks listen`.
struct RunningReceiver: Sendable {
    let port: Int
    let printed: CollectedLines
    let outcomeLog: OutcomeLog

    var url: String { "http://127.0.0.1:\(port)/tracker-hooks" }

    /// Sends one POST as a forger or a broken sender would, and returns the status and body.
    func post(_ body: [UInt8], headers: [(String, String)], streamed: Bool = false) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if streamed {
            let chunks = stride(from: 0, to: body.count, by: 4096).map {
                ByteBuffer(bytes: body[$0..<min($0 + 4096, body.count)])
            }
            let stream = AsyncStream<ByteBuffer> { continuation in
                for chunk in chunks { continuation.yield(chunk) }
                continuation.finish()
            }
            request.body = .stream(stream, length: .unknown)
        } else {
            request.body = .bytes(body)
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let answer = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: answer))
    }

    func send(method: String) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        return Int(try await HTTPClient.shared.execute(request, timeout: .seconds(30)).status.code)
    }
}

/// What the receiver did with each request.
final class OutcomeLog: Sendable {
    private let storage = Mutex<[WebhookResponder.Outcome]>([])
    var all: [WebhookResponder.Outcome] { storage.withLock { $0 } }
    func append(_ outcome: WebhookResponder.Outcome) { storage.withLock { $0.append(outcome) } }
}

/// Runs `ats webhooks listen` in-process on a free loopback port for the length of `body`.
func withWebhookReceiver(
    password: String, maximumBodyBytes: Int = 64 * 1024, arguments: [String] = [],
    _ body: (RunningReceiver) async throws -> Void
) async throws {
    let command = try #require(
        try ATSCommand.parseAsRoot(
            [
                "webhooks", "listen", "--port", "0", "--api-password", password, "--max-body-bytes",
                "\(maximumBodyBytes)",
            ] + arguments) as? WebhooksListenCommand)
    let printed = CollectedLines()
    let log = OutcomeLog()
    var listener = try command.makeListener(environment: [:], output: printed.output)
    listener.onOutcome = { log.append($0) }
    let port = Eventually<Int>()
    let group = listener.makeServiceGroup(signals: []) { port.resolve(.success($0)) }
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            do {
                try await group.run()
            } catch {
                port.resolve(.failure(error))
                throw error
            }
            port.resolve(.failure(CancellationError()))
        }
        let bound = try await withDeadline(
            "the in-process `ats webhooks listen` to report its port", within: .seconds(60)
        ) {
            try await port.value
        }
        let receiver = RunningReceiver(port: bound, printed: printed, outcomeLog: log)
        do {
            try await body(receiver)
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}
