import ATSCore
import ATSSync
import ATSTestSupport
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// The chaos suite's Tracker RMS part: seeded runs of a full and an incremental sync through
/// `TrackerRMSSyncSource` against a sandbox that fails 10% of requests with every fault it knows
/// (HTTP 5xx, HTML with 200 and 502, dropped connections, HTTP 200 with status 99) and changes the
/// account while it is read (background changes on the sandbox clock, which moves a fixed step
/// per page read, so a seed reproduces). After each run the mirror must equal the ground truth.
/// Quick: 3 runs of 120 placements; `ATSKIT_RELIABILITY=full`: 20 of 400 (`scripts/reliability chaos`).
@Suite struct RMSChaosTests {
    struct RunFigures {
        var faults = 0
        var status99 = 0
        var requests = 0
        var mutations = 0
        var comparison = RMSMirrorComparison()
        var stores: Set<String> = []
    }

    static let zones = [
        "America/Adak", "Pacific/Honolulu", "America/Chicago", "UTC", "Asia/Kolkata", "Pacific/Kiritimati",
    ]

    @Test func seededChaosRunsLoseNothingAndDuplicateNothing() async throws {
        let runs = ReliabilityRun.budget(quick: 3, full: 20)
        let placements = ReliabilityRun.budget(quick: 120, full: 400)
        let only = ProcessInfo.processInfo.environment["ATSKIT_CHAOS_RUN"].flatMap(Int.init)
        var totals = RunFigures()
        for run in 0..<runs where only == nil || only == run {
            let store: StoreKind = run % 2 == 1 && StoreKind.available.contains(.postgres) ? .postgres : .sqlite
            let figures = try await Self.chaosRun(
                run: run, store: store, zone: Self.zones[run % Self.zones.count],
                pageBase: RMSSandboxPageBase.allCases[run % RMSSandboxPageBase.allCases.count], placements: placements)
            totals.faults += figures.faults
            totals.status99 += figures.status99
            totals.requests += figures.requests
            totals.mutations += figures.mutations
            totals.comparison.compared += figures.comparison.compared
            totals.comparison.lost += figures.comparison.lost
            totals.comparison.extra += figures.comparison.extra
            totals.comparison.duplicates += figures.comparison.duplicates
            totals.comparison.wrongColumns += figures.comparison.wrongColumns
            totals.comparison.columnsCompared += figures.comparison.columnsCompared
            totals.stores.formUnion(figures.stores)
        }
        #expect(totals.faults > 0, "the sandbox injected faults")
        #expect(totals.mutations > 0, "the account changed while it was read")
        ReliabilityRun.publish(
            suite: "chaos (tracker-rms)",
            [
                "runs": runs, "placements_per_run": placements, "fault_rate": 0.10,
                "faults_injected": totals.faults, "status_99_replies": totals.status99, "requests": totals.requests,
                "mutations_during_sync": totals.mutations, "records_compared": totals.comparison.compared,
                "records_lost": totals.comparison.lost, "deleted_records_left_live": totals.comparison.extra,
                "duplicates": totals.comparison.duplicates,
                "records_with_a_wrong_column": totals.comparison.wrongColumns,
                "columns_compared": totals.comparison.columnsCompared, "stores": totals.stores.sorted(),
            ])
    }

    /// One seeded run: a full sync while the account changes under faults, then (changes stopped)
    /// an incremental sync under faults, compared; a deletion and a reconciling full scan, compared again.
    static func chaosRun(
        run: Int, store kind: StoreKind, zone: String, pageBase: RMSSandboxPageBase, placements: Int
    ) async throws -> RunFigures {
        var figures = RunFigures()
        let clock = RMSManualSandboxClock(start: rmsStart)
        var configuration = rmsSandbox(
            zone: zone, placements: placements,
            behavior: RMSSandboxBehavior(
                pageBase: pageBase, countMeaning: run % 2 == 0 ? .page : .total, faultRate: 0.10,
                faultKinds: RMSSandboxFault.allCases, mutationsPerHour: 240))
        configuration.seed = UInt64(9_100 + run)
        configuration.resourceCount = placements / 2
        configuration.clock = clock
        let label = "run \(run) (ATSKIT_CHAOS_RUN), \(kind), \(zone), \(pageBase)"
        try await kind.withStore { store in
            try await withRMSClient(configuration) { sandbox, client in
                let truth = sandbox.control
                let activitiesAtStart = truth.activities.count
                let account = "rms-chaos-\(run)-\(UUID().uuidString.prefix(8))"  // PostgreSQL keeps earlier runs
                let source = ClockAdvancingSource(
                    base: TrackerRMSSyncSource(client: client, account: account, pageSize: 25), clock: clock,
                    secondsPerPage: 60)
                func sync(full: Bool) async throws -> SyncRunReport {
                    try await SyncEngine(
                        source: source, store: store, planner: WindowPlanner(fullScanInterval: nil),
                        now: { clock.now() }
                    ).run(source.streams, fullScan: full)
                }
                clock.advance(seconds: 120)
                var reports = [try await sync(full: true)]
                truth.updateBehavior { $0.mutationsPerHour = 0 }
                clock.advance(seconds: 120)
                reports.append(try await sync(full: false))
                let afterIncremental = try await RMSMirrorComparison.of(
                    store, account: account, against: truth, deletionsSeen: false)
                #expect(afterIncremental.isExact, "\(label), after the incremental run: \(afterIncremental.examples)")

                if let gone = truth.placements.dropFirst(3).first?.id { truth.deletePlacement(gone) }
                clock.advance(seconds: 120)
                reports.append(try await sync(full: true))
                let afterFull = try await RMSMirrorComparison.of(
                    store, account: account, against: truth, deletionsSeen: true)
                #expect(afterFull.isExact, "\(label), after the full scan: \(afterFull.examples)")

                for report in reports {
                    #expect(report.streams.allSatisfy { $0.completed }, "\(label): every stream completed")
                }
                let log = truth.requestLog
                figures.requests = log.count
                figures.faults = log.count { $0.fault != nil }
                figures.status99 = log.count { $0.fault == .status99 }
                figures.mutations = truth.activities.count - activitiesAtStart + Self.changedRecords(truth)
                var comparison = afterIncremental
                comparison.compared += afterFull.compared
                comparison.lost += afterFull.lost
                comparison.extra += afterFull.extra
                comparison.duplicates += afterFull.duplicates
                comparison.wrongColumns += afterFull.wrongColumns
                comparison.columnsCompared += afterFull.columnsCompared
                figures.comparison = comparison
                figures.stores = [kind.rawValue]
            }
        }
        return figures
    }

    /// Placements and resources changed after the sandbox was seeded (their update time is past the start).
    static func changedRecords(_ truth: RMSSandboxControl) -> Int {
        let start = Int64(rmsStart.timeIntervalSince1970)
        return truth.placements.count { $0.updatedAt > start } + truth.resources.count { $0.updatedAt > start }
    }
}
