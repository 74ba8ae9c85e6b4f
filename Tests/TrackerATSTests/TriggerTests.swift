import ATSCore
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

@Suite struct TriggerTests {
    @Test func conditionsAreBuiltFromSwiftValues() throws {
        let condition =
            TriggerOperand.application("status").equals("Not Selected")
            && (TriggerOperand.job("title").contains("Engineer")
                || !TriggerOperand.application("rating").compared(.lessThan, to: 3))
        let expected: TrackerJSON = [
            "if": [
                "and": [
                    ["==": [["app": "status"], "Not Selected"]],
                    [
                        "or": [
                            ["in": ["Engineer", ["job": "title"]]],
                            ["!": ["<": [["app": "rating"], 3]]],
                        ]
                    ],
                ]
            ]
        ]
        #expect(condition.conditionsDocument == expected)
    }

    @Test func aTriggerIsCreatedFiresListsAndIsDeleted() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let workflowLoads = await client.metadata.loadCount(of: .workflow)
            let trigger = try await client.createTrigger(
                TriggerDraft(
                    event: .appStatusUpdated, action: .tagApp, data: ["tag_text": "hired!"],
                    condition: TriggerOperand.application("status").equals("Hired")))
            let stored = try #require(sandbox.control.triggers().first)
            #expect(stored.actionType == "tag_app")
            #expect(stored.conditions?["if"]?["=="] != nil)

            let id = try #require(sandbox.applicationIDs(withStatus: "Offer").first)
            _ = try await client.moveToStage(StageMoveRequest(application: id.applicationID, to: "Hired"))
            // The move's status event fired the trigger's action; let it run.
            try await client.letTimePass()
            #expect(sandbox.control.application(id: id)?.tags.contains("hired!") == true)

            #expect(try await client.triggers().map(\.id) == [trigger.id])
            try await client.deleteTrigger(trigger.id)
            #expect(sandbox.control.triggers().isEmpty)
            let missing = try await #require(throws: ATSError.self) { try await client.deleteTrigger(trigger.id) }
            #expect(missing.code == .notFound)
            // Creating and deleting dropped the cached workflow; reading it loads it again.
            _ = try await client.actionSchemas()
            #expect(await client.metadata.loadCount(of: .workflow) > workflowLoads)
        }
    }

    @Test func eventsAnActionCannotFollowAndBadDataAreRefused() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let followable = try await client.eventTypes(followableBy: .sendTBNTEmail)
            #expect(Set(followable) == [.appStatusUpdated, .applicantNew])
            let wrongEvent = try await #require(throws: ATSError.self) {
                try await client.createTrigger(
                    TriggerDraft(event: .appViewed, action: .sendTBNTEmail, data: ["delay": 24]))
            }
            #expect(wrongEvent.message.contains("cannot follow event 'app_viewed'"))
            let badData = try await #require(throws: ATSError.self) {
                try await client.createTrigger(
                    TriggerDraft(event: .applicantNew, action: .sendTBNTEmail, data: ["delay": "soon"]))
            }
            #expect(badData.message.contains("'delay' must be integer, not a string"))
            #expect(sandbox.requests("POST", "/triggers").isEmpty)
        }
    }
}

extension TrackerATSClient {
    /// Lets a couple of seconds pass on the write clock (which runs the sandbox's due actions) by
    /// waiting for an action of its own.
    func letTimePass() async throws {
        let action = try await runAction(.postDashboardNotification, data: ["message": "tick"])
        _ = try await waitForAction(action.id, timeout: .seconds(10))
    }
}
