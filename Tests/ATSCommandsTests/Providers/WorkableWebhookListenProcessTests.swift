import ATSTestSupport
import Foundation
import Testing
import WorkableAPI
import WorkableSandbox

/// The real `ats webhooks listen --provider workable` receiving the Workable sandbox's own signed
/// subscription delivery: printed as one JSON line as it arrives, answered 200, stopped by SIGTERM,
/// and the signing key (the account token here) shown nowhere.
@Suite struct WorkableWebhookListenProcessTests {
    @Test func theSandboxsSignedDeliveryIsPrintedAndTheTokenIsNot() async throws {
        var configuration = WorkableSandboxConfiguration(personCount: 12)
        configuration.deliveryPauses = [.zero, .zero]
        try await withWorkableSandbox(configuration) { sandbox in
            let output = PipeText()
            let errors = PipeText()
            let listener = try ChildProcess(
                CommandProcess.executable, ["webhooks", "listen", "--port", "0", "--provider", "workable"],
                environment: ["WORKABLE_API_TOKEN": sandbox.token], standardOutput: output.pipe,
                standardError: errors.pipe)
            defer { if listener.isRunning { listener.send(SIGKILL) } }

            let banner = try await errors.wait(for: "the listener's banner") {
                $0.contains("Listening for Workable webhooks") && $0.contains("/ (")
            }
            let port = try #require(
                banner.components(separatedBy: "127.0.0.1:").last.flatMap { Int($0.prefix { $0.isNumber }) })
            try await WorkableAPI.withWorkableAPI(
                configuration: WorkableAPI.Configuration(baseURL: sandbox.baseURL, token: sandbox.token)
            ) { api in
                _ = try await api.subscriptions.create(
                    target: "http://127.0.0.1:\(port)/hooks?event=moved", event: "candidate_moved")
            }
            let truth = try #require(sandbox.control.candidates.first)
            sandbox.control.raise("candidate_moved", candidateID: truth.id)

            let printed = try await output.wait(for: "the delivery printed as a JSON line") { $0.hasSuffix("\n") }
            let lines = printed.split(separator: "\n")
            #expect(lines.count == 1)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
            #expect(object["provider"] as? String == "workable")
            #expect(object["id"] as? String == truth.id)
            #expect(object["job_shortcode"] as? String == truth.shortcode)
            #expect(object["stage"] as? String == truth.stageName)

            listener.send(SIGTERM)
            #expect(try await listener.exit(within: .seconds(60)) == 0)
            let noted = try await errors.wait(for: "\"Stopped listening\"") { $0.contains("Stopped listening") }
            #expect(noted.contains("Accepted a delivery for candidate \(truth.id)"))
            #expect(!errors.text.contains(sandbox.token) && !output.text.contains(sandbox.token))
        }
    }
}
