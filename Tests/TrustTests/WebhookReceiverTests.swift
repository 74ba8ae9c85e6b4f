import ArgumentParser
import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

@testable import ATSCommands

/// `ats webhooks listen` against the sandbox: genuine deliveries are answered 200 and printed,
/// forged and broken ones are refused without a hint, and the sandbox re-sends after a 401 as
/// Tracker does.
extension SecretsAndTrust {
    @Suite struct WebhookReceiverTests {
        static let password = "Rx-3vq-h00k-Pa55-ß"

        static func sandboxConfiguration(password: String) -> SandboxConfiguration {
            var configuration = SandboxConfiguration(seed: 5, jobCount: 2, applicationCount: 20)
            configuration.apiPassword = password
            configuration.webhookRetryBackoff = .milliseconds(5)
            configuration.webhookMaximumAttempts = 3
            return configuration
        }

        static func register(_ url: String, event: TrackerEventType, on sandbox: RunningSandbox) async throws {
            let settings = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword)
            _ = try await TrackerAPI.withTrackerAPI(configuration: settings) { api in
                try await api.webhooks.register(TrackerWebhookRegistration(url: url, event: event))
            }
        }

        /// Moves an application to another stage, as a recruiter would in Tracker.
        static func moveStage(of id: Int, on sandbox: RunningSandbox) throws {
            let current = try #require(sandbox.control.application(id: id)?.status)
            let target = try #require(sandbox.control.statuses.first { $0 != current })
            try #require(sandbox.control.updateApplication(id: id) { $0.status = target } != nil)
        }

        @Test func aGenuineDeliveryIsAcceptedPrintedAndForgeriesAreRefused() async throws {
            try await withTrackerSandbox(Self.sandboxConfiguration(password: Self.password)) { sandbox in
                try await withWebhookReceiver(password: Self.password) { receiver in
                    try await Self.register(receiver.url, event: .applicantUpdated, on: sandbox)
                    try Self.moveStage(of: 3, on: sandbox)
                    try await sandbox.control.awaitWebhookDeliveriesFinished()

                    let delivery = try #require(sandbox.control.webhookDeliveries().first)
                    #expect(delivery.attemptStatuses == [200])
                    #expect(delivery.isDelivered)
                    #expect(receiver.printed.lines.count == 1)
                    let printed = try #require(receiver.printed.lines.first)
                    let object = try #require(
                        try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: Any])
                    #expect(object["event_name"] as? String == "applicant_updated")
                    let application = try #require(object["application"] as? [String: Any])
                    #expect("\(application["id"] ?? "")" == "3")
                    #expect(application["status"] as? String == sandbox.control.application(id: 3)?.status)
                    TrustFigures.shared.add { $0.signaturesChecked += 1 }

                    // The same delivery, replayed as a forger or a broken proxy would send it.
                    let body = Array(delivery.body.utf8)
                    var flipped = body
                    flipped[flipped.count / 2] ^= 0x01
                    let wrongKey = TestSignatures.hmac(key: Array("guess".utf8), message: body).lowercaseHex
                    let forgedForFlipped = delivery.signature
                    let attempts: [(String, [UInt8], [(String, String)], Int)] = [
                        ("a flipped body byte", flipped, [("X-ATS-Signature", forgedForFlipped)], 401),
                        ("a wrong key", body, [("X-ATS-Signature", wrongKey)], 401),
                        (
                            "a truncated signature", body, [("X-ATS-Signature", String(delivery.signature.prefix(40)))],
                            401
                        ),
                        ("no signature header", body, [], 401),
                        ("an empty signature", body, [("X-ATS-Signature", "")], 401),
                        (
                            "a second, forged signature header", body,
                            [("X-ATS-Signature", delivery.signature), ("X-ATS-Signature", wrongKey)], 401
                        ),
                        ("an upper-case signature", body, [("X-ATS-Signature", delivery.signature.uppercased())], 200),
                        ("a lower-case header name", body, [("x-ats-signature", delivery.signature)], 200),
                    ]
                    var unauthorizedBodies: Set<String> = []
                    for (what, payload, headers, expected) in attempts {
                        let (status, answer) = try await receiver.post(payload, headers: headers)
                        #expect(status == expected, "\(what)")
                        if status == 401 {
                            unauthorizedBodies.insert(answer)
                            #expect(!answer.lowercased().contains(delivery.signature.prefix(8).lowercased()))
                        }
                    }
                    // One fixed answer whatever was wrong: nothing tells a forger how close it came.
                    #expect(unauthorizedBodies == ["Unauthorized\n"])

                    let notADelivery = Array(#"{"hello":"world"}"#.utf8)
                    let signed = TestSignatures.hmac(key: Array(Self.password.utf8), message: notADelivery)
                        .lowercaseHex
                    #expect(try await receiver.post(notADelivery, headers: [("X-ATS-Signature", signed)]).0 == 400)

                    let huge = [UInt8](repeating: UInt8(ascii: " "), count: 100 * 1024)
                    let hugeSignature = TestSignatures.hmac(key: Array(Self.password.utf8), message: huge)
                        .lowercaseHex
                    #expect(try await receiver.post(huge, headers: [("X-ATS-Signature", hugeSignature)]).0 == 413)
                    #expect(
                        try await receiver.post(huge, headers: [("X-ATS-Signature", hugeSignature)], streamed: true).0
                            == 413)
                    #expect(try await receiver.send(method: "GET") == 405)

                    // Two more genuine copies were printed (upper-case signature, lower-case header name),
                    // and nothing else.
                    #expect(receiver.printed.lines == [printed, printed, printed])
                    let rejected = receiver.outcomeLog.all.filter {
                        if case .rejected = $0 { true } else { false }
                    }
                    // Six bad signatures, one unsigned-shape body, two oversize bodies, one GET.
                    let expectedRejections = 10
                    #expect(rejected.count == expectedRejections)
                    TrustFigures.shared.add {
                        $0.signaturesChecked += attempts.count + 1
                        $0.badDeliveriesRejected += rejected.count
                    }
                }
            }
        }

        @Test func theSandboxResendsADeliveryItsReceiverRefused() async throws {
            try await withTrackerSandbox(Self.sandboxConfiguration(password: Self.password)) { sandbox in
                // The receiver was given another password than the account's: every delivery fails.
                try await withWebhookReceiver(password: Self.password + "-rotated") { receiver in
                    try await Self.register(receiver.url, event: .applicantUpdated, on: sandbox)
                    try Self.moveStage(of: 4, on: sandbox)
                    try await sandbox.control.awaitWebhookDeliveriesFinished()
                    let delivery = try #require(sandbox.control.webhookDeliveries().first)
                    #expect(delivery.attemptStatuses == [401, 401, 401])
                    #expect(!delivery.isDelivered)
                    #expect(receiver.printed.lines.isEmpty)
                    TrustFigures.shared.add {
                        $0.signaturesChecked += delivery.attemptStatuses.count
                        $0.badDeliveriesRejected += delivery.attemptStatuses.count
                        $0.resendsAfter401 += delivery.attemptStatuses.count - 1
                    }
                }
            }
        }

        @Test func theListenerNeedsAPasswordAndAValidPort() throws {
            let missing = try #require(
                try ATSCommand.parseAsRoot(["webhooks", "listen", "--port", "0"]) as? WebhooksListenCommand)
            let failure = try #require(throws: CommandFailure.self) {
                try missing.makeListener(environment: [:], output: CollectedLines().output)
            }
            #expect(failure.message.contains("--api-password"))
            #expect(throws: (any Error).self) { try ATSCommand.parseAsRoot(["webhooks", "listen", "--port", "70000"]) }
            #expect(throws: (any Error).self) { try ATSCommand.parseAsRoot(["webhooks", "listen"]) }
            let fromEnvironment = try missing.makeListener(
                environment: ["TRACKER_API_PASSWORD": Self.password], output: CollectedLines().output)
            #expect(!"\(fromEnvironment.verifier)".contains(Self.password))
        }
    }
}
