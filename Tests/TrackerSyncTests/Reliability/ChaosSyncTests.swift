import ATSSync
import ATSTestSupport
import Foundation
import Testing
import TrackerSandbox

/// The chaos suite: seeded runs of a full and an incremental sync against a sandbox that fails 10%
/// of requests with every fault it knows, rate-limits, jitters its latency and changes the account
/// while it is read (the sandbox's mutation rate, on the sandbox clock that the client's waits move). After each run
/// the mirror must equal the ground truth: nothing lost, nothing twice. Quick: 3 runs; `ATSKIT_RELIABILITY=full`: 20 (`scripts/reliability chaos`).
@Suite struct ChaosSyncTests {
    /// What one run did and found.
    struct RunFigures {
        var faults = 0
        var rateLimited = 0
        var retries = 0
        var mutations = 0
        var compared = 0
        var lost = 0
        var extra = 0
        var duplicates = 0
        var wrongCandidates = 0
        var ambiguousTimes = 0
        var wrongColumns = 0
        var columnsCompared = 0
        var brokenHistories = 0
        var stores: Set<String> = []

        mutating func add(_ other: RunFigures) {
            wrongColumns += other.wrongColumns
            columnsCompared += other.columnsCompared
            brokenHistories += other.brokenHistories
            stores.formUnion(other.stores)
            faults += other.faults
            rateLimited += other.rateLimited
            retries += other.retries
            mutations += other.mutations
            compared += other.compared
            lost += other.lost
            extra += other.extra
            duplicates += other.duplicates
            wrongCandidates += other.wrongCandidates
            ambiguousTimes += other.ambiguousTimes
        }
    }

    /// Account changes per second of sandbox time during the first sync (the sandbox's
    /// `mutationRate`; its clock moves as the client waits, by a backoff or a `Retry-After`), 15 by default: about as many changes per full-budget run as the wall-clock mutation mode
    /// made before (9,442 over 20 runs). `ATSKIT_CHAOS_MUTATIONS_PER_SECOND` sets another rate.
    static let mutationsPerSecond =
        ProcessInfo.processInfo.environment["ATSKIT_CHAOS_MUTATIONS_PER_SECOND"].flatMap(Double.init) ?? 15

    /// Zones spread from UTC−10 to UTC+14, half-hour ones included, one per run in turn.
    static let zones = [
        "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Chicago", "America/St_Johns",
        "UTC", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Adelaide", "Pacific/Chatham",
        "Pacific/Kiritimati",
    ]

    @Test func seededChaosRunsLoseNothingAndDuplicateNothing() async throws {
        let runs = ReliabilityRun.budget(quick: 3, full: 20)
        let applications = ReliabilityRun.budget(quick: 250, full: 600)
        var totals = RunFigures()
        // ATSKIT_CHAOS_RUN=N repeats one run (as its failure message names it).
        let only = ProcessInfo.processInfo.environment["ATSKIT_CHAOS_RUN"].flatMap(Int.init)
        for run in 0..<runs where only == nil || only == run {
            let usePostgres = run % 2 == 1 && StoreKind.available.contains(.postgres)
            let figures = try await Self.chaosRun(
                seed: UInt64(7_000 + run), store: usePostgres ? .postgres : .sqlite,
                zone: Self.zones[run % Self.zones.count], mode: run % 3 == 2 ? .utc : .naiveLocal,
                applications: applications)
            totals.add(figures)
        }
        #expect(totals.faults > 0, "the sandbox injected faults")
        #expect(totals.mutations > 0, "the account changed while it was read")
        ReliabilityRun.publish(
            suite: "chaos",
            [
                "runs": runs, "applications_per_run": applications, "fault_rate": 0.10,
                "faults_injected": totals.faults, "rate_limited_429": totals.rateLimited, "retries": totals.retries,
                "mutations_during_sync": totals.mutations, "records_compared": totals.compared,
                "records_lost": totals.lost, "deleted_records_left_live": totals.extra,
                "duplicates": totals.duplicates, "wrong_candidates": totals.wrongCandidates,
                "naive_times_in_a_repeated_hour": totals.ambiguousTimes,
                "mutations_per_second_waited": Self.mutationsPerSecond,
                "records_with_a_wrong_column": totals.wrongColumns, "columns_compared": totals.columnsCompared,
                "broken_stage_histories": totals.brokenHistories, "stores": totals.stores.sorted(),
            ])
    }

    /// One seeded run: a full sync while the account changes under faults, then (changes stopped)
    /// an incremental sync under faults, compared; then a reconciling full scan, compared again.
    static func chaosRun(
        seed: UInt64, store: StoreKind, zone: String, mode: SandboxTimestampMode, applications: Int
    ) async throws -> RunFigures {
        var figures = RunFigures()
        try await withMirror(
            store, applications: applications, zone: zone, mode: mode, pageSize: 25,
            configure: { configuration in
                configuration.seed = seed
                configuration.behavior.faultRate = 0.10
                configuration.behavior.faultKinds = SandboxFault.allCases
                configuration.behavior.rateLimit = 30
                configuration.behavior.latencyJitter = .milliseconds(8)
            }
        ) { harness in
            let control = harness.sandbox.control
            let naiveZone = mode == .naiveLocal ? TimeZone(identifier: zone) : nil
            // The account changes while the first sync reads it, as the sandbox clock moves: the
            // seed decides each change, the clock how many (MutationTests.backgroundChangesFollowTheSeedAndTheClock).
            try control.updateBehavior { $0.mutationRate = Self.mutationsPerSecond }
            var reports = [try await harness.sync(full: true)]
            try control.updateBehavior { $0.mutationRate = 0 }
            figures.mutations = control.mutationCount
            harness.clock.advance(by: .seconds(120))
            reports.append(try await harness.sync())
            let afterIncremental = try await MirrorComparison.of(
                harness.store, account: harness.account, against: control, deletionsSeen: false, naiveZone: naiveZone)
            #expect(
                afterIncremental.isExact,
                "run \(seed - 7_000) (ATSKIT_CHAOS_RUN), \(store), \(zone), \(mode), after the incremental run: \(afterIncremental.examples)"
            )

            harness.clock.advance(by: .seconds(120))
            reports.append(try await harness.sync(full: true))
            let afterFull = try await MirrorComparison.of(
                harness.store, account: harness.account, against: control, deletionsSeen: true, naiveZone: naiveZone)
            #expect(
                afterFull.isExact,
                "run \(seed - 7_000) (ATSKIT_CHAOS_RUN), \(store), \(zone), \(mode), after the full scan: \(afterFull.examples)"
            )

            for report in reports {
                #expect(report.streams.allSatisfy { $0.completed }, "seed \(seed): every stream completed")
                for stream in report.streams { figures.retries += stream.traffic.retries }
            }
            let log = control.requestLog()
            figures.faults = log.filter { $0.fault != nil }.count
            figures.rateLimited = log.filter { $0.status == 429 }.count
            figures.compared = afterIncremental.compared + afterFull.compared
            figures.lost = afterIncremental.lost + afterFull.lost
            figures.extra = afterFull.extra
            figures.duplicates = afterIncremental.duplicates + afterFull.duplicates
            figures.wrongCandidates = afterFull.wrongCandidates
            figures.ambiguousTimes = afterFull.ambiguousTimes
            figures.wrongColumns = afterIncremental.wrongColumns + afterFull.wrongColumns
            figures.columnsCompared = afterIncremental.columnsCompared + afterFull.columnsCompared
            figures.brokenHistories = afterIncremental.brokenHistories + afterFull.brokenHistories
            figures.stores = [store.rawValue]
        }
        return figures
    }
}
