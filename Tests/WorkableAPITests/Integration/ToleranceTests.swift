import Foundation
import Testing
import WorkableAPI
import WorkableSandbox

/// The client reads the alternatives the contract lists, and reports each once.
@Suite struct ToleranceTests {
    @Test func membersInTheOlderSingleRoleShapeStillGiveTheDefaultMember() async throws {
        try await withWorkableHarness({ $0.behavior.membersWithSingleRole = true }) { harness in
            let members = try await harness.api.account.members().collect()
            #expect(members.map(\.id.rawValue) == harness.control.members.filter(\.active).map(\.id))
            #expect(members.allSatisfy { $0.roles.count == 1 && $0.isActive == nil })
            #expect(try await harness.api.account.defaultMember().id == harness.admin)
            #expect(harness.api.serverObservations.contains { $0.kind == .memberSingleRole })
        }
    }

    @Test func aWriteAnswered202IsAcceptedAndReported() async throws {
        try await withWorkableHarness({ $0.behavior.writesAnswer202 = true }) { harness in
            let truth = try #require(harness.control.candidates.first { $0.stageSlug != "offer" })
            try await harness.api.candidates.move(WorkableCandidateID(truth.id), to: "offer", by: harness.admin)
            #expect(harness.control.candidates.first { $0.id == truth.id }?.stageSlug == "offer")
            #expect(harness.api.serverObservations.contains { $0.kind == .writeAccepted })
        }
    }

    @Test func jobAndActivityTimeFiltersAreStrict() async throws {
        try await withWorkableHarness { harness in
            let jobs = try await harness.api.jobs.list().collect()
            let pivot = try #require(jobs.dropFirst().first?.updatedAt)
            let later = try await harness.api.jobs.list(.init(updatedAfter: pivot)).collect()
            #expect(later.map(\.shortcode) == jobs.filter { ($0.updatedAt ?? pivot) > pivot }.map(\.shortcode))
            let created = try await harness.api.jobs.list(.init(createdAfter: pivot)).collect()
            #expect(created.allSatisfy { ($0.createdAt ?? pivot) > pivot })

            let truth = try #require(
                harness.control.candidates.first { harness.control.activities(of: $0.id).count > 1 })
            let id = WorkableCandidateID(truth.id)
            let all = try await harness.api.candidates.activities(id).collect()
            let bound = try #require(all.first?.updatedAt)
            let newer = try await harness.api.candidates.activities(id, updatedAfter: bound).collect()
            #expect(newer.map(\.id) == all.filter { ($0.updatedAt ?? bound) > bound }.map(\.id))
            #expect(!harness.api.serverObservations.contains { $0.kind == .timeFilterIgnored })
        }
    }
}
