import ATSTestSupport
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

extension SecretsAndTrust {
    @Suite struct WebhookListenProcessTests {
        /// The real executable: the port it reports, a delivery printed on standard output as it
        /// arrives (so it can be piped), and a graceful stop with status 0 on SIGTERM.
        @Test(.enabled(if: atsExecutable != nil))
        func atsWebhooksListenPrintsDeliveriesAndStopsOnSIGTERM() async throws {
            let password = WebhookReceiverTests.password
            try await withTrackerSandbox(WebhookReceiverTests.sandboxConfiguration(password: password)) { sandbox in
                let output = PipeText()
                let errors = PipeText()
                let listener = try ChildProcess(
                    try #require(atsExecutable), ["webhooks", "listen", "--port", "0"],
                    environment: ["TRACKER_API_PASSWORD": password], standardOutput: output.pipe,
                    standardError: errors.pipe)
                defer { if listener.isRunning { listener.send(SIGKILL) } }

                let banner = try await errors.wait(for: "the listener's \"Listening\" banner") {
                    $0.contains("Listening") && $0.contains("/ (")
                }
                let port = try #require(
                    banner.components(separatedBy: "127.0.0.1:").last.flatMap { Int($0.prefix { $0.isNumber }) })
                try await WebhookReceiverTests.register(
                    "http://127.0.0.1:\(port)/hooks", event: .applicantUpdated, on: sandbox)
                try WebhookReceiverTests.moveStage(of: 5, on: sandbox)
                try await sandbox.control.awaitWebhookDeliveriesFinished()
                #expect(sandbox.control.webhookDeliveries().first?.attemptStatuses == [200])

                let printed = try await output.wait(for: "the delivery printed as a JSON line") { $0.hasSuffix("\n") }
                let lines = printed.split(separator: "\n")
                #expect(lines.count == 1)
                let object = try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any]
                #expect(object?["event_name"] as? String == "applicant_updated")

                listener.send(SIGTERM)
                #expect(try await listener.exit(within: .seconds(60)) == 0)
                #expect(
                    try await errors.wait(for: "\"Stopped listening\"") { $0.contains("Stopped listening") }
                        .contains("Accepted applicant_updated"))
                #expect(!errors.text.contains(password) && !output.text.contains(password))
                TrustFigures.shared.add { $0.signaturesChecked += 1 }
            }
        }
    }
}
