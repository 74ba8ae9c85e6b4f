import ATSTestSupport
import Crypto
import Foundation
import NIOHTTP1
import Synchronization
import Testing
import WorkableSandbox

@Suite struct WritesFilesFaultsTests {
    func admin(_ sandbox: RunningWorkableSandbox) -> String {
        sandbox.control.members.first { $0.active && $0.roles.contains("admin") }?.id ?? ""
    }

    @Test func writesValidateWhatTheContractSays() async throws {
        try await withSandbox { wire, sandbox, _ in
            let candidate = try #require(sandbox.control.candidates.first { $0.stageSlug != "offer" })
            let member = admin(sandbox)
            let movesBefore = sandbox.control.activities(of: candidate.id).filter { $0.action == "moved" }.count
            let move = try await wire.send(
                .POST, "/candidates/\(candidate.id)/move", body: ["member_id": member, "target_stage": "offer"])
            #expect(move.status == 200 && move.body.isEmpty)
            let same = try await wire.send(
                .POST, "/candidates/\(candidate.id)/move", body: ["member_id": member, "target_stage": "offer"])
            #expect(same.status == 200)
            #expect(
                sandbox.control.activities(of: candidate.id).filter { $0.action == "moved" }.count == movesBefore + 1)
            let outside = try await wire.send(
                .POST, "/candidates/\(candidate.id)/move", body: ["member_id": member, "target_stage": "nowhere"])
            #expect(outside.status == 422)
            let noMember = try await wire.send(.POST, "/candidates/\(candidate.id)/revert", body: [String: String]())
            #expect((noMember.object["validation_errors"] as? [String: [String]])?["member_id"] != nil)
            let note = try await wire.send(
                .POST, "/candidates/\(candidate.id)/disqualify",
                body: ["member_id": member, "disqualify_note": String(repeating: "n", count: 257)])
            #expect(note.status == 422)
            let blank = try await wire.send(
                .POST, "/candidates/\(candidate.id)/comments", body: ["member_id": member, "comment": ["body": " "]])
            #expect(blank.status == 422)
            let comment = try await wire.send(
                .POST, "/candidates/\(candidate.id)/comments",
                body: ["member_id": member, "comment": ["body": "Hello"]])
            #expect(comment.status == 201)
            #expect(sandbox.control.activities(of: candidate.id).last?.id == comment.object["id"] as? String)
            let notJSON = try await wire.send(.POST, "/candidates/\(candidate.id)/comments", body: ["x"])
            #expect(notJSON.status == 400)

            let shortcode = candidate.shortcode
            let email = try #require(candidate.email)
            let duplicate = try await wire.send(
                .POST, "/jobs/\(shortcode)/candidates",
                body: ["candidate": ["name": "Same Person", "email": "  " + email.uppercased()]])
            #expect(duplicate.status == 422)
            #expect(
                (duplicate.object["validation_errors"] as? [String: [String]])?["email"] == ["candidate already exists"]
            )
            let created = try await wire.send(
                .POST, "/jobs/\(shortcode)/candidates",
                body: ["candidate": ["name": "New Person", "email": "new.person@example.com"], "sourced": false])
            #expect(created.status == 201)
            #expect(created.object["status"] as? String == "created")
            #expect((created.object["candidate"] as? [String: Any])?["stage"] as? String == "Applied")
            let subscription = ["target": "http://127.0.0.1:9/x", "event": "candidate_created"]
            #expect(try await wire.send(.POST, "/subscriptions", body: subscription).status == 201)
            #expect(try await wire.send(.POST, "/subscriptions", body: subscription).status == 409)
        }
    }

    @Test func fileURLsRefuseABearerTokenExpireAndRejectAlteration() async throws {
        try await withSandbox { wire, sandbox, clock in
            let candidate = try #require(sandbox.control.candidates.first)
            let files = try await wire.get("/candidates/\(candidate.id)/files").list("files")
            let url = try #require(files.first?["preview_url"] as? String)
            #expect(url.hasPrefix(sandbox.fileOrigin))
            let plain = try await wire.send(.GET, url, token: "", absolute: true)
            #expect(plain.status == 200)
            #expect(plain.body == sandbox.control.files(of: candidate.id).first?.bytes)
            let withToken = try await wire.send(.GET, url, absolute: true)
            #expect(withToken.status == 400)
            #expect(withToken.text.contains("<Code>InvalidArgument</Code>"))
            let altered = try await wire.send(
                .GET, url.replacingOccurrences(of: "expires=", with: "expires=9"), token: "", absolute: true)
            #expect(altered.status == 403)
            clock.advance(by: .seconds(60_001))
            let expired = try await wire.send(.GET, url, token: "", absolute: true)
            #expect(expired.status == 403)
            #expect(expired.text.contains("expired"))
            let log = sandbox.control.requests.filter { $0.host == .files }
            #expect(log.map(\.hadAuthorization) == [false, true, false, false])
        }
    }

    @Test func faultsAreScriptedPerPathAndDrawnByRate() async throws {
        try await withSandbox { wire, sandbox, _ in
            sandbox.control.inject(
                [.serverError, .badGatewayHTML, .serviceUnavailable, .rateLimited], pathSuffix: "/stages")
            #expect(try await wire.get("/members").status == 200)
            #expect(try await wire.get("/stages").status == 500)
            let html = try await wire.get("/stages")
            #expect(html.status == 502 && html.text.contains("<center><h1>502 Bad Gateway</h1></center>"))
            #expect(try await wire.get("/stages").status == 503)
            #expect(try await wire.get("/stages").status == 429)
            #expect(try await wire.get("/stages").status == 200)
            sandbox.control.inject([.droppedConnection])
            await #expect(throws: (any Error).self) { _ = try await wire.get("/stages") }
            sandbox.control.update {
                $0.faultRate = 1
                $0.faultKinds = [.serverError]
            }
            #expect(try await wire.get("/stages").status == 500)
            #expect(sandbox.control.requests.last?.fault == .serverError)
        }
    }

    @Test func subscriptionsDeliverSignedCandidatesAndRetryUntilA200() async throws {
        try await WebhookReceiver.run(signatureHeader: "X-Workable-Signature") { receiver, url in
            try await withSandbox { wire, sandbox, _ in
                let created = try await wire.send(
                    .POST, "/subscriptions", body: ["target": url, "event": "candidate_moved"])
                let subscriptionID = try #require(created.object["id"] as? Int)
                receiver.answer(with: 500)
                let candidate = try #require(sandbox.control.candidates.first { $0.stageSlug != "offer" })
                _ = try await wire.send(
                    .POST, "/candidates/\(candidate.id)/move",
                    body: ["member_id": admin(sandbox), "target_stage": "offer"])
                let deliveries = try await receiver.waitFor(3)
                #expect(deliveries.count == 3)
                for delivery in deliveries {
                    let expected = HMAC<SHA256>.authenticationCode(
                        for: delivery.body, using: SymmetricKey(data: Array(sandbox.token.utf8))
                    ).map { String(format: "%02x", $0) }.joined()
                    #expect(delivery.signature == expected)
                    let body = try JSONSerialization.jsonObject(with: Data(delivery.body)) as? [String: Any]
                    #expect(body?["id"] as? String == candidate.id)
                    #expect(body?["stage"] as? String == "Offer")
                }
                receiver.answer(with: 200)
                sandbox.control.raise("candidate_moved", candidateID: candidate.id)
                _ = try await receiver.waitFor(4)
                // The sandbox records the attempt once the receiver has answered it.
                let clock = ContinuousClock()
                let deadline = clock.now + .seconds(20)
                while sandbox.control.deliveries.count < 4, clock.now < deadline {
                    try await Task.sleep(for: .milliseconds(10))
                }
                let attempts = sandbox.control.deliveries.filter { $0.subscriptionID == subscriptionID }
                #expect(attempts.map(\.attempt) == [1, 2, 3, 1])
                #expect(attempts.map(\.status) == [500, 500, 500, 200])
            }
        }
    }
}
