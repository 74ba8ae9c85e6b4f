import ATSTestSupport
import ATSSync
import Foundation
import Testing
import WorkableSandbox
import WorkableSync

/// Seeded Workable syncs under 20% faults of every kind the sandbox has (5xx, an HTML 502, a dropped
/// connection, 429 storms) while the account changes in the background on the sandbox's own
/// clock, so that a seed replays the same run. After the faults stop, one incremental sync must
/// leave the mirror equal to the sandbox on every field it keeps: nothing lost, nothing twice,
/// nothing stale. Runs alternate SQLite and PostgreSQL (when `ATSKIT_POSTGRES_URL` is set).
/// Quick: 3 seeds; `ATSKIT_RELIABILITY=full`: 20 (`scripts/reliability chaos`).
@Suite struct WorkableChaosSyncTests {
    /// The stores the runs alternate between.
    static var stores: [StoreKind] {
        StoreKind.available.contains(.postgres) ? [.sqlite, .postgres] : [.sqlite]
    }

    @Test func seededSyncsUnderFaultsAndBackgroundChangesEndWithTheSandboxsTruth() async throws {
        let runs = WorkableReliability.budget(quick: 3, full: 20)
        var totals = ChaosTotals()
        for seed in 0..<runs {
            let kind = Self.stores[seed % Self.stores.count]
            totals.stores.insert(kind.rawValue)
            try await kind.withStore { store in
                try await withWorkableMirror(
                    store: store, people: 80, pageSize: 10, sourcePageSize: 10,
                    configure: { configuration in
                        configuration.seed = UInt64(1_000 + seed)
                        configuration.behavior.faultRate = 0.2
                        configuration.behavior.faultKinds = WorkableSandboxFault.allCases
                        configuration.behavior.mutationInterval = .seconds(5)
                        configuration.behavior.mutationsPerInterval = 2
                    }
                ) { harness in
                    do {
                        let report = try await harness.engine(harness.source).run(WorkableSyncSource.recordStreams)
                        if !report.streams.allSatisfy({ $0.completed }) { totals.incompleteChaosRuns += 1 }
                    } catch {
                        // A run that gives up under faults is allowed; the mirror must still converge.
                        totals.failedChaosRuns += 1
                    }
                    totals.faults += harness.control.requests.count { $0.fault != nil }
                    totals.requests += harness.control.requests.count
                    // Quiet account, no faults: one incremental sync catches up.
                    harness.control.update {
                        $0.faultRate = 0
                        $0.mutationInterval = nil
                    }
                    totals.mutations += harness.control.mutationsApplied
                    harness.clock.advance(by: .seconds(120))
                    _ = try await harness.engine(harness.source).run(WorkableSyncSource.recordStreams)
                    let audit = try await WorkableMirrorAudit.audit(
                        store: store, account: harness.account, truth: harness.control.candidates,
                        updatedAtSlack: kind == .sqlite ? 1 : 0)
                    totals.add(audit)
                    #expect(audit.isExact, "seed \(seed) on \(kind): \(audit.examples)")
                }
            }
        }
        #expect(totals.faults > 0, "the runs met faults")
        WorkableReliability.publish(
            suite: "workable-chaos",
            [
                "runs": runs, "stores": totals.stores.sorted(), "requests": totals.requests,
                "faults_injected": totals.faults, "background_changes": totals.mutations,
                "applications_compared": totals.compared, "lost": totals.lost, "duplicated": totals.duplicated,
                "differing": totals.differing, "extra": totals.extra, "chaos_runs_given_up": totals.failedChaosRuns,
                "chaos_runs_incomplete": totals.incompleteChaosRuns,
            ])
    }

}

/// A Workable sync killed mid-run, then resumed (`scripts/reliability crash`). Quick: 3 kill
/// points; `ATSKIT_RELIABILITY=full`: 12.
@Suite struct WorkableCrashResumeTests {
    /// A sync process dies after its n-th page of a stream (every n up to the budget) while the
    /// account keeps changing, and the next run resumes: the mirror ends equal to the truth. At the
    /// library level (the source stops as a killed process would); the SIGKILL of the `ats sync`
    /// executable is Tracker's crash suite.
    @Test func aSyncKilledAfterEachPageAndResumedEndsWithTheSandboxsTruth() async throws {
        let kills = WorkableReliability.budget(quick: 3, full: 12)
        var totals = ChaosTotals()
        for page in 1...kills {
            let kind = WorkableChaosSyncTests.stores[page % WorkableChaosSyncTests.stores.count]
            totals.stores.insert(kind.rawValue)
            try await kind.withStore { store in
                try await withWorkableMirror(store: store, people: 60, pageSize: 10, sourcePageSize: 10) { harness in
                    let killed = KilledAfter(base: harness.source, pages: page)
                    await #expect(throws: KilledAfter<WorkableSyncSource>.Killed.self) {
                        try await harness.engine(killed).run(WorkableSyncSource.recordStreams)
                    }
                    harness.control.mutate(count: 5)
                    totals.mutations += 5
                    harness.clock.advance(by: .seconds(60))
                    let resumed = try await harness.engine(harness.source).run(WorkableSyncSource.recordStreams)
                    #expect(resumed.streams.allSatisfy { $0.completed })
                    let audit = try await WorkableMirrorAudit.audit(
                        store: store, account: harness.account, truth: harness.control.candidates,
                        updatedAtSlack: kind == .sqlite ? 1 : 0)
                    totals.add(audit)
                    #expect(audit.isExact, "killed after page \(page) on \(kind): \(audit.examples)")
                }
            }
        }
        WorkableReliability.publish(
            suite: "workable-crash",
            [
                "kills": kills, "resumes": kills, "stores": totals.stores.sorted(),
                "background_changes": totals.mutations, "applications_compared": totals.compared,
                "lost": totals.lost, "duplicated": totals.duplicated, "differing": totals.differing,
                "extra": totals.extra,
            ])
    }
}

/// The sums over a suite's runs.
private struct ChaosTotals {
    var stores: Set<String> = []
    var requests = 0
    var faults = 0
    var mutations = 0
    var compared = 0
    var lost = 0
    var duplicated = 0
    var differing = 0
    var extra = 0
    var failedChaosRuns = 0
    var incompleteChaosRuns = 0

    mutating func add(_ audit: WorkableMirrorAudit) {
        compared += audit.compared
        lost += audit.lost
        duplicated += audit.duplicated
        differing += audit.differing
        extra += audit.extra
    }
}
