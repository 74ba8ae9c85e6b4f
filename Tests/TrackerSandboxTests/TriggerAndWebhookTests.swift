import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TrackerSandbox

/// A loopback webhook receiver that answers with scripted statuses and records what it got.
private actor Receiver {
    struct Delivery {
        let body: [UInt8]
        let signature: String?
        let hubSignature: String?
    }

    private(set) var deliveries: [Delivery] = []
    private var statuses: [Int]

    init(statuses: [Int]) {
        self.statuses = statuses
    }

    func record(_ delivery: Delivery) -> Int {
        deliveries.append(delivery)
        return statuses.count > 1 ? statuses.removeFirst() : (statuses.first ?? 200)
    }
}

/// Runs `body` with a live receiver on a free loopback port.
private func withReceiver(
    statuses: [Int], _ body: @Sendable (Receiver, Int) async throws -> Void
) async throws {
    let receiver = Receiver(statuses: statuses)
    let router = Router()
    router.post("hook") { request, _ -> Response in
        let bytes = try await request.body.collect(upTo: 1 << 20)
        let status = await receiver.record(
            .init(
                body: Array(bytes.readableBytesView),
                signature: request.headers[values: .init("X-ATS-Signature")!].first,
                hubSignature: request.headers[values: .init("X-Hub-Signature")!].first)
        )
        return Response(status: .init(code: status))
    }
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    try await app.test(.live) { client in
        let port = try #require(client.port)
        try await body(receiver, port)
    }
}

/// The three documented constructions of `X-ATS-Signature` and the `X-Hub-Signature`, against
/// values computed with Python's `hmac` and `hashlib`, so that the sandbox does not only agree
/// with itself.
@Suite struct SandboxWebhookSignatureTests {
    static let body = Array(#"{"event_name":"applicant_new","application":{"id":1}}"#.utf8)
    static let password = Array("sandbox".utf8)

    @Test(
        arguments: [
            (
                SandboxWebhookSignature.Construction.hmac,
                "09852e2b5c9c65d69d513b9f9657d2b7b2cae93cf5e03ba2a44eb6a0c43f0534"
            ),
            (.passwordThenBody, "cfa498ab3ac35e8f33d6efb6690761e49b936e88799c08d791de49a547327feb"),
            (.bodyThenPassword, "ef136a8f264963b1e11c5e031bf06358d46290cc4b23222fbd02ecb372efcb7e"),
        ])
    func eachConstructionGivesTheReferenceValue(construction: SandboxWebhookSignature.Construction, expected: String) {
        #expect(SandboxWebhookSignature.signature(construction, password: Self.password, body: Self.body) == expected)
    }

    @Test func theHubSignatureIsTheSHA256OfThePassword() {
        #expect(
            SandboxWebhookSignature.hubSignature(password: Self.password)
                == "b7ad567477c83756aab9a542b2be04f77dbae25115d85f22070d74d8cc4779dc")
    }
}

@Suite("Triggers and webhooks over HTTP")
struct TriggerAndWebhookTests {
    private static let rejectionTrigger = """
        {"event_type": "app_status_updated", "action_type": "tag_app", "data": {"tag_text": "rejected"},
         "conditions": {"if": {"and": {"==": [{"app": "status"}, "Not Selected"]}}}}
        """

    @Test("a trigger fires on its event when its conditions hold, creating an action with trigger_id")
    func triggerFires() async throws {
        try await Fixture.run { sandbox, wire in
            let created = try await wire.send(.post, "/triggers", json: Self.rejectionTrigger)
            #expect(created.status == 201)
            let trigger = try created.object()
            #expect(trigger.string("id") == "1")
            #expect(trigger.string("event_type") == "app_status_updated")
            let listed = try await wire.get("/triggers")
            #expect(try listed.array().count == 1)

            for (id, status) in [(30, "Not Selected"), (31, "Interview")] {
                let body = #"{"type": "set_app_status", "data": {"app_id": \#(id), "status": "\#(status)"}}"#
                #expect((try await wire.send(.post, "/actions", json: body)).status == 201)
            }
            sandbox.control.runAllPendingActions()
            let actions = sandbox.control.actions()
            let fired = actions.filter { $0.triggerID == 1 }
            #expect(fired.count == 1)
            #expect(fired.first?.data["app_id"] == .int(30))
            #expect(fired.first?.isExecuted == true)
            let wireAction = try (try await wire.get("/actions/\(fired.first?.id ?? 0)")).object()
            #expect(wireAction.string("trigger_id") == "1")
            #expect(sandbox.control.application(id: 30)?.tags.contains("rejected") == true)
            #expect(sandbox.control.application(id: 31)?.tags.contains("rejected") == false)

            #expect((try await wire.send(.delete, "/triggers/1")).status == 204)
            #expect((try await wire.send(.delete, "/triggers/1")).status == 404)
            #expect(try (try await wire.get("/triggers")).array().isEmpty)
        }
    }

    @Test("triggers follow applicant_new, applicant_hired_file_added and UI-only events")
    func otherEvents() async throws {
        try await Fixture.run { sandbox, wire in
            let triggers = [
                #"{"event_type": "applicant_new", "action_type": "add_note", "data": {"note_text": "Welcome!"}}"#,
                #"{"event_type": "applicant_hired_file_added", "action_type": "tag_app", "data": {"tag_text": "has-file"}, "conditions": {"!": {"in": ["has-file", {"app": "tags"}]}}}"#,
                #"{"event_type": "app_viewed", "action_type": "post_dashboard_notification", "data": {"message": "viewed"}, "conditions": {"or": [{"==": [{"var": "app.id"}, "7"]}, {"!=": [{"job": "title"}, {"job": "title"}]}]}}"#,
            ]
            for trigger in triggers {
                #expect((try await wire.send(.post, "/triggers", json: trigger)).status == 201, "\(trigger)")
            }
            let created = try await wire.send(
                .post, "/applications",
                json: #"{"job_id": 1, "first_name": "New", "last_name": "Person", "email": "new@example.org"}"#)
            let id = try #require(try created.object().id())
            // A file added to an applicant who is not hired fires no workflow event; once hired, it does.
            _ = try await wire.send(
                .post, "/files", json: #"{"app_id": 8, "filename": "cv.txt", "kind": "resume", "data": "aGk="}"#)
            sandbox.control.runAllPendingActions()
            #expect(sandbox.control.application(id: 8)?.tags.contains("has-file") == false)
            _ = try await wire.send(.post, "/actions", json: #"{"type": "mark_as_hired", "data": {"app_id": 8}}"#)
            sandbox.control.runAllPendingActions()
            _ = try await wire.send(
                .post, "/files", json: #"{"app_id": 8, "filename": "i9.txt", "kind": "attachment", "data": "aGk="}"#)
            sandbox.control.emit("app_viewed", applicationID: 7)
            sandbox.control.emit("app_viewed", applicationID: 9)
            sandbox.control.runAllPendingActions()
            #expect(sandbox.control.notes().contains { $0.applicationID == id && $0.body == "Welcome!" })
            #expect(sandbox.control.application(id: 8)?.tags.contains("has-file") == true)
            #expect(sandbox.control.notifications().map(\.message) == ["viewed"])
        }
    }

    @Test("trigger validation: unknown event, incompatible action, missing data, unknown operator")
    func triggerValidation() async throws {
        try await Fixture.run { _, wire in
            let cases = [
                (#"{"event_type": "moon_landing", "action_type": "tag_app", "data": {"tag_text": "x"}}"#, "event_type"),
                (
                    #"{"event_type": "app_viewed", "action_type": "send_tbnt_email", "data": {"delay": 1}}"#,
                    "cannot follow"
                ),
                (#"{"event_type": "applicant_new", "action_type": "tag_app", "data": {}}"#, "tag_text"),
                (
                    #"{"event_type": "applicant_new", "action_type": "tag_app", "data": {"tag_text": "x"}, "conditions": {"xor": [1, 2]}}"#,
                    "xor"
                ),
                (
                    #"{"event_type": "applicant_new", "action_type": "tag_app", "data": {"tag_text": "x"}, "conditions": [null]}"#,
                    "conditions"
                ),
            ]
            for (body, mention) in cases {
                let response = try await wire.send(.post, "/triggers", json: body)
                #expect(response.status == 422, "\(body)")
                #expect(try response.errorMessage().contains(mention), "\(body)")
            }
        }
    }

    @Test("webhooks: signed deliveries, re-sent until 200 or 201")
    func redelivery() async throws {
        try await withReceiver(statuses: [500, 202, 201]) { receiver, port in
            var configuration = Fixture.configuration()
            configuration.webhookRetryBackoff = .milliseconds(1)
            try await Fixture.run(configuration) { sandbox, wire in
                let hook = try await wire.send(
                    .post, "/webhooks", json: #"{"url": "http://127.0.0.1:\#(port)/hook", "event": "applicant_new"}"#
                )
                #expect(hook.status == 201)
                #expect(try (try await wire.get("/webhooks")).array().first?.string("event") == "applicant_new")
                let created = try await wire.send(
                    .post, "/applications",
                    json: #"{"job_id": 2, "first_name": "Hook", "last_name": "Test", "email": "hook@example.org"}"#
                )
                let id = try #require(try created.object().id())
                try await sandbox.control.awaitWebhookDeliveriesFinished()
                let delivery = try #require(sandbox.control.webhookDeliveries().first)
                #expect(delivery.attemptStatuses == [500, 202, 201])
                #expect(delivery.isDelivered)
                let received = await receiver.deliveries
                #expect(received.count == 3)
                for attempt in received {
                    #expect(attempt.body == Array(delivery.body.utf8))
                    let expected = SandboxWebhookSignature.hmacSHA256Hex(
                        key: Array(sandbox.apiPassword.utf8), message: attempt.body
                    )
                    #expect(attempt.signature == expected)
                    #expect(
                        attempt.hubSignature
                            == SandboxWebhookSignature.hubSignature(password: Array(sandbox.apiPassword.utf8)))
                }
                let payload = try #require(
                    try JSONSerialization.jsonObject(with: Data(received[0].body)) as? [String: Any]
                )
                #expect(payload["event_name"] as? String == "applicant_new")
                #expect((payload["application"] as? [String: Any])?["id"] as? String == String(id))
            }
        }
    }

    @Test("webhooks: attempts are bounded, and a deleted subscription gets nothing more")
    func boundedAttempts() async throws {
        try await withReceiver(statuses: [500]) { receiver, port in
            var configuration = Fixture.configuration()
            configuration.webhookRetryBackoff = .milliseconds(1)
            configuration.webhookMaximumAttempts = 3
            try await Fixture.run(configuration) { sandbox, wire in
                _ = try await wire.send(
                    .post, "/webhooks",
                    json: #"{"url": "http://127.0.0.1:\#(port)/hook", "event": "applicant_document_signed"}"#
                )
                sandbox.control.deliverWebhook("applicant_document_signed", applicationID: 3)
                try await sandbox.control.awaitWebhookDeliveriesFinished()
                let delivery = try #require(sandbox.control.webhookDeliveries().first)
                #expect(delivery.attemptStatuses == [500, 500, 500])
                #expect(!delivery.isDelivered && delivery.isFinished)
                #expect(await receiver.deliveries.count == 3)
                #expect((try await wire.send(.delete, "/webhooks/1")).status == 204)
                sandbox.control.deliverWebhook("applicant_document_signed", applicationID: 4)
                #expect(sandbox.control.webhookDeliveries().count == 1)
                let bad = try await wire.send(
                    .post, "/webhooks", json: #"{"url": "ftp://x", "event": "applicant_document_signed"}"#)
                #expect(bad.status == 422)
                // A workflow event name is not a webhook event.
                let workflowName = try await wire.send(
                    .post, "/webhooks", json: #"{"url": "http://127.0.0.1:1/x", "event": "app_status_updated"}"#)
                #expect(workflowName.status == 422)
                #expect(try workflowName.errorMessage().contains("applicant_updated"))
            }
        }
    }
}
