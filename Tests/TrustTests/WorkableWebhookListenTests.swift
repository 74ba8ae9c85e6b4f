import ATSTestSupport
import ArgumentParser
import Foundation
import ServiceLifecycle
import Testing

@testable import ATSCommands

/// `ats webhooks listen --provider workable` on a real socket: a delivery signed as Workable (and
/// its sandbox) signs it, lower-case hex HMAC-SHA256 of the body keyed with the account token, is
/// printed as one line; forged, unsigned and malformed ones are refused with one fixed word.
extension SecretsAndTrust {
    @Suite struct WorkableWebhookListenTests {
        static let key = "wk-Hook-Secret-7q2-ß"
        static let candidate = #"""
            {"id":"3fc9a8","name":"Ada Lovelace","firstname":"Ada","lastname":"Lovelace","email":"Ada@Example.com ",\#
            "job":{"shortcode":"GROOV003","title":"Engineer"},"stage":"Interview","disqualified":false,\#
            "created_at":"2026-12-01T10:00:00Z","updated_at":"2026-12-05T02:40:06.123Z"}
            """#

        static func signed(_ body: [UInt8], key: String = key) -> String {
            TestSignatures.hmac(key: Array(key.utf8), message: body).lowercaseHex
        }

        /// The in-process listener on a free port, as `ats webhooks listen --provider workable`.
        static func withWorkableReceiver(_ body: (RunningReceiver) async throws -> Void) async throws {
            let command = try #require(
                try ATSCommand.parseAsRoot([
                    "webhooks", "listen", "--port", "0", "--provider", "workable", "--signing-key", key,
                    "--max-body-bytes", "65536",
                ]) as? WebhooksListenCommand)
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
                let bound = try await withDeadline("the Workable listener to report its port", within: .seconds(60)) {
                    try await port.value
                }
                do {
                    try await body(RunningReceiver(port: bound, printed: printed, outcomeLog: log))
                } catch {
                    await group.triggerGracefulShutdown()
                    throw error
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }

        @Test func aSignedDeliveryIsPrintedAndForgeriesAreRefused() async throws {
            try await Self.withWorkableReceiver { receiver in
                let body = Array(Self.candidate.utf8)
                let header = "X-Workable-Signature"
                #expect(try await receiver.post(body, headers: [(header, Self.signed(body))]).0 == 200)
                #expect(receiver.printed.lines.count == 1)
                let printed = try #require(receiver.printed.lines.first)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: Any])
                #expect(object["provider"] as? String == "workable")
                #expect(object["id"] as? String == "3fc9a8")
                #expect(object["name"] as? String == "Ada Lovelace")
                #expect(object["job_shortcode"] as? String == "GROOV003")
                #expect(object["stage"] as? String == "Interview")
                #expect(object["updated_at"] as? String != nil)
                #expect(object["email"] != nil)

                // Wrapped in "candidate", as some senders do.
                let wrapped = Array(#"{"candidate":\#(Self.candidate)}"#.utf8)
                #expect(try await receiver.post(wrapped, headers: [(header, Self.signed(wrapped))]).0 == 200)
                #expect(receiver.printed.lines.count == 2)

                var flipped = body
                flipped[flipped.count / 2] ^= 0x01
                let attempts: [(String, [UInt8], [(String, String)])] = [
                    ("a flipped body byte", flipped, [(header, Self.signed(body))]),
                    ("a wrong key", body, [(header, Self.signed(body, key: "guess"))]),
                    ("no signature header", body, []),
                    ("an empty signature", body, [(header, "")]),
                    ("Tracker's header instead", body, [("X-ATS-Signature", Self.signed(body))]),
                    ("a second, forged header", body, [(header, Self.signed(body)), (header, Self.signed(flipped))]),
                ]
                var answers: Set<String> = []
                for (what, payload, headers) in attempts {
                    let (status, answer) = try await receiver.post(payload, headers: headers)
                    #expect(status == 401, "\(what)")
                    answers.insert(answer)
                }
                #expect(answers == ["Unauthorized\n"])

                let notACandidate = Array(#"{"hello":"world"}"#.utf8)
                #expect(
                    try await receiver.post(notACandidate, headers: [(header, Self.signed(notACandidate))]).0 == 400)
                let notJSON = Array("candidate=1".utf8)
                #expect(try await receiver.post(notJSON, headers: [(header, Self.signed(notJSON))]).0 == 400)
                #expect(try await receiver.send(method: "GET") == 405)

                #expect(receiver.printed.lines.count == 2)
                for outcome in receiver.outcomeLog.all {
                    #expect(!"\(outcome)".contains(Self.key))
                }
                #expect(!receiver.printed.lines.joined().contains(Self.key))
                TrustFigures.shared.add {
                    $0.signaturesChecked += attempts.count + 4
                    $0.badDeliveriesRejected += attempts.count + 3
                }
            }
        }

        @Test func theKeyComesFromTheFlagOrTheEnvironmentAndIsNeverShown() throws {
            let bare = try #require(
                try ATSCommand.parseAsRoot(["webhooks", "listen", "--port", "0", "--provider", "workable"])
                    as? WebhooksListenCommand)
            let missing = try #require(throws: CommandFailure.self) {
                try bare.makeListener(environment: [:], output: CollectedLines().output)
            }
            #expect(missing.message.contains("--signing-key"))
            #expect(missing.message.contains("WORKABLE_WEBHOOK_SECRET"))
            for environment in [
                ["WORKABLE_WEBHOOK_SECRET": Self.key], ["WORKABLE_API_TOKEN": Self.key],
                ["WORKABLE_WEBHOOK_SECRET": "", "WORKABLE_API_TOKEN": Self.key],
            ] {
                let listener = try bare.makeListener(environment: environment, output: CollectedLines().output)
                #expect(listener.verifier.providerName == "Workable")
                #expect(!"\(listener.verifier)".contains(Self.key))
                #expect(!String(reflecting: listener.verifier).contains(Self.key))
            }
            let chosenByEnvironment = try #require(
                try ATSCommand.parseAsRoot(["webhooks", "listen", "--port", "0"]) as? WebhooksListenCommand)
            let listener = try chosenByEnvironment.makeListener(
                environment: ["ATS_PROVIDER": "workable", "WORKABLE_API_TOKEN": Self.key],
                output: CollectedLines().output)
            #expect(
                WebhooksListenCommand.banner(provider: listener.verifier.providerName, host: "127.0.0.1", port: 1)
                    .contains("Workable webhooks"))
            let tracker = try #require(
                try ATSCommand.parseAsRoot(["webhooks", "listen", "--port", "0", "--provider", "tracker-rms"])
                    as? WebhooksListenCommand)
            #expect(throws: CommandFailure.self) {
                try tracker.makeListener(environment: ["WORKABLE_API_TOKEN": Self.key], output: CollectedLines().output)
            }
            let mixed = try #require(
                try ATSCommand.parseAsRoot([
                    "webhooks", "listen", "--port", "0", "--provider", "workable", "--api-password", "x",
                ]) as? WebhooksListenCommand)
            let refused = try #require(throws: CommandFailure.self) {
                try mixed.makeListener(environment: ["WORKABLE_API_TOKEN": Self.key], output: CollectedLines().output)
            }
            #expect(!refused.message.contains(Self.key))
        }
    }
}
