import Foundation
import Synchronization
import Testing
import TrackerAPI
import TrackerSandbox

/// The `ats` executable SwiftPM builds next to the test bundle.
let atsExecutable: URL? = {
    let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("ats")
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
}()

/// Everything a child process writes to one pipe, with a way to wait for some text to arrive.
final class PipeText: Sendable {
    private struct State {
        var text = ""
        var closed = false
        var waiters: [(predicate: @Sendable (String) -> Bool, continuation: CheckedContinuation<String, any Error>)] =
            []
    }

    let pipe = Pipe()
    private let state = Mutex(State())

    init() {
        // The handler holds the collector until the pipe closes (it is removed then).
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            let ready = self.state.withLock {
                state -> [(CheckedContinuation<String, any Error>, Result<String, any Error>)] in
                if data.isEmpty {
                    state.closed = true
                    handle.readabilityHandler = nil
                } else {
                    state.text += String(decoding: data, as: UTF8.self)
                }
                var ready: [(CheckedContinuation<String, any Error>, Result<String, any Error>)] = []
                state.waiters.removeAll { waiter in
                    if waiter.predicate(state.text) {
                        ready.append((waiter.continuation, .success(state.text)))
                        return true
                    }
                    if state.closed {
                        ready.append((waiter.continuation, .failure(PipeClosed(text: state.text))))
                        return true
                    }
                    return false
                }
                return ready
            }
            for (continuation, result) in ready { continuation.resume(with: result) }
        }
    }

    var text: String { state.withLock { $0.text } }

    /// Waits until the text so far satisfies `predicate` (or the pipe closes without it).
    func wait(until predicate: @escaping @Sendable (String) -> Bool) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            let now = state.withLock { state -> Result<String, any Error>? in
                if predicate(state.text) { return .success(state.text) }
                if state.closed { return .failure(PipeClosed(text: state.text)) }
                state.waiters.append((predicate, continuation))
                return nil
            }
            if let now { continuation.resume(with: now) }
        }
    }

    struct PipeClosed: Error, CustomStringConvertible {
        var text: String
        var description: String { "the pipe closed; it had: \(text)" }
    }
}

extension SecretsAndTrust {
    @Suite struct WebhookListenProcessTests {
        /// The real executable: the port it reports, a delivery printed on standard output as it
        /// arrives (so it can be piped), and a graceful stop with status 0 on SIGTERM.
        @Test(.enabled(if: atsExecutable != nil))
        func atsWebhooksListenPrintsDeliveriesAndStopsOnSIGTERM() async throws {
            let password = WebhookReceiverTests.password
            try await withTrackerSandbox(WebhookReceiverTests.sandboxConfiguration(password: password)) { sandbox in
                let process = Process()
                process.executableURL = atsExecutable
                process.arguments = ["webhooks", "listen", "--port", "0"]
                process.environment = ["TRACKER_API_PASSWORD": password]
                let output = PipeText()
                let errors = PipeText()
                process.standardOutput = output.pipe
                process.standardError = errors.pipe
                let exited = Eventually<Int32>()
                process.terminationHandler = { exited.resolve(.success($0.terminationStatus)) }
                try process.run()
                defer { if process.isRunning { process.terminate() } }

                let banner = try await errors.wait { $0.contains("Listening") && $0.contains("/ (") }
                let port = try #require(
                    banner.components(separatedBy: "127.0.0.1:").last.flatMap { Int($0.prefix { $0.isNumber }) })
                try await WebhookReceiverTests.register(
                    "http://127.0.0.1:\(port)/hooks", event: .applicantUpdated, on: sandbox)
                try WebhookReceiverTests.moveStage(of: 5, on: sandbox)
                try await sandbox.control.awaitWebhookDeliveriesFinished()
                #expect(sandbox.control.webhookDeliveries().first?.attemptStatuses == [200])

                let printed = try await output.wait { $0.hasSuffix("\n") }
                let lines = printed.split(separator: "\n")
                #expect(lines.count == 1)
                let object = try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any]
                #expect(object?["event_name"] as? String == "applicant_updated")

                process.terminate()  // SIGTERM
                #expect(try await exited.value == 0)
                #expect(
                    try await errors.wait { $0.contains("Stopped listening") }.contains("Accepted applicant_updated"))
                #expect(!errors.text.contains(password) && !output.text.contains(password))
                TrustFigures.shared.add { $0.signaturesChecked += 1 }
            }
        }
    }
}
