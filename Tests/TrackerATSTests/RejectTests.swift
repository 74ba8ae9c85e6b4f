import ATSCore
import Foundation
import Testing
import TrackerATS
import TrackerSandbox

@Suite struct RejectTests {
    @Test func aReasonIsKeptAsANoteAndTheResultSaysSo() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "Interview").first)
            let result = try await client.reject(
                id.applicationID, options: RejectionOptions(reason: "Role filled internally"))
            #expect(result.outcome == .rejected)
            #expect(result.state == .verified)
            #expect(result.stage.name == "Not Selected")
            guard case .note(let noteID) = result.reason else {
                Issue.record("the reason was not kept as a note: \(result.reason)")
                return
            }
            let note = try #require(sandbox.control.note(id: Int(noteID.rawValue) ?? 0))
            #expect(note.applicationID == id)
            #expect(note.body == "Rejection reason: Role filled internally")
            #expect(sandbox.control.application(id: id)?.status == "Not Selected")
        }
    }

    @Test func aReasonWithoutANoteIsReportedAsNotRecorded() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "New").first)
            let notesBefore = sandbox.control.noteCount
            let result = try await client.reject(
                id.applicationID, options: RejectionOptions(reason: "Too junior", recordsReasonAsNote: false))
            guard case .notRecorded(let why) = result.reason else {
                Issue.record("expected notRecorded, got \(result.reason)")
                return
            }
            #expect(why.contains("no rejection reasons"))
            #expect(sandbox.control.noteCount == notesBefore)
        }
    }

    @Test func archivingSendsASecondActionAndIsVerified() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let id = try #require(
                sandbox.control.applications().first { $0.status == "Screening" && !$0.archived }?.id)
            let result = try await client.reject(id.applicationID, options: RejectionOptions(archives: true))
            #expect(result.references.count == 2)
            #expect(result.isArchived)
            #expect(result.state == .verified)
            #expect(sandbox.control.application(id: id)?.archived == true)
        }
    }

    @Test func anAlreadyRejectedApplicationIsLeftAlone() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "Not Selected").first)
            let result = try await client.reject(id.applicationID, options: RejectionOptions(reason: "Duplicate"))
            #expect(result.outcome == .alreadyRejected)
            #expect(result.state == .unchanged)
            #expect(sandbox.requests("POST", "/actions").isEmpty)
            #expect(sandbox.requests("POST", "/notes").isEmpty)
        }
    }

    @Test func theConfiguredRejectionStatusIsUsed() async throws {
        var writes = testWriteSettings
        writes.rejectionStatus = "Hired"
        try await withWriteSandbox(writes: writes) { client, sandbox, _ in
            let id = try #require(sandbox.applicationIDs(withStatus: "Offer").first)
            _ = try await client.reject(id.applicationID, options: RejectionOptions())
            #expect(sandbox.control.application(id: id)?.status == "Hired")
        }
    }

    @Test func aMissingApplicationIsNotFound() async throws {
        try await withWriteSandbox { client, _, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.reject("999999", options: RejectionOptions())
            }
            #expect(error.code == .notFound)
        }
    }
}
