import ATSCore
import ATSSync
import ATSTestSupport
import Foundation
import Testing
import TrackerRMSATS
import TrackerRMSSandbox

/// A candidate row follows its resource's applications, deletions included: deleting a resource's
/// newest placement must not leave the mirror's candidate on the version that still had it.
@Suite struct CandidateConvergenceTests {
    @Test(arguments: StoreKind.available)
    func deletingTheNewestPlacementReachesTheCandidateRow(_ kind: StoreKind) async throws {
        let clock = RMSManualSandboxClock(start: rmsStart)
        var configuration = rmsSandbox(placements: 60)
        configuration.clock = clock
        try await kind.withStore { store in
            try await withRMSClient(configuration) { sandbox, client in
                let truth = sandbox.control
                let account = "rms-converge-\(UUID().uuidString.prefix(8))"
                let source = TrackerRMSSyncSource(client: client, account: account, pageSize: 20)
                func sync(full: Bool = false) async throws -> SyncRunReport {
                    try await SyncEngine(
                        source: source, store: store, planner: WindowPlanner(fullScanInterval: nil),
                        now: { clock.now() }
                    ).run(source.streams, fullScan: full)
                }
                let byResource = Dictionary(grouping: truth.placements, by: \.resourceID)
                let (resource, placements) = try #require(
                    byResource.filter { $0.value.count >= 2 }.min { $0.key < $1.key })
                let older = placements[0].id
                let newest = placements[1].id
                clock.advance(seconds: 120)
                _ = try await sync(full: true)

                // Two of the resource's placements move, the second last; the resource itself does not change.
                clock.advance(seconds: 60)
                truth.setPlacementStatus(older, to: try otherStatus(of: older, truth))
                clock.advance(seconds: 10)
                truth.setPlacementStatus(newest, to: try otherStatus(of: newest, truth))
                clock.advance(seconds: 120)
                _ = try await sync()
                try await expectCandidate(resource, in: store, account: account, equals: truth, "before the deletion")

                // The newest placement is deleted; the older one's change is still inside the next
                // window, so the incremental run reads the resource again.
                truth.deletePlacement(newest)
                clock.advance(seconds: 60)
                let incremental = try await sync()
                let candidates = try #require(incremental.streams.first { $0.stream == .candidates })
                #expect(candidates.isIncremental)
                #expect(candidates.outcome.changed >= 1, "the candidate's new application list was stored")
                try await expectCandidate(
                    resource, in: store, account: account, equals: truth, "after the incremental run")

                clock.advance(seconds: 120)
                _ = try await sync(full: true)
                try await expectCandidate(resource, in: store, account: account, equals: truth, "after a full scan")
                let applications = try await store.storedRows(of: .applications, account: account)
                #expect(applications.first { $0.id == String(newest) }?.deletedAt != nil)
            }
        }
    }

    /// A status other than the placement's current one.
    private func otherStatus(of placement: Int, _ truth: RMSSandboxControl) throws -> Int {
        let current = truth.placements.first { $0.id == placement }?.statusID
        return try #require(truth.placementStatuses.first { $0.id != current }).id
    }

    /// The stored candidate has the resource's own update time and exactly its live placements.
    private func expectCandidate(
        _ resource: Int, in store: any SyncStore, account: String, equals truth: RMSSandboxControl,
        _ moment: String
    ) async throws {
        let rows = try await store.storedRows(of: .candidates, account: account).filter { $0.deletedAt == nil }
        let row = try #require(rows.first { $0.id == String(resource) }, "candidate \(resource) \(moment)")
        let truthResource = try #require(truth.resources.first { $0.id == resource })
        #expect(row.updatedAt == instant(truthResource.updatedAt), "updated_at \(moment)")
        let raw = try #require(
            try JSONSerialization.jsonObject(with: Data(row.raw.utf8)) as? [String: Any], "raw JSON \(moment)")
        let stored = raw["application_ids"] as? [String]
        let live = truth.placements.filter { $0.resourceID == resource }.map(\.id).sorted().map(String.init)
        #expect(stored == live, "application_ids \(moment)")
    }
}
