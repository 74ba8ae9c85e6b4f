import ATSCore
import Foundation
import Testing
import WorkableAPI
import WorkableATS
import WorkableSandbox

@Suite struct BulkRejectTests {
    @Test func eachApplicationHasAnOutcomeAndAResumedRunActsOnNothingTwice() async throws {
        try await withWorkableClient(people: 20) { harness in
            let open = harness.control.candidates.filter { !$0.isDisqualified }.prefix(6).map { ApplicationID($0.id) }
            let already = try #require(harness.control.candidates.first { $0.isDisqualified })
            let journal = InMemoryBulkRejectionJournal()
            let ids = Array(open) + [ApplicationID(already.id), "missing-1", open[0]]
            let report = try await harness.client.bulkReject(
                BulkRejectionRequest(
                    applications: ids, options: RejectionOptions(reason: "Position filled"), maximumConcurrency: 3,
                    journal: journal))
            #expect(report.items.count == 8)
            #expect(report.count("rejected") == 6)
            #expect(report.count("already_rejected") == 1)
            #expect(report.count("not_found") == 1)
            for id in open {
                #expect(
                    harness.control.candidates.first { $0.id == id.rawValue }?.disqualificationReason
                        == "Position filled")
            }
            let disqualifications = harness.apiRequests.filter { $0.path.hasSuffix("/disqualify") }.count
            #expect(disqualifications == 6)

            let rerun = try await harness.client.bulkReject(BulkRejectionRequest(applications: ids, journal: journal))
            #expect(rerun.items.filter(\.isFromJournal).count == 8)
            #expect(harness.apiRequests.filter { $0.path.hasSuffix("/disqualify") }.count == disqualifications)
        }
    }

    @Test func anIntentWithoutResultIsReadBeforeAnythingIsSent() async throws {
        try await withWorkableClient(people: 10) { harness in
            let truth = try #require(harness.control.candidates.first { !$0.isDisqualified })
            let id = ApplicationID(truth.id)
            // An earlier run journaled its intent, sent the disqualification, and was killed.
            let journal = InMemoryBulkRejectionJournal()
            await journal.record(BulkRejectionJournalEntry(application: id, step: .intent))
            try await harness.api.candidates.disqualify(
                WorkableCandidateID(truth.id), by: WorkableMemberID(harness.admin))
            harness.control.clearRequestLog()
            let report = try await harness.client.bulkReject(BulkRejectionRequest(applications: [id], journal: journal))
            #expect(report.items.first?.outcome == .rejected)
            #expect(!harness.apiRequests.contains { $0.path.hasSuffix("/disqualify") })
        }
    }

    @Test func aLostAnswerIsSettledFromTheRecord() async throws {
        try await withWorkableClient(people: 10) { harness in
            let targets = harness.control.candidates.filter { !$0.isDisqualified }.prefix(3).map {
                ApplicationID($0.id)
            }
            harness.control.inject([.droppedConnection], pathSuffix: "/disqualify")
            let report = try await harness.client.bulkReject(BulkRejectionRequest(applications: Array(targets)))
            #expect(report.count("rejected") == 3)
            #expect(harness.apiRequests.filter { $0.path.hasSuffix("/disqualify") }.count == 3)
        }
    }
}
