import ArgumentParser
import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

@testable import ATSCommands

/// The documented pair of signature headers over real sockets: the sandbox signs with each of the
/// three constructions and sends both headers, `ats webhooks listen` accepts each by default or
/// only the one it is configured to, and refuses a wrong password, a tampered body and missing or
/// mismatched headers.
extension SecretsAndTrust {
    @Suite struct WebhookSignatureConstructionTests {
        static let password = "C0nstruct-Pa55-\u{e9}"

        static func sandboxConfiguration(
            construction: SandboxWebhookSignature.Construction, password: String = password
        ) -> SandboxConfiguration {
            var configuration = WebhookReceiverTests.sandboxConfiguration(password: password)
            configuration.webhookSignatureConstruction = construction
            return configuration
        }

        /// One status change delivered from the sandbox to the receiver; the delivery as the sandbox
        /// recorded it.
        static func deliverOne(
            from sandbox: RunningSandbox, to receiver: RunningReceiver, application: Int
        ) async throws -> SandboxWebhookDelivery {
            try await WebhookReceiverTests.register(receiver.url, event: .applicantUpdated, on: sandbox)
            try WebhookReceiverTests.moveStage(of: application, on: sandbox)
            try await sandbox.control.awaitWebhookDeliveriesFinished()
            return try #require(sandbox.control.webhookDeliveries().last)
        }

        /// One status change from a sandbox signing with `construction` to a receiver started with
        /// `receiverPassword` and `receiverArguments`: the receiver refuses every one of the sandbox's
        /// three attempts and prints nothing.
        static func expectEveryAttemptRefused(
            signedWith construction: SandboxWebhookSignature.Construction, receiverPassword: String,
            receiverArguments: [String] = [], application: Int
        ) async throws {
            try await withTrackerSandbox(sandboxConfiguration(construction: construction)) { sandbox in
                try await withWebhookReceiver(password: receiverPassword, arguments: receiverArguments) { receiver in
                    let delivery = try await deliverOne(from: sandbox, to: receiver, application: application)
                    #expect(delivery.attemptStatuses == [401, 401, 401], "\(construction) \(receiverArguments)")
                    #expect(receiver.printed.lines.isEmpty)
                }
            }
            TrustFigures.shared.add {
                $0.signaturesChecked += 3
                $0.badDeliveriesRejected += 3
            }
        }

        @Test(arguments: SandboxWebhookSignature.Construction.allCases)
        func eachConstructionIsAcceptedByDefaultAndWhenConfigured(
            construction: SandboxWebhookSignature.Construction
        ) async throws {
            // A sandbox of its own for each receiver, so that each sees exactly one delivery.
            for arguments in [[], ["--signature-construction", construction.rawValue]] {
                try await withTrackerSandbox(Self.sandboxConfiguration(construction: construction)) { sandbox in
                    try await withWebhookReceiver(password: Self.password, arguments: arguments) { receiver in
                        let delivery = try await Self.deliverOne(from: sandbox, to: receiver, application: 3)
                        #expect(delivery.attemptStatuses == [200], "\(construction) \(arguments)")
                        #expect(receiver.printed.lines.count == 1)
                        // Both headers were sent, as independently computed values.
                        let password = Array(Self.password.utf8)
                        let body = Array(delivery.body.utf8)
                        #expect(delivery.hubSignature == TestSignatures.sha256(password).lowercaseHex)
                        let expected =
                            switch construction {
                            case .hmac: TestSignatures.hmac(key: password, message: body)
                            case .passwordThenBody: TestSignatures.sha256(password + body)
                            case .bodyThenPassword: TestSignatures.sha256(body + password)
                            }
                        #expect(delivery.signature == expected.lowercaseHex)
                    }
                }
            }
            TrustFigures.shared.add { $0.signaturesChecked += 2 }
        }

        @Test(arguments: SandboxWebhookSignature.Construction.allCases)
        func aReceiverConfiguredForAnotherConstructionRefuses(
            construction: SandboxWebhookSignature.Construction
        ) async throws {
            let other = SandboxWebhookSignature.Construction.allCases.first { $0 != construction }
            let configured = try #require(other)
            try await Self.expectEveryAttemptRefused(
                signedWith: construction, receiverPassword: Self.password,
                receiverArguments: ["--signature-construction", configured.rawValue], application: 4)
        }

        @Test(arguments: SandboxWebhookSignature.Construction.allCases)
        func aWrongPasswordIsRefusedInEveryConstruction(
            construction: SandboxWebhookSignature.Construction
        ) async throws {
            try await Self.expectEveryAttemptRefused(
                signedWith: construction, receiverPassword: Self.password + "-old", application: 5)
        }

        @Test(arguments: SandboxWebhookSignature.Construction.allCases)
        func tamperedBodiesAndMissingOrMismatchedHeadersAreRefused(
            construction: SandboxWebhookSignature.Construction
        ) async throws {
            try await withTrackerSandbox(Self.sandboxConfiguration(construction: construction)) { sandbox in
                try await withWebhookReceiver(password: Self.password) { receiver in
                    let delivery = try await Self.deliverOne(from: sandbox, to: receiver, application: 6)
                    #expect(delivery.attemptStatuses == [200])
                    let body = Array(delivery.body.utf8)
                    var tampered = body
                    tampered[tampered.count / 2] ^= 0x01
                    let ats = ("X-ATS-Signature", delivery.signature)
                    let hub = ("X-Hub-Signature", delivery.hubSignature)
                    let otherHub = TestSignatures.sha256(Array("guess".utf8)).lowercaseHex
                    let attempts: [(String, [UInt8], [(String, String)], Int)] = [
                        ("both genuine headers again", body, [hub, ats], 200),
                        ("the signature alone", body, [ats], 200),
                        ("a tampered body with both headers", tampered, [hub, ats], 401),
                        ("a body with a byte added", body + [0x20], [hub, ats], 401),
                        ("no headers", body, [], 401),
                        ("only X-Hub-Signature, which does not cover the body", body, [hub], 401),
                        ("only X-Hub-Signature, on a tampered body", tampered, [hub], 401),
                        ("a wrong X-Hub-Signature", body, [("X-Hub-Signature", otherHub), ats], 401),
                        ("a malformed X-Hub-Signature", body, [("X-Hub-Signature", "sha256"), ats], 401),
                        ("two X-Hub-Signature headers", body, [hub, ("X-Hub-Signature", otherHub), ats], 401),
                        (
                            "X-Hub-Signature in the X-ATS-Signature header", body, [hub, ("X-ATS-Signature", hub.1)],
                            401
                        ),
                    ]
                    for (what, payload, headers, expected) in attempts {
                        let (status, answer) = try await receiver.post(payload, headers: headers)
                        #expect(status == expected, "\(construction): \(what)")
                        if status == 401 { #expect(answer == "Unauthorized\n") }
                    }
                    TrustFigures.shared.add {
                        $0.signaturesChecked += attempts.count
                        $0.badDeliveriesRejected += attempts.filter { $0.3 == 401 }.count
                    }
                }
            }
        }

        @Test func atsSandboxSignsWithTheConstructionItIsGiven() throws {
            func construction(_ arguments: [String]) throws -> SandboxWebhookSignature.Construction {
                let command = try #require(try ATSCommand.parseAsRoot(["sandbox"] + arguments) as? SandboxCommand)
                return try command.makeConfiguration().webhookSignatureConstruction
            }
            #expect(try construction([]) == .hmac)
            #expect(try construction(["--webhook-signature", "password-body"]) == .passwordThenBody)
            #expect(try construction(["--webhook-signature", "body-password"]) == .bodyThenPassword)
            #expect(throws: (any Error).self) { try ATSCommand.parseAsRoot(["sandbox", "--webhook-signature", "md5"]) }
        }

        @Test func anUnknownConstructionIsABadFlag() throws {
            #expect(throws: (any Error).self) {
                try ATSCommand.parseAsRoot([
                    "webhooks", "listen", "--port", "0", "--signature-construction", "sha1",
                ])
            }
        }
    }
}
