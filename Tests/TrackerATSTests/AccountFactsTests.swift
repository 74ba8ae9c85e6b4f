import ATSCore
import Foundation
import Testing
import TrackerATS
import TrackerSandbox

/// The statuses of an account like the issue's: no "Not Selected", the rejection is "Rejected".
let reviewStatuses = ["New", "Review", "Interview", "Hired", "Rejected"]

/// Stages learned from the account and rejection statuses found or configured (issue 14, point 2),
/// against sandboxes with the default statuses and with ``reviewStatuses``, and a client that is told
/// no statuses at all.
@Suite struct AccountFactsTests {
    /// A write sandbox whose account has `statuses` and a client told none of them, so that it must
    /// learn them from the account; `rejectionStatus` is the one the client is configured with, if any.
    func withAccountTheClientLearns(
        statuses: [String] = reviewStatuses, rejectionStatus: String? = nil,
        _ body: (TrackerATSClient, RunningSandbox) async throws -> Void
    ) async throws {
        var writes = testWriteSettings
        writes.rejectionStatus = rejectionStatus
        try await withWriteSandbox(writes: writes, configuresStatuses: false, sandbox: [.statuses(statuses)]) {
            client, sandbox, _ in
            try await body(client, sandbox)
        }
    }

    @Test(arguments: [SandboxConfiguration.defaultStatuses, reviewStatuses])
    func aMoveLearnsTheStagesFromTheAccountOnce(statuses: [String]) async throws {
        try await withAccountTheClientLearns(statuses: statuses) { client, sandbox in
            #expect(await client.metadata.applicationStatuses().isEmpty)
            let ids = sandbox.applicationIDs(notInStatus: "Interview").prefix(2)
            for id in ids {
                let result = try await client.moveToStage(
                    StageMoveRequest(application: id.applicationID, to: "Interview"))
                #expect(result.state == .verified)
                #expect(sandbox.control.application(id: id)?.status == "Interview")
            }
            #expect(await client.metadata.loadCount(of: .applicationStatuses) == 1)
            #expect(Set(await client.metadata.applicationStatuses()) == Set(statuses))
        }
    }

    @Test func aStageInAnotherCaseIsTheAccountsSpelling() async throws {
        try await withAccountTheClientLearns(statuses: SandboxConfiguration.defaultStatuses) { client, sandbox in
            let id = try #require(sandbox.applicationIDs(withStatus: "New").first)
            let result = try await client.moveToStage(
                StageMoveRequest(application: id.applicationID, to: "phone interview"))
            #expect(result.stage.name == "Phone Interview")
            #expect(sandbox.control.application(id: id)?.status == "Phone Interview")
        }
    }

    @Test func anUnknownStageGetsDidYouMeanAndNothingIsSent() async throws {
        try await withAccountTheClientLearns { client, sandbox in
            let id = try #require(sandbox.applicationIDs(withStatus: "New").first)
            let error = try await #require(throws: ATSError.self) {
                try await client.moveToStage(StageMoveRequest(application: id.applicationID, to: "Intervew"))
            }
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("Did you mean 'Interview'?"))
            #expect(error.message.contains("nothing was sent"))
            #expect(error.message.contains("'Review'"))
            #expect(sandbox.requests("POST", "/actions").isEmpty)
            #expect(sandbox.control.application(id: id)?.status == "New")
        }
    }

    @Test func rejectingFindsTheStatusThatReadsLikeARejection() async throws {
        try await withAccountTheClientLearns { client, sandbox in
            let id = try #require(sandbox.applicationIDs(withStatus: "Review").first)
            let result = try await client.reject(id.applicationID, options: RejectionOptions(reason: "Filled"))
            #expect(result.outcome == .rejected)
            #expect(result.stage.name == "Rejected")
            #expect(sandbox.control.application(id: id)?.status == "Rejected")
            guard case .note(let noteID) = result.reason else {
                Issue.record("the reason was not kept as a note: \(result.reason)")
                return
            }
            #expect(sandbox.control.note(id: Int(noteID.rawValue) ?? 0)?.body == "Rejection reason: Filled")
        }
    }

    @Test func anApplicationAlreadyRejectedIsReportedAndNothingIsSent() async throws {
        try await withAccountTheClientLearns { client, sandbox in
            let id = try #require(sandbox.applicationIDs(withStatus: "Rejected").first)
            let result = try await client.reject(id.applicationID, options: RejectionOptions(reason: "Duplicate"))
            #expect(result.outcome == .alreadyRejected)
            #expect(result.state == .unchanged)
            #expect(sandbox.requests("POST", "/actions").isEmpty)
            #expect(sandbox.requests("POST", "/notes").isEmpty)
        }
    }

    @Test func aConfiguredStatusInAnotherCaseIsTheAccountsSpelling() async throws {
        try await withAccountTheClientLearns(rejectionStatus: "rejected") { client, sandbox in
            let id = try #require(sandbox.applicationIDs(withStatus: "Interview").first)
            let result = try await client.reject(id.applicationID)
            #expect(result.stage.name == "Rejected")
            #expect(sandbox.control.application(id: id)?.status == "Rejected")
        }
    }

    @Test func aMistypedConfiguredStatusGetsDidYouMeanBeforeAnythingIsWritten() async throws {
        try await withAccountTheClientLearns(rejectionStatus: "Rejectd") { client, sandbox in
            let id = try #require(sandbox.applicationIDs(withStatus: "Interview").first)
            let error = try await #require(throws: ATSError.self) {
                try await client.reject(id.applicationID, options: RejectionOptions(reason: "Filled"))
            }
            #expect(error.message.contains("Did you mean 'Rejected'?"))
            #expect(sandbox.requests("POST", "/actions").isEmpty)
            #expect(sandbox.requests("POST", "/notes").isEmpty)
        }
    }

    @Test(arguments: [
        (["New", "Review", "Interview", "Hired", "Closed"], "none of the account's statuses reads like one"),
        (["New", "Interview", "Rejected", "Candidate Declined"], "several of the account's statuses read like one"),
    ])
    func withoutARejectionStatusNothingIsWrittenAndTheErrorSaysHowToSetIt(statuses: [String], problem: String)
        async throws
    {
        try await withAccountTheClientLearns(statuses: statuses) { client, sandbox in
            let id = try #require(sandbox.applicationIDs(withStatus: "New").first)
            let single = try await #require(throws: ATSError.self) {
                try await client.reject(id.applicationID, options: RejectionOptions(reason: "Filled"))
            }
            let bulk = try await #require(throws: ATSError.self) {
                try await client.bulkReject(
                    BulkRejectionRequest(
                        applications: [id.applicationID], options: RejectionOptions(reason: "Filled")))
            }
            for error in [single, bulk] {
                #expect(error.code == .invalidInput)
                #expect(error.message.contains(problem))
                #expect(error.suggestion?.contains("--rejection-status") == true)
                #expect(error.suggestion?.contains("TRACKER_REJECTION_STATUS") == true)
            }
            #expect(sandbox.requests("POST", "/actions").isEmpty)
            #expect(sandbox.requests("POST", "/notes").isEmpty)
        }
    }

    @Test func aRejectionTrackerRefusesLeavesNoNoteAndSaysWhatWasSent() async throws {
        // Not close to any of the account's statuses, so it is sent as configured; Tracker runs the
        // action and fails it: the account has no such status.
        try await withAccountTheClientLearns(rejectionStatus: "Archived Forever") { client, sandbox in
            let id = try #require(sandbox.applicationIDs(withStatus: "Review").first)
            let error = try await #require(throws: ATSError.self) {
                try await client.reject(id.applicationID, options: RejectionOptions(reason: "Filled"))
            }
            #expect(error.message.contains(". Sent: set_app_status action"))
            #expect(error.suggestion?.contains("rejecting it again is safe") == true)
            #expect(error.message.contains("The reason note was not written."))
            #expect(sandbox.requests("POST", "/actions").count == 1)
            #expect(sandbox.requests("POST", "/notes").isEmpty)
            #expect(sandbox.control.application(id: id)?.status == "Review")
        }
    }

    @Test func bulkRejectUsesTheFoundStatusAndWritesNotesOnlyForRejections() async throws {
        try await withAccountTheClientLearns { client, sandbox in
            let already = try #require(sandbox.applicationIDs(withStatus: "Rejected").first)
            let targets = sandbox.applicationIDs(notInStatus: "Rejected").prefix(12).map(\.applicationID)
            let report = try await client.bulkReject(
                BulkRejectionRequest(
                    applications: targets + [already.applicationID],
                    options: RejectionOptions(reason: "Position closed")))
            #expect(report.count("rejected") == targets.count)
            #expect(report.count("already_rejected") == 1)
            for item in report.items where item.application != already.applicationID {
                let note = try #require(sandbox.control.note(id: Int(item.reasonNote?.rawValue ?? "") ?? 0))
                #expect(note.body == "Rejection reason: Position closed")
                #expect(sandbox.control.application(id: Int(item.application.rawValue) ?? 0)?.status == "Rejected")
            }
            #expect(sandbox.requests("POST", "/notes").count == targets.count)
        }
    }

    @Test func aBulkRejectionTrackerFailsWritesNoNotes() async throws {
        try await withAccountTheClientLearns(rejectionStatus: "Archived Forever") { client, sandbox in
            let targets = sandbox.applicationIDs(notInStatus: "Rejected").prefix(5).map(\.applicationID)
            let report = try await client.bulkReject(
                BulkRejectionRequest(applications: targets, options: RejectionOptions(reason: "Position closed")))
            #expect(report.count("failed") == targets.count)
            #expect(report.items.allSatisfy { $0.reasonNote == nil })
            #expect(report.items.allSatisfy { $0.outcome.failure?.hasSuffix("No reason note was written.") == true })
            #expect(sandbox.requests("POST", "/notes").isEmpty)
        }
    }
}
