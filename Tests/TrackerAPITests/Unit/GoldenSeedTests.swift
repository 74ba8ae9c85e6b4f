import Foundation
import Testing
import TrackerAPI

/// The exact payloads of Tracker's "Using Actions" guide, decoded through the public API.
@Suite struct GoldenSeedTests {
    private func api(answering fixture: String) throws -> (TrackerAPI, ScriptedTransport) {
        let body = try Fixtures.text(fixture)
        let (api, transport, _) = try TestAPI.make { _, _ in .json(body) }
        return (api, transport)
    }

    @Test func actionCatalogue() async throws {
        let (api, transport) = try api(answering: "seed004-action-catalogue.json")
        let catalogue = try await api.workflow.actionCatalogue()
        #expect(transport.requests.first?.path == "/api/v1/workflow/actions")
        let tagApp = try #require(catalogue.first)
        #expect(catalogue.count == 1)
        #expect(tagApp.type == .tagApp)
        #expect(tagApp.createTrigger?.required.keys.sorted() == ["tag_text"])
        #expect(tagApp.createTrigger?.required["tag_text"]?.type == .string)
        #expect(tagApp.createAction?.required.keys.sorted() == ["app_id", "tag_text"])
        #expect(tagApp.createAction?.required["app_id"]?.type == .integer)
        #expect(tagApp.createAction?.optional.isEmpty == true)
    }

    @Test func createdActionAndItsRequestBody() async throws {
        let (api, transport) = try api(answering: "seed004-action-created.json")
        let action = try await api.actions.create(
            .init(type: .tagApp, data: ["app_id": 1, "tag_text": "Tagging an app via API!"])
        )
        let sent = try #require(transport.requests.first)
        #expect(sent.method == .post)
        #expect(sent.path == "/api/v1/actions")
        let expectedBody = try TrackerJSON.parse(Fixtures.data("seed004-action-create-request.json"))
        #expect(try TrackerJSON.parse(sent.body ?? Data()) == expectedBody)

        #expect(action.id == "1")
        #expect(action.companyID == "1")
        #expect(action.triggerID == nil)
        #expect(action.type == .tagApp)
        #expect(action.typeName == "TagApp")
        #expect(action.data == ["app_id": 1, "tag_text": "Tagging an app via API!"])
        #expect(action.executedAt == nil)
        #expect(!action.isExecuted)
        #expect(action.createdAt?.date == Date(timeIntervalSince1970: 1_581_612_120))
        #expect(action.createdAt?.hasExplicitOffset == true)
        #expect(action.updatedAt?.text == "2020-02-13T16:42:00Z")
        #expect(action.raw["trigger_id"] == .null)
    }

    @Test func executedAction() async throws {
        let (api, transport) = try api(answering: "seed004-action-executed.json")
        let action = try await api.actions.get("1")
        #expect(transport.requests.first?.path == "/api/v1/actions/1")
        #expect(action.isExecuted)
        #expect(!action.hasFailed)
        #expect(action.executedAt?.date == Date(timeIntervalSince1970: 1_581_612_763))
        #expect(action.updatedAt?.date == Date(timeIntervalSince1970: 1_581_612_763))
        #expect(action.type == .tagApp)
    }
}

@Suite struct ActionWaitTests {
    @Test func pollsUntilExecutedWithoutRealSleeps() async throws {
        let created = try Fixtures.text("seed004-action-created.json")
        let executed = try Fixtures.text("seed004-action-executed.json")
        let (api, transport, clock) = try TestAPI.make { _, index in .json(index < 3 ? created : executed) }
        let action = try await api.actions.waitUntilExecuted("1", pollInterval: .seconds(2))
        #expect(action.isExecuted)
        #expect(transport.requests.count == 4)
        #expect(clock.sleeps == [.seconds(2), .seconds(2), .seconds(2)])
    }

    @Test func givesUpAtTheDeadline() async throws {
        let created = try Fixtures.text("seed004-action-created.json")
        let (api, _, clock) = try TestAPI.make { _, _ in .json(created) }
        let error = try await #require(throws: TrackerAPIError.self) {
            try await api.actions.waitUntilExecuted("1", pollInterval: .seconds(1), timeout: .seconds(5))
        }
        #expect(error.code == .timedOut)
        #expect(clock.elapsed <= .seconds(5))
    }
}
