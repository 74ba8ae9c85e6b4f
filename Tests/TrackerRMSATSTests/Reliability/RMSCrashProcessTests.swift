import ATSCore
import ATSSync
import ATSTestSupport
import Foundation
import Testing
import TrackerRMSATS
import TrackerRMSSandbox

/// The crash suite's Tracker RMS part: the built `ats sync --provider tracker-rms` is killed with
/// SIGKILL at seeded moments (once the sandbox has answered 1–12 more requests) and run again each
/// time, through a first sync, an incremental sync after the account changed and a reconciling
/// full scan after placements were deleted. After each phase's run that was not killed, the mirror
/// must equal the sandbox's ground truth: nothing lost, nothing twice, no wrong column, nothing
/// deleted left live. The account is unlike the defaults: Pacific/Honolulu, 1-based pages whose
/// page 0 answers status 99, `count` as the total, pages capped at 40 records.
/// Quick: 4 kills per store; `ATSKIT_RELIABILITY=full`: 25 (`scripts/reliability crash`).
@Suite struct RMSCrashProcessTests {
    /// What the kills and the comparisons counted.
    struct Figures {
        var kills = (firstSync: 0, incremental: 0, fullScan: 0)
        var answers = 0
        var comparison = RMSMirrorComparison()
        var changes = 0
        var created = 0
        var deleted = 0

        mutating func add(_ other: RMSMirrorComparison) {
            comparison.compared += other.compared
            comparison.lost += other.lost
            comparison.extra += other.extra
            comparison.duplicates += other.duplicates
            comparison.wrongColumns += other.wrongColumns
            comparison.columnsCompared += other.columnsCompared
        }
    }

    @Test(.enabled(if: ATSExecutable.url != nil), arguments: ProcessMirror.kinds)
    func anAtsSyncKilledAtRandomMomentsEndsWithTheAccountsTruth(_ kind: StoreKind) async throws {
        let executable = try #require(ATSExecutable.url)
        let wanted = ReliabilityRun.budget(quick: 4, full: 25)
        let plan = (firstSync: (wanted * 2 + 4) / 5, incremental: (wanted - (wanted * 2 + 4) / 5) / 2)
        let folder = try ScratchFolder.make(prefix: "ats-rms-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let mirror = try ProcessMirror(kind, folder: folder)
        // PostgreSQL keeps the accounts of earlier runs.
        let account = "rms-crash-\(UUID().uuidString.prefix(8))"
        let configuration = RMSSandboxConfiguration(
            seed: 2_517, opportunityCount: 12, resourceCount: 400, placementCount: 1_000, activityCount: 40,
            timeZoneIdentifier: "Pacific/Honolulu",
            behavior: RMSSandboxBehavior(pageBase: .oneWithZeroRefused, pageSizeCap: 40, countMeaning: .total))
        var figures = Figures()

        try await withRMSClient(configuration) { sandbox, client in
            let control = sandbox.control
            func arguments(full: Bool) -> [String] {
                [
                    "sync", "--provider", "tracker-rms", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey,
                    "--timezone", "Pacific/Honolulu", "--database", mirror.database, "--account", account,
                    // A killed run's PostgreSQL session may outlive it by a moment, holding the account's lock.
                    "--wait-for-lock", "60", "--quiet",
                ] + (full ? ["--full"] : [])
            }
            func killLoop(seed: UInt64, step: ClosedRange<Int>) -> AnswerKillLoop {
                AnswerKillLoop(
                    executable: executable,
                    answerCount: .init(
                        current: { control.answeredRequestCount },
                        reach: { try await control.awaitAnsweredRequests(atLeast: $0, timeout: .seconds(300)) }),
                    step: step, seed: seed)
            }
            func compare(_ phase: String, deletionsSeen: Bool) async throws {
                let comparison = try await mirror.withStore { store in
                    try await RMSMirrorComparison.of(
                        store, account: account, against: control, deletionsSeen: deletionsSeen)
                }
                figures.add(comparison)
                #expect(comparison.isExact, "\(kind), after \(phase): \(comparison.examples)")
            }
            func expectFinished(_ outcome: AnswerKillLoop.Outcome, _ phase: String) {
                figures.answers += outcome.answers
                #expect(
                    outcome.finalStatus == 0,
                    "\(kind), \(phase): the run that was not killed succeeds; it said: \(outcome.finalStandardError)")
            }

            // A first sync (about 50 requests when not killed): kills land while the settings and
            // the page base are learnt, and while pages are read, mapped and committed; each
            // resumed run learns them again and goes on from its streams' checkpoints.
            let first = try await killLoop(seed: 0xC0FF_EE01, step: 1...12).run(
                arguments(full: false), kills: plan.firstSync)
            expectFinished(first, "the first sync")
            figures.kills.firstSync = first.kills
            try await compare("the first sync", deletionsSeen: true)

            // The account changes between runs: placements move, resources are edited, notes are
            // written, and new people apply (new resources and placements).
            figures.changes += control.mutate(count: 60).count
            figures.created += try await Self.createApplications(5, client: client, control: control, round: 1)
            let incremental = try await killLoop(seed: 0xC0FF_EE02, step: 1...8).run(
                arguments(full: false), kills: plan.incremental)
            expectFinished(incremental, "the incremental sync")
            figures.kills.incremental = incremental.kills
            try await compare("the incremental sync", deletionsSeen: false)

            // Placements are deleted (no deletion signal: they stop appearing) and more changes made;
            // a full scan must retire exactly the deleted ones, also when killed while it reconciles.
            figures.deleted = Self.deletePlacements(6, control: control)
            figures.changes += control.mutate(count: 20).count
            figures.created += try await Self.createApplications(2, client: client, control: control, round: 2)
            let full = try await killLoop(seed: 0xC0FF_EE03, step: 1...12).run(
                arguments(full: true), kills: wanted - plan.firstSync - plan.incremental)
            expectFinished(full, "the full scan")
            figures.kills.fullScan = full.kills
            try await compare("the full scan", deletionsSeen: true)
        }
        let kills = figures.kills.firstSync + figures.kills.incremental + figures.kills.fullScan
        #expect(kills >= wanted * 3 / 4, "the runs were killed many times: \(figures.kills)")
        #expect(figures.kills.firstSync == plan.firstSync, "every kill of the first sync landed before its end")
        ReliabilityRun.publish(
            suite: "crash-sync (tracker-rms, \(kind))",
            [
                "sigkills": kills, "sigkills_during_first_sync": figures.kills.firstSync,
                "sigkills_during_incremental_sync": figures.kills.incremental,
                "sigkills_during_full_scan": figures.kills.fullScan, "requests_answered": figures.answers,
                "background_changes": figures.changes, "applications_created_between_runs": figures.created,
                "placements_deleted": figures.deleted, "records_compared": figures.comparison.compared,
                "columns_compared": figures.comparison.columnsCompared, "records_lost": figures.comparison.lost,
                "duplicates": figures.comparison.duplicates,
                "records_with_a_wrong_column": figures.comparison.wrongColumns,
                "deleted_records_left_live": figures.comparison.extra, "stores": [kind.rawValue],
            ])
    }

    /// New people apply to opportunities through the client (a resource and a placement each).
    static func createApplications(
        _ count: Int, client: TrackerRMSATSClient, control: RMSSandboxControl, round: Int
    ) async throws -> Int {
        let jobs = control.opportunities
        for index in 0..<count {
            let job = jobs[(index * 5 + round) % jobs.count]
            let result = try await client.createApplication(
                .init(
                    job: JobID(String(job.id)),
                    applicant: .details(
                        .init(
                            firstName: "Kaimana", lastName: "Round\(round)No\(index)",
                            email: "kaimana.\(round).\(index)@applicants.example"))))
            #expect(result.wasCreated)
        }
        return count
    }

    /// Deletes `count` placements spread over the account, each the newest of its resource: the
    /// candidate's row must then lose the application although its `updated_at` does not move
    /// (`CandidateConvergenceTests` pins the same on one record).
    static func deletePlacements(_ count: Int, control: RMSSandboxControl) -> Int {
        let newest = Dictionary(grouping: control.placements, by: \.resourceID).values
            .compactMap { $0.max { $0.updatedAt < $1.updatedAt } }
            .sorted { $0.id < $1.id }
        let stride = max(1, newest.count / max(1, count))
        let chosen = Swift.stride(from: 0, to: newest.count, by: stride).prefix(count).map { newest[$0].id }
        for id in chosen { control.deletePlacement(id) }
        return chosen.count
    }
}
