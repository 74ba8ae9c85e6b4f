import ATSCore
import Foundation
import Testing
import TrackerATS
import TrackerSandbox

@Suite struct StageMoveTests {
    @Test func aVerifiedMoveRunsOneActionAndReadsTheApplicationBack() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "New").first)
            let result = try await client.moveToStage(StageMoveRequest(application: id.applicationID, to: "Interview"))
            #expect(result.state == .verified)
            #expect(result.previousStage?.name == "New")
            #expect(result.stage.name == "Interview")
            #expect(sandbox.control.application(id: id)?.status == "Interview")
            #expect(sandbox.appliedStatusActions()[id] == 1)
            #expect(result.reference == sandbox.control.actions().last.map { String($0.id) })
        }
    }

    @Test func thePreconditionBlocksAMoveAndNothingIsSent() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "Screening").first)
            // A recruiter moved it meanwhile: the caller still believes it is "New".
            let request = StageMoveRequest(application: id.applicationID, to: "Offer", onlyFromStage: "New")
            let error = try await #require(throws: ATSError.self) { try await client.moveToStage(request) }
            #expect(error.code == .conflict)
            #expect(error.message.contains("'Screening'"))
            #expect(error.message.contains("nothing was sent"))
            #expect(sandbox.requests("POST", "/actions").isEmpty)
            #expect(sandbox.control.application(id: id)?.status == "Screening")
        }
    }

    @Test func thePreconditionLetsTheMoveThroughWhenItHolds() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "Screening").first)
            let request = StageMoveRequest(application: id.applicationID, to: "Offer", onlyFromStage: "Screening")
            #expect(try await client.moveToStage(request).state == .verified)
            #expect(sandbox.control.application(id: id)?.status == "Offer")
        }
    }

    @Test func anUnknownStageIsRefusedWithTheKnownOnesListed() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let request = StageMoveRequest(application: "3", to: "Phone Screen")
            let error = try await #require(throws: ATSError.self) { try await client.moveToStage(request) }
            #expect(error.code == .invalidInput)
            for status in ["New", "Screening", "Phone Interview", "Not Selected"] {
                #expect(error.message.contains("'\(status)'"))
            }
            #expect(error.suggestion?.contains("knownStatuses") == true)
            // The account's statuses were read to learn them; nothing was written.
            #expect(
                sandbox.control.requestLog().allSatisfy { $0.method == "GET" && $0.path.hasSuffix("/applications") })
        }
    }

    @Test func aMoveToTheCurrentStageSendsNothing() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "Offer").first)
            let result = try await client.moveToStage(StageMoveRequest(application: id.applicationID, to: "offer"))
            #expect(result.state == .unchanged)
            #expect(sandbox.requests("POST", "/actions").isEmpty)
        }
    }

    @Test func anAcceptedMoveReturnsBeforeTrackerRunsIt() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "New").first)
            let result = try await client.moveToStage(
                StageMoveRequest(application: id.applicationID, to: "Hired", wait: .accepted))
            #expect(result.state == .accepted)
            #expect(sandbox.control.pendingActionCount == 1)
            #expect(sandbox.control.application(id: id)?.status == "New")
        }
    }

    @Test func aFailedActionIsReportedWithTrackersError() async throws {
        try await withWriteSandbox(sandbox: [.actionFailureRate(1)]) { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "New").first)
            let request = StageMoveRequest(application: id.applicationID, to: "Interview", wait: .executed)
            let error = try await #require(throws: ATSError.self) { try await client.moveToStage(request) }
            #expect(error.code == .providerError)
            #expect(error.message.contains("failed: action failed (simulated"))
            #expect(sandbox.control.application(id: id)?.status == "New")
        }
    }

    @Test func aMoveThatDoesNotRunInTimeSaysItMayStillRun() async throws {
        try await withWriteSandbox(sandbox: [.actionDelay(.seconds(3600))]) { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "New").first)
            let request = StageMoveRequest(
                application: id.applicationID, to: "Interview", wait: .init(level: .verified, timeout: .seconds(20)))
            let error = try await #require(throws: ATSError.self) { try await client.moveToStage(request) }
            #expect(error.code == .timedOut)
            #expect(error.message.contains("may still run"))
            #expect(sandbox.control.pendingActionCount == 1)
        }
    }

    @Test func stagesAndRejectionReasonsCannotBeListed() async throws {
        try await withWriteSandbox { client, _, _ in
            let reasons = try await #require(throws: ATSError.self) { try await client.dispositionReasons() }
            #expect(reasons.code == .notSupported)
            let stages = try await #require(throws: ATSError.self) { try await client.allApplicationStages() }
            #expect(stages.code == .notSupported)
        }
    }
}
