import ATSCore
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// Stages, moves, rejections, applications, notes, files and custom fields against the sandbox.
@Suite struct WriteTests {
    @Test func stagesComeFromTheAccountsSettingsAndMovesUseTheirIds() async throws {
        try await withRMSClient { sandbox, client in
            let truth = sandbox.control
            let stages = try await client.allApplicationStages()
            #expect(stages.map(\.name) == truth.placementStatuses.map(\.name))
            #expect(stages.map(\.id.rawValue) == truth.placementStatuses.map { String($0.id) })
            let placement = try #require(truth.placements.first { $0.statusID != 5 })
            let id = ApplicationID(String(placement.id))
            let moved = try await client.moveToStage(.init(application: id, to: "entrevista CON cliente"))
            #expect(moved.state == .verified)
            #expect(moved.stage.id == "5")
            #expect(truth.placements.first { $0.id == placement.id }?.statusID == 5)
            let again = try await client.moveToStage(.init(application: id, to: "5"))
            #expect(again.state == .unchanged)
            let updates = truth.count("updateRecord")
            let unknown = try await #require(throws: ATSError.self) {
                try await client.moveToStage(.init(application: id, to: "Hired"))
            }
            #expect(unknown.code == .invalidInput)
            #expect(unknown.message.contains("\"Offer Made\" (6)"), "lists the statuses that exist")
            let conflict = try await #require(throws: ATSError.self) {
                try await client.moveToStage(.init(application: id, to: "Working", onlyFromStage: "Applied"))
            }
            #expect(conflict.code == .conflict)
            #expect(truth.count("updateRecord") == updates, "nothing sent for a refused move")
        }
    }

    @Test func rejectionUsesTheConfiguredStatusAndRecognisesRejectedApplications() async throws {
        try await withRMSClient { sandbox, client in
            let truth = sandbox.control
            let placement = try #require(
                truth.placements.first { truth.group(ofPlacementStatus: $0.statusID) == "Applied" })
            let id = ApplicationID(String(placement.id))
            let result = try await client.reject(id, options: .init(reason: "Not eligible to work here"))
            #expect(result.outcome == .rejected)
            #expect(result.stage.name == "Unsuccessful")
            guard case .note(let note) = result.reason else {
                Issue.record("reason note")
                return
            }
            #expect(truth.activities.contains { String($0.id) == note.rawValue && $0.placementID == placement.id })
            let second = try await client.reject(id, options: .init())
            #expect(second.outcome == .alreadyRejected)
            let notes = try await client.notes(ofApplication: id)
            #expect(notes.contains { $0.body == "Rejection reason: Not eligible to work here" })
        }
        try await withRMSClient(settings: .init(rejectionStatus: "withdrawn", placementListing: .complete)) {
            sandbox, client in
            let placement = try #require(sandbox.control.placements.first { $0.statusID != 10 })
            let result = try await client.reject(ApplicationID(String(placement.id)), options: .init())
            #expect(result.stage.name == "Withdrawn")
        }
        try await withRMSClient(settings: .init(rejectionStatus: "Declined", placementListing: .complete)) {
            sandbox, client in
            let error = try await #require(throws: ATSError.self) {
                try await client.reject(ApplicationID(String(sandbox.control.placements[0].id)), options: .init())
            }
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("\"Declined\""))
            #expect(error.message.contains("\"Unsuccessful\" (9)"), "names the statuses that exist")
            #expect(sandbox.control.count("updateRecord") == 0)
        }
    }

    @Test func bulkRejectionIsJournaledAndResumesWithoutActingTwice() async throws {
        try await withRMSClient { sandbox, client in
            let truth = sandbox.control
            let open = truth.placements.filter { truth.group(ofPlacementStatus: $0.statusID) != "Unsuccessful" }
            let rejected = try #require(truth.placements.first { $0.statusID == 9 })
            let ids =
                open.prefix(6).map { ApplicationID(String($0.id)) } + [ApplicationID(String(rejected.id)), "999999"]
            let journal = InMemoryBulkRejectionJournal()
            let report = try await client.bulkReject(
                .init(applications: ids + [ids[0]], maximumConcurrency: 3, journal: journal))
            #expect(report.items.count == 8)
            #expect(report.count("rejected") == 6)
            #expect(report.count("already_rejected") == 1)
            #expect(report.count("not_found") == 1)
            #expect(open.prefix(6).allSatisfy { p in truth.placements.first { $0.id == p.id }?.statusID == 9 })
            let updates = truth.count("updateRecord")
            let resumed = try await client.bulkReject(.init(applications: ids, journal: journal))
            #expect(resumed.items.filter(\.isFromJournal).count == 8)
            #expect(truth.count("updateRecord") == updates, "a resumed run sends nothing twice")
        }
    }

    @Test func aResumedRunReadsBackWhatWasInDoubtBeforeSending() async throws {
        try await withRMSClient { sandbox, client in
            let truth = sandbox.control
            let open = truth.placements.filter { truth.group(ofPlacementStatus: $0.statusID) == "Applied" }.prefix(2)
            let (landed, lost) = (try #require(open.first), try #require(open.last))
            let journal = InMemoryBulkRejectionJournal()
            // An earlier run was killed after sending both: one move landed, the other did not.
            for placement in [landed, lost] {
                await journal.record(.init(application: ApplicationID(String(placement.id)), step: .intent))
            }
            truth.setPlacementStatus(landed.id, to: 9)
            let report = try await client.bulkReject(
                .init(
                    applications: [landed, lost].map { ApplicationID(String($0.id)) },
                    options: .init(reason: "Role filled"), journal: journal))
            #expect(report.items.map(\.outcome) == [.rejected, .rejected], "the landed one is not already-rejected")
            #expect(truth.count("updateRecord") == 1, "only the lost move is sent")
            let notes = truth.activities.filter { $0.note == "Rejection reason: Role filled" }
            #expect(notes.count == 2, "one reason note each")
            let again = try await client.bulkReject(
                .init(applications: [landed, lost].map { ApplicationID(String($0.id)) }, journal: journal))
            #expect(again.items.allSatisfy { $0.isFromJournal })
            #expect(truth.activities.count { $0.note == "Rejection reason: Role filled" } == 2)
        }
    }

    @Test func creatingAnApplicationNeverDuplicatesTheResource() async throws {
        try await withRMSClient { sandbox, client in
            let truth = sandbox.control
            let job = try #require(truth.opportunities.last)
            let existing = try #require(truth.resources.first)
            let before = truth.resources.count
            let first = try await client.createApplication(
                .init(
                    job: JobID(String(job.id)),
                    applicant: .details(
                        .init(
                            firstName: existing.firstName, lastName: existing.lastName,
                            email: " \(existing.email.uppercased()) ")),
                    source: "ATSKit"))
            #expect(first.application.candidateID.rawValue == String(existing.id), "found by normalised e-mail")
            #expect(truth.resources.count == before)
            let again = try await client.createApplication(
                .init(job: JobID(String(job.id)), applicant: .candidate(CandidateID(String(existing.id)))))
            #expect(!again.wasCreated)
            #expect(again.application.id == first.application.id)
            // A new person whose create answer is lost: the wire library repeats it safely and the
            // server's e-mail match answers with the one resource.
            truth.scriptFaults([.droppedConnection], onOperation: "createResource")
            let fresh = try await client.createApplication(
                .init(
                    job: JobID(String(job.id)),
                    applicant: .details(.init(firstName: "Ada", lastName: "Quill", email: "ada.quill@new.example"))))
            #expect(fresh.wasCreated)
            #expect(truth.resources.count { $0.email == "ada.quill@new.example" } == 1)
            #expect(fresh.application.stage?.name == "Applied", "the account's default first status")
            let missing = try await #require(throws: ATSError.self) {
                try await client.createApplication(
                    .init(job: JobID(String(job.id)), applicant: .details(.init(firstName: "No", email: "x@y.example")))
                )
            }
            #expect(missing.code == .invalidInput)
            #expect(missing.message.contains("last name"))
        }
    }

    @Test func notesFilesAndCustomFields() async throws {
        try await withRMSClient { sandbox, client in
            let truth = sandbox.control
            let placement = try #require(truth.placements.first)
            let id = ApplicationID(String(placement.id))
            let note = try await client.addNote(
                .init("<p>Called &amp; confirmed <b>Monday</b></p>", format: .html), toApplication: id)
            #expect(note.body == "Called & confirmed Monday")
            #expect(truth.activities.contains { String($0.id) == note.id.rawValue && $0.note == note.body })
            let read = try await client.notes(ofApplication: id)
            #expect(read.contains { $0.id == note.id && $0.body == note.body })
            let candidateNotes = try await client.addNote(
                .init("Plain"), toCandidate: CandidateID(String(placement.resourceID)), scope: .allApplications)
            #expect(candidateNotes.count == truth.placements.count { $0.resourceID == placement.resourceID })

            let bytes = Data("%PDF-1.4 cv".utf8)
            let uploaded = try await client.uploadAttachment(
                .init(filename: "cv.pdf", kind: .resume, source: .bytes(bytes)), to: id)
            let stored = try #require(truth.documents.first { String($0.id) == uploaded.id.rawValue })
            #expect(stored.recordID == placement.resourceID && stored.data == Array(bytes))
            let listed = try await client.attachments(ofApplication: id)
            let file = try #require(listed.first { $0.id == uploaded.id })
            var downloaded: [UInt8] = []
            for try await chunk in try await client.download(file).body { downloaded.append(contentsOf: chunk) }
            #expect(downloaded == Array(bytes))
            let tooLarge = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(
                    .init(filename: "big.pdf", source: .bytes(Data(count: RMSNewDocument.maximumBytes + 1))), to: id)
            }
            #expect(tooLarge.code == .invalidInput)
            await #expect(throws: ATSError.self) { try await client.deleteAttachment(uploaded.id) }

            let definitions = try await client.customFieldDefinitions(for: .candidate)
            #expect(
                definitions.map(\.name) == [
                    "Visa Status", "Expected Hourly Rate", "Available From", "Willing to Relocate",
                ])
            #expect(definitions.first?.type == .singleSelect(options: ["Citizen", "Permanent Resident", "Work Visa"]))
            let candidate = CandidateID(String(placement.resourceID))
            let after = try await client.setCustomFields(
                [
                    "Visa Status": .text("work visa"), "Expected Hourly Rate": .integer(42),
                    "Willing to Relocate": .boolean(true),
                ],
                ofCandidate: candidate)
            #expect(after.first { $0.name == "Visa Status" }?.value == .text("Work Visa"))
            #expect(after.first { $0.name == "Expected Hourly Rate" }?.value == .integer(42))
            #expect(after.first { $0.name == "Willing to Relocate" }?.value == .boolean(true))
            let refused = try await #require(throws: ATSError.self) {
                try await client.setCustomFields(
                    ["Visa Status": .text("Tourist"), "Shoe Size": .integer(9)], ofCandidate: candidate)
            }
            #expect(refused.message.contains("\"Shoe Size\" is not a candidate field"))
            #expect(refused.message.contains("one of \"Citizen\""))
        }
    }

    @Test func withoutARESTTokenFilesAreATypedRefusal() async throws {
        try await withRMSClient(restToken: false) { sandbox, client in
            let id = ApplicationID(String(sandbox.control.placements[0].id))
            let error = try await #require(throws: ATSError.self) { try await client.attachments(ofApplication: id) }
            #expect(error.code == .notSupported)
            #expect(error.reason?.contains("REST") == true)
            #expect(!client.capabilities.support(for: .downloadAttachment).isAvailable)
        }
    }
}
