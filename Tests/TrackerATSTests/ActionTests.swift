import ATSCore
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

@Suite struct ActionTests {
    @Test func theCatalogueIsTypedFromTrackersRequiredAndOptionalData() async throws {
        try await withWriteSandbox { client, _, _ in
            let schemas = try await client.actionSchemas()
            #expect(schemas.map(\.type).contains(.tagApp))
            let interview = try await client.actionSchema(for: .createInterview)
            let appID = try #require(interview.actionFields.first { $0.name == "app_id" })
            #expect(appID.isRequired && appID.type == .integer)
            let attendees = try #require(interview.actionFields.first { $0.name == "additional_attendee_emails" })
            #expect(!attendees.isRequired && attendees.type == .array)
            #expect(interview.triggerFields.contains { $0.name == "app_id" } == false)
        }
    }

    @Test func invalidDataIsRefusedBeforeAnythingIsSent() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            _ = try await client.actionSchemas()
            sandbox.control.clearRequestLog()
            let error = try await #require(throws: ATSError.self) {
                try await client.runAction(.tagApp, data: ["app_id": "12", "tagtext": "hot"])
            }
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("missing 'tag_text' (string)"))
            #expect(error.message.contains("'app_id' must be integer, not a string"))
            #expect(error.message.contains("'tagtext' is not a field of this action"))
            #expect(error.suggestion?.contains("app_id (integer)") == true)
            let unknown = try await #require(throws: ATSError.self) {
                try await client.runAction(TrackerActionType(rawValue: "launch_rocket"), data: [:])
            }
            #expect(unknown.message.contains("Known types: tag_app"))
            #expect(sandbox.control.requestLog().isEmpty)
        }
    }

    @Test func anActionRunsAndIsAwaited() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let action = try await client.runAction(
                .tagApp, data: ["app_id": 12, "tag_text": "priority"], wait: .executed)
            #expect(action.isExecuted && !action.hasFailed)
            #expect(sandbox.control.application(id: 12)?.tags.contains("priority") == true)
            let read = try await client.action(action.id)
            #expect(read.type == .tagApp)
        }
    }

    @Test func anActionWhoseExecutionFailsReportsTrackersError() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            // Well-formed data, but the account has no such status: Tracker runs it and it fails.
            let error = try await #require(throws: ATSError.self) {
                try await client.runAction(.setAppStatus, data: ["app_id": 3, "status": "Parked"], wait: .executed)
            }
            #expect(error.code == .providerError)
            #expect(error.message.contains("unknown status 'Parked'"))
            let action = try #require(sandbox.control.actions().last)
            #expect(action.isExecuted && action.error != nil)
        }
    }

    @Test func manyActionsAreAwaitedByOneLoop() async throws {
        try await withWriteSandbox { client, sandbox, clock in
            var ids: [TrackerActionID] = []
            for application in 1...20 {
                ids.append(
                    try await client.runAction(
                        .tagApp, data: ["app_id": .integer(Int64(application)), "tag_text": "batch"]
                    ).id)
            }
            let sleepsBefore = clock.sleepCount
            let results = try await client.waitForActions(ids + [ids[0]], timeout: .seconds(60))
            #expect(results.count == 20)
            #expect(results.allSatisfy { $0.state == .succeeded })
            // Actions run 1 s after creation. One loop reads all twenty at 0 s, 0.5 s and 1.25 s:
            // three rounds of one read per action, two sleeps, whatever the number of actions.
            #expect(clock.sleepCount - sleepsBefore == 2)
            #expect(
                sandbox.control.requestLog().filter { $0.method == "GET" && $0.path.contains("/actions/") }.count == 60)
        }
    }

    @Test func waitingEndsAtTheDeadlineOrOnCancellation() async throws {
        try await withWriteSandbox(sandbox: [.actionDelay(.seconds(86_400))]) { client, _, _ in
            let action = try await client.runAction(.tagApp, data: ["app_id": 5, "tag_text": "later"])
            let timedOut = try await #require(throws: ATSError.self) {
                try await client.waitForAction(action.id, timeout: .seconds(30))
            }
            #expect(timedOut.code == .timedOut)
            let pending = try await client.waitForActions([action.id, "999"], timeout: .seconds(5))
            #expect(pending.map(\.state) == [.pending, .unreadable("Tracker has no action 999.")])

            let waiting = Task { try await client.waitForAction(action.id, timeout: .seconds(86_400 * 365)) }
            waiting.cancel()
            await #expect(throws: CancellationError.self) { try await waiting.value }
        }
    }
}
