import Foundation
import Testing
import TrackerSandbox

@Suite("Hiring: mark_as_hired, un_mark_as_hired, send_app_to_integration, and their events")
struct HiringActionTests {
    @Test("mark_as_hired sets hired_at (the hire date's start in the account's zone) and start_date")
    func markAsHired() async throws {
        try await Fixture.run { sandbox, wire in
            let before = try (try await wire.get("/applications/5")).object()
            #expect(before.keys.contains("hired_at") && before["hired_at"] is NSNull)
            #expect(before.keys.contains("start_date") && before["start_date"] is NSNull)
            let created = try await wire.send(
                .post, "/actions",
                json:
                    #"{"type": "mark_as_hired", "data": {"app_id": 5, "hire_date": "2024-06-10", "start_date": "2024-07-01"}}"#
            )
            #expect(created.status == 201)
            #expect(try created.object().string("type") == "MarkAsHired")
            #expect(sandbox.control.runAllPendingActions() == 1)
            #expect(sandbox.control.action(id: 1)?.error == nil)
            let after = try (try await wire.get("/applications/5")).object()
            // Midnight of 2024-06-10 in Los Angeles (PDT), written as the account's naive local time.
            #expect(after.string("hired_at") == "2024-06-10T00:00:00")
            #expect(after.string("start_date") == "2024-07-01")
            #expect(sandbox.control.application(id: 5)?.hiredAt == Date(timeIntervalSince1970: 1_718_002_800))
            #expect(
                sandbox.control.events().contains(SandboxEvent(name: "applicant_marked_as_hired", applicationID: 5)))
        }
    }

    @Test("un_mark_as_hired clears both fields and fires applicant_unmarked_as_hired")
    func unmark() async throws {
        try await Fixture.run { sandbox, wire in
            _ = try await wire.send(
                .post, "/actions",
                json: #"{"type": "mark_as_hired", "data": {"app_id": 6, "start_date": "2024-07-01"}}"#)
            _ = try await wire.send(
                .post, "/actions", json: #"{"type": "un_mark_as_hired", "data": {"app_id": 6, "manager_id": 3}}"#)
            #expect(sandbox.control.runAllPendingActions() == 2)
            #expect(sandbox.control.actions().allSatisfy { $0.error == nil })
            let after = try (try await wire.get("/applications/6")).object()
            #expect(after["hired_at"] is NSNull && after["start_date"] is NSNull)
            #expect(
                sandbox.control.events().filter { $0.applicationID == 6 }.map(\.name) == [
                    "applicant_marked_as_hired", "applicant_unmarked_as_hired",
                ])
        }
    }

    @Test("send_app_to_integration fails for an applicant who is not hired, and runs for one who is")
    func sendToIntegration() async throws {
        try await Fixture.run { sandbox, wire in
            let send = #"{"type": "send_app_to_integration", "data": {"app_id": 7, "partner": "payroll"}}"#
            _ = try await wire.send(.post, "/actions", json: send)
            sandbox.control.runAllPendingActions()
            let refused = try #require(sandbox.control.action(id: 1))
            #expect(refused.isExecuted)
            #expect(refused.error?.contains("not marked as hired") == true)
            #expect(!sandbox.control.events().contains { $0.name == "app_sent_to_integration" })
            _ = try await wire.send(.post, "/actions", json: #"{"type": "mark_as_hired", "data": {"app_id": 7}}"#)
            _ = try await wire.send(.post, "/actions", json: send)
            sandbox.control.runAllPendingActions()
            #expect(sandbox.control.action(id: 3)?.error == nil)
            #expect(sandbox.control.events().contains(SandboxEvent(name: "app_sent_to_integration", applicationID: 7)))
            let missing = try await wire.send(
                .post, "/actions", json: #"{"type": "send_app_to_integration", "data": {"app_id": 7}}"#)
            #expect(missing.status == 422)
            #expect(try missing.errorMessage().contains("partner"))
        }
    }

    @Test("a hire date that is not a date fails the action and changes nothing")
    func badDate() async throws {
        try await Fixture.run { sandbox, wire in
            _ = try await wire.send(
                .post, "/actions", json: #"{"type": "mark_as_hired", "data": {"app_id": 8, "hire_date": "next week"}}"#)
            sandbox.control.runAllPendingActions()
            #expect(sandbox.control.action(id: 1)?.error?.contains("hire_date must be a date") == true)
            #expect(sandbox.control.application(id: 8)?.hiredAt == nil)
        }
    }

    @Test("webhooks get the documented webhook events: applicant_updated, applicant_hired_updated, file events")
    func webhookEvents() async throws {
        try await Fixture.run { sandbox, wire in
            for event in [
                "applicant_updated", "applicant_hired_updated", "applicant_file_added",
                "applicant_hired_file_added", "applicant_new",
            ] {
                let hook = try await wire.send(
                    .post, "/webhooks", json: #"{"url": "http://127.0.0.1:9/hook", "event": "\#(event)"}"#)
                #expect(hook.status == 201, "\(event)")
            }
            _ = try await wire.send(.post, "/actions", json: #"{"type": "mark_as_hired", "data": {"app_id": 9}}"#)
            sandbox.control.runAllPendingActions()
            _ = try await wire.send(
                .post, "/files", json: #"{"app_id": 9, "filename": "w4.txt", "kind": "attachment", "data": "aGk="}"#)
            _ = try await wire.send(
                .post, "/files", json: #"{"app_id": 10, "filename": "cv.txt", "kind": "resume", "data": "aGk="}"#)
            let events = sandbox.control.webhookDeliveries().map(\.event)
            #expect(
                events == [
                    "applicant_updated", "applicant_hired_updated", "applicant_file_added",
                    "applicant_hired_file_added", "applicant_file_added",
                ])
            let body = try #require(sandbox.control.webhookDeliveries().first?.body)
            #expect(body.hasPrefix(#"{"event_name":"applicant_updated","application":{"id":"9""#))
        }
    }
}
