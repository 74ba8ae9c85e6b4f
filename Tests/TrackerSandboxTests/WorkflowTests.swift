import Foundation
import Testing
import TrackerSandbox

@Suite("Workflow: catalogue, actions and events over HTTP")
struct WorkflowTests {
    @Test("the action catalogue has the shape of the vendor's example, with optional_data where needed")
    func catalogue() async throws {
        try await Fixture.run { _, wire in
            let response = try await wire.get("/workflow/actions")
            let entries = try #require(try response.json() as? [[String: [String: Any]]])
            #expect(entries.allSatisfy { $0.count == 1 })
            let byType = Dictionary(
                uniqueKeysWithValues: entries.compactMap { entry in entry.first.map { ($0.key, $0.value) } })
            #expect(
                Set(byType.keys) == [
                    "tag_app", "set_app_status", "mark_as_archived", "send_email_template", "send_tbnt_email",
                    "create_interview", "add_note", "set_job_status", "post_dashboard_notification",
                    "mark_as_hired", "un_mark_as_hired", "send_app_to_integration",
                ]
            )
            // The example in the vendor documentation, verbatim.
            let tag = try #require(byType["tag_app"])
            let expected: [String: Any] = [
                "create_trigger": ["required_data": ["tag_text": ["type": "string"]]],
                "create_action": ["required_data": ["app_id": ["type": "integer"], "tag_text": ["type": "string"]]],
            ]
            #expect(NSDictionary(dictionary: tag).isEqual(to: expected))
            let interview = try #require(byType["create_interview"]?["create_action"] as? [String: Any])
            let optional = try #require(interview["optional_data"] as? [String: [String: String]])
            #expect(optional["additional_attendee_emails"]?["type"] == "array")
            let required = try #require(interview["required_data"] as? [String: [String: String]])
            #expect(required["add_conferencing"]?["type"] == "boolean")
        }
    }

    @Test("events list, narrowed by action_type")
    func events() async throws {
        try await Fixture.run { _, wire in
            let all = try #require(try (try await wire.get("/workflow/events")).json() as? [String])
            // The vendor's workflow events; applicant_file_added and applicant_updated are webhook events.
            #expect(
                all.contains("app_status_updated") && all.contains("applicant_new")
                    && all.contains("applicant_marked_as_hired") && all.contains("applicant_unmarked_as_hired")
                    && all.contains("app_sent_to_integration") && all.contains("applicant_hired_file_added"))
            #expect(!all.contains("applicant_file_added") && !all.contains("applicant_updated"))
            let jobStatus = try #require(
                try (try await wire.get("/workflow/events?action_type=set_job_status")).json() as? [String])
            #expect(!jobStatus.isEmpty && jobStatus.count < all.count)
            #expect(Set(jobStatus).isSubset(of: Set(all)))
            #expect((try await wire.get("/workflow/events?action_type=fly")).status == 400)
        }
    }

    @Test("POST /actions answers the pending action; it runs after the delay and tags the application")
    func tagApp() async throws {
        let clock = ManualSandboxClock(start: Fixture.start)
        let behavior = SandboxBehavior(actionDelay: .seconds(2))
        try await Fixture.run(Fixture.configuration(clock: clock, behavior: behavior)) { sandbox, wire in
            let created = try await wire.send(
                .post, "/actions",
                json: #"{"type": "tag_app", "data": {"app_id": 12, "tag_text": "Tagging an app via API!"}}"#
            )
            #expect(created.status == 201)
            let action = try created.object()
            #expect(action.string("id") == "1")
            #expect(action.string("company_id") == "1")
            #expect(action["trigger_id"] is NSNull)
            #expect(action.string("type") == "TagApp")
            #expect(action["executed_at"] is NSNull)
            #expect(action.string("created_at") == "2024-06-15T12:00:00Z")
            #expect((action["data"] as? [String: Any])?["tag_text"] as? String == "Tagging an app via API!")

            #expect(sandbox.control.runDueActions() == 0, "not due before the delay")
            #expect(try (try await wire.get("/actions/1")).object()["executed_at"] is NSNull)
            clock.advance(by: .seconds(2))
            #expect(sandbox.control.runDueActions() == 1)
            let executed = try (try await wire.get("/actions/1")).object()
            #expect(executed.string("executed_at") == "2024-06-15T12:00:02Z")
            #expect(executed.string("updated_at") == "2024-06-15T12:00:02Z")
            #expect(executed["error"] == nil)
            let application = try (try await wire.get("/applications/12")).object()
            #expect((application["tags"] as? [String])?.contains("Tagging an app via API!") == true)
            #expect((try await wire.get("/actions/99")).status == 404)
        }
    }

    @Test("automatic execution: actions run on their own and can be awaited without sleeping")
    func automatic() async throws {
        let configuration = Fixture.configuration(
            actionExecution: .automatic, behavior: SandboxBehavior(actionDelay: .zero)
        )
        try await Fixture.run(configuration) { sandbox, wire in
            let created = try await wire.send(
                .post, "/actions", json: #"{"type": "mark_as_archived", "data": {"app_id": "20"}}"#
            )
            #expect(created.status == 201)
            let action = try await sandbox.control.awaitAction(id: 1)
            #expect(action.error == nil)
            #expect(sandbox.control.application(id: 20)?.archived == true)
            #expect(try (try await wire.get("/actions/1")).object().string("executed_at") != nil)
        }
    }

    @Test("every action type has its effect; bad statuses and missing records fail the action")
    func effects() async throws {
        try await Fixture.run { sandbox, wire in
            let requests = [
                #"{"type": "set_app_status", "data": {"app_id": 1, "status": "Interview"}}"#,
                #"{"type": "set_app_status", "data": {"app_id": 2, "status": "Rejected"}}"#,
                #"{"type": "add_note", "data": {"app_id": 3, "note_text": "Workflow note"}}"#,
                #"{"type": "set_job_status", "data": {"job_id": 1, "status": "Offline"}}"#,
                #"{"type": "post_dashboard_notification", "data": {"message": "Hello dashboard"}}"#,
                #"{"type": "send_email_template", "data": {"app_id": 4, "template_name": "Welcome"}}"#,
                #"{"type": "send_tbnt_email", "data": {"app_id": 5, "delay": 24}}"#,
                #"{"type": "create_interview", "data": {"app_id": 6, "email": "i@x.org", "duration": 30, "location": "Zoom", "minimum_notice": 24, "available_days_length": 5, "add_conferencing": true}}"#,
                #"{"type": "tag_app", "data": {"app_id": 999999, "tag_text": "ghost"}}"#,
            ]
            for body in requests {
                #expect((try await wire.send(.post, "/actions", json: body)).status == 201, "\(body)")
            }
            #expect(sandbox.control.runAllPendingActions() == requests.count)
            let actions = sandbox.control.actions()
            #expect(actions.allSatisfy { $0.isExecuted })
            #expect(sandbox.control.application(id: 1)?.status == "Interview")
            #expect(sandbox.control.events().contains(SandboxEvent(name: "app_status_updated", applicationID: 1)))
            let rejected = try (try await wire.get("/actions/2")).object()
            #expect(rejected.string("executed_at") != nil)
            #expect(try #require(rejected.string("error")).contains("Rejected"))
            #expect(sandbox.control.application(id: 2)?.status != "Rejected")
            #expect(sandbox.control.notes().contains { $0.applicationID == 3 && $0.body == "Workflow note" })
            #expect(sandbox.control.job(id: 1)?.status == "Offline")
            #expect(sandbox.control.notifications().map(\.message) == ["Hello dashboard"])
            #expect(actions[5].error == nil && actions[6].error == nil && actions[7].error == nil)
            #expect(actions[8].error?.contains("999999") == true)
        }
    }

    @Test("action data is validated against the catalogue: 422 names the field")
    func validation() async throws {
        try await Fixture.run { _, wire in
            let missing = try await wire.send(.post, "/actions", json: #"{"type": "tag_app", "data": {"app_id": 1}}"#)
            #expect(missing.status == 422)
            #expect(try missing.errorMessage().contains("tag_text"))
            let wrongType = try await wire.send(
                .post, "/actions", json: #"{"type": "tag_app", "data": {"app_id": "one", "tag_text": "x"}}"#)
            #expect(wrongType.status == 422)
            #expect(try wrongType.errorMessage().contains("app_id"))
            let unknown = try await wire.send(.post, "/actions", json: #"{"type": "launch_rocket", "data": {}}"#)
            #expect(unknown.status == 422)
            let camel = try await wire.send(
                .post, "/actions", json: #"{"type": "TagApp", "data": {"app_id": 1, "tag_text": "x"}}"#)
            #expect(camel.status == 201)
        }
    }

    @Test("action failure rate fails actions deterministically, with executed_at and error set")
    func failureRate() async throws {
        try await Fixture.run(Fixture.configuration(behavior: SandboxBehavior(actionFailureRate: 1))) { sandbox, wire in
            _ = try await wire.send(
                .post, "/actions", json: #"{"type": "tag_app", "data": {"app_id": 1, "tag_text": "x"}}"#)
            sandbox.control.runAllPendingActions()
            let action = try (try await wire.get("/actions/1")).object()
            #expect(action.string("executed_at") != nil)
            #expect(try #require(action.string("error")).contains("failure rate"))
            #expect(sandbox.control.application(id: 1)?.tags.contains("x") == false)
        }
    }
}
