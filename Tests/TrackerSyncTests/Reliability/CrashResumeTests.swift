import ATSSync
import ATSSyncSQLite
import ATSTestSupport
import Foundation
import Testing
import TrackerSandbox

/// The crash suite: the built `ats` is killed with SIGKILL at random moments and restarted each
/// time. A first sync and a reconciling full scan (after the account lost and changed records) end
/// with the same database as uninterrupted runs; an interrupted `bulk-reject` acts on no application
/// twice. Quick: 6 kills per command; `ATSKIT_RELIABILITY=full`: 25 (`scripts/reliability crash`).
@Suite struct CrashResumeTests {
    @Test(.enabled(if: atsExecutable != nil))
    func anAtsSyncKilledAtRandomMomentsEndsWithTheDatabaseOfAnUninterruptedRun() async throws {
        let executable = try #require(atsExecutable)
        let wanted = ReliabilityRun.budget(quick: 6, full: 25)
        var configuration = SandboxConfiguration(seed: 11, jobCount: 10, applicationCount: 900)
        configuration.behavior.timeZone = TimeZone(identifier: "Pacific/Honolulu") ?? .gmt
        configuration.behavior.timestampMode = .naiveLocal
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let killed = folder.appendingPathComponent("killed.sqlite").path
        let reference = folder.appendingPathComponent("reference.sqlite").path
        var kills = (firstSync: 0, fullScan: 0)
        var differences = MirrorDifference()

        try await withTrackerSandbox(configuration) { sandbox in
            func arguments(_ database: String, full: Bool = false) -> [String] {
                [
                    "sync", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password",
                    sandbox.apiPassword, "--timezone", "Pacific/Honolulu", "--database", database, "--account",
                    "crash", "--page-size", "40", "--quiet",
                ] + (full ? ["--full"] : [])
            }
            let loop = KillLoop(executable: executable, control: sandbox.control, step: 1...5)

            // A first sync: kills land while pages are read, mapped and committed, and while
            // candidates are derived.
            #expect(try await loop.run(arguments(reference), kills: 0).finalStatus == 0)
            let first = try await loop.run(arguments(killed), kills: wanted / 2)
            #expect(first.finalStatus == 0, "the run that was not killed succeeds")
            kills.firstSync = first.kills
            differences.add(try await Self.expectSameMirror(killed, as: reference))

            // The account loses, gains and changes records; a full scan must retire exactly the
            // deleted ones even when killed while it reconciles.
            _ = sandbox.control.mutate(count: 120)
            #expect(try await loop.run(arguments(reference, full: true), kills: 0).finalStatus == 0)
            let full = try await loop.run(arguments(killed, full: true), kills: wanted - wanted / 2)
            #expect(full.finalStatus == 0, "the run that was not killed succeeds")
            kills.fullScan = full.kills
            differences.add(try await Self.expectSameMirror(killed, as: reference))
        }
        #expect(kills.firstSync + kills.fullScan >= wanted / 2, "the runs were killed many times")
        ReliabilityRun.publish(
            suite: "crash-sync",
            [
                "sigkills": kills.firstSync + kills.fullScan, "sigkills_during_first_sync": kills.firstSync,
                "sigkills_during_full_scan": kills.fullScan, "rows_compared": differences.rowsCompared,
                "rows_different": differences.rowsDifferent,
                "stage_changes_different": differences.stageChangesDifferent, "stores": ["sqlite"],
            ])
    }

    /// What comparing a killed mirror with the reference found.
    struct MirrorDifference {
        var rowsCompared = 0
        /// Rows missing from either side, or whose payload, update time or deletion differ.
        var rowsDifferent = 0
        /// Stage changes in one mirror's history and not the other's (each counted once).
        var stageChangesDifferent = 0

        mutating func add(_ other: MirrorDifference) {
            rowsCompared += other.rowsCompared
            rowsDifferent += other.rowsDifferent
            stageChangesDifferent += other.stageChangesDifferent
        }
    }

    /// Compares every stream's rows, the stage history and the derivation queue of two mirrors,
    /// and counts the rows that differ.
    static func expectSameMirror(_ path: String, as referencePath: String) async throws -> MirrorDifference {
        let expected = try SQLiteSyncStore(path: referencePath)
        let actual = try SQLiteSyncStore(path: path)
        var difference = MirrorDifference()
        for stream in StreamSchema.all.map(\.stream) {
            let want = Dictionary(
                try await expected.storedRows(of: stream, account: "crash").map { ($0.id, $0) },
                uniquingKeysWith: { first, _ in first })
            let got = Dictionary(
                try await actual.storedRows(of: stream, account: "crash").map { ($0.id, $0) },
                uniquingKeysWith: { first, _ in first })
            difference.rowsCompared += want.count
            var different: [String] = []
            for id in Set(want.keys).union(got.keys) {
                guard let wanted = want[id], let found = got[id], wanted.raw == found.raw,
                    wanted.updatedAt == found.updatedAt, (wanted.deletedAt == nil) == (found.deletedAt == nil)
                else {
                    different.append(id)
                    continue
                }
            }
            difference.rowsDifferent += different.count
            #expect(
                different.isEmpty, "\(stream): \(different.count) rows differ, e.g. \(different.sorted().prefix(5))")
        }
        func history(_ store: SQLiteSyncStore) async throws -> [String] {
            try await store.stageHistory(of: .applications, account: "crash")
                .map { "\($0.id) \($0.from ?? "-") \($0.to ?? "-")" }.sorted()
        }
        let wantHistory = try await history(expected)
        let gotHistory = try await history(actual)
        difference.stageChangesDifferent =
            wantHistory.difference(from: gotHistory).count
        #expect(gotHistory == wantHistory, "stage history without duplicates")
        let queue = try await actual.query("SELECT count(*) FROM derivation_queue")
        #expect(queue.rows == [["0"]], "no candidate left queued")
        // A first sync builds its indexes after the last page; the killed runs must end with all of them.
        let indexes = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
        #expect(try await actual.query(indexes).rows == (try await expected.query(indexes).rows), "every index built")
        return difference
    }

    /// Kills land at exact points of the conversation, chosen from a seed: the sandbox holds a
    /// request (as it arrives, or after it took effect with its answer not yet sent), the test
    /// kills `ats`, then lets the request take effect. Actions run only when the test runs them,
    /// so each resumed run starts with the killed run's last rejections still pending, as a slow
    /// Tracker would leave them; `--resend-after` is long enough never to expire during the test,
    /// so a second action can only come from a resumed run that forgot what it had sent. Nothing
    /// here depends on how fast anything ran.
    @Test(.enabled(if: atsExecutable != nil))
    func aBulkRejectKilledAtRandomMomentsRejectsEveryApplicationExactlyOnce() async throws {
        let executable = try #require(atsExecutable)
        let wanted = ReliabilityRun.budget(quick: 6, full: 25)
        var configuration = SandboxConfiguration(seed: 5, jobCount: 6, applicationCount: 400)
        configuration.actionExecution = .manual
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("reject.journal").path
        let idsFile = folder.appendingPathComponent("ids.txt")

        try await withTrackerSandbox(configuration) { sandbox in
            let control = sandbox.control
            let targets = control.applications().filter { $0.status != "Not Selected" }.prefix(150).map(\.id)
            try targets.map(String.init).joined(separator: "\n").write(to: idsFile, atomically: true, encoding: .utf8)
            // One request at a time, so that a held request is the only one in flight when the
            // run is killed.
            let arguments = [
                "applications", "bulk-reject", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey,
                "--api-password", sandbox.apiPassword, "--file", idsFile.path, "--journal", journal,
                "--concurrency", "1", "--resend-after", "3600", "--json",
            ]
            let outcome = try await Self.killAtHeldRequests(
                executable, arguments, control: control, kills: wanted, seed: 0xB0_1C)
            #expect(outcome.finalStatus == 0, "the run that was not killed succeeds")
            #expect(outcome.kills == wanted, "every planned kill happened before the work was done")

            var actionsPerApplication: [Int: Int] = [:]
            for action in control.actions() where action.type == "set_app_status" {
                if let id = action.data["app_id"]?.intValue { actionsPerApplication[id, default: 0] += 1 }
            }
            let twice = actionsPerApplication.filter { $0.value > 1 }
            #expect(twice.isEmpty, "applications acted on twice: \(twice.keys.sorted())")
            let notRejected = targets.filter { id in
                control.applications().first { $0.id == id }?.status != "Not Selected"
            }
            #expect(notRejected.isEmpty, "applications left unrejected: \(notRejected)")
            ReliabilityRun.publish(
                suite: "crash-bulk-reject",
                [
                    "sigkills": outcome.kills, "sigkills_holding_a_request_before_handling": outcome.heldBeforeHandling,
                    "sigkills_holding_an_answer": outcome.heldAfterHandling, "applications": targets.count,
                    "status_actions_sent": actionsPerApplication.values.reduce(0, +),
                    "applications_acted_on_twice": twice.count, "applications_not_rejected": notRejected.count,
                    "stores": [String](),
                ])
        }
    }

    struct HeldKillOutcome {
        var kills = 0
        var heldBeforeHandling = 0
        var heldAfterHandling = 0
        var finalStatus: Int32 = -1
    }

    /// Runs `arguments` again and again; each of the first `kills` runs is SIGKILLed while the
    /// sandbox holds one of its requests, 1 to 8 requests after it started, and the held request is
    /// then applied (its answer lost). Actions run only when the test runs them: after an answer a
    /// run receives once it has checked the applications, never between a kill and that check, so
    /// a resumed run finds the rejections the killed one sent still pending, and only its journal
    /// keeps it from sending them again.
    static func killAtHeldRequests(
        _ executable: URL, _ arguments: [String], control: SandboxControl, kills wanted: Int, seed: UInt64
    ) async throws -> HeldKillOutcome {
        var outcome = HeldKillOutcome()
        var random = SeededRandom(seed: seed)
        while true {
            let start = control.receivedRequestCount
            let point: SandboxHoldPoint = random.below(2) == 0 ? .beforeHandling : .afterHandling
            let hold = control.holdRequest(numbered: start + 1 + random.below(8), at: point)
            let child = try ChildProcess(executable, arguments)
            // No action runs before this run has checked the applications: it reads statuses and
            // the list first, and a killed run's leftover rejection run then would show as done
            // before this run looks, so a run that forgot it had sent it would go unseen. Actions
            // run from this run's first send on, or once it reads the same page again (confirming).
            let executor = Task {
                var seen = start
                var hasChecked = false
                while !Task.isCancelled {
                    try await control.awaitAnsweredRequests(atLeast: seen + 1, timeout: .seconds(600))
                    seen = control.answeredRequestCount
                    if !hasChecked {
                        let answered = control.requestLog().suffix(seen - start).map {
                            "\($0.method) \($0.path)?\($0.query)"
                        }
                        hasChecked = answered.contains { $0.hasPrefix("POST ") } || Set(answered).count < answered.count
                        if !hasChecked { continue }
                    }
                    _ = control.runAllPendingActions()
                }
            }
            defer { executor.cancel() }
            guard outcome.kills < wanted else {
                hold.release()
                outcome.finalStatus = try await child.exit()
                return outcome
            }
            // Whichever comes first: the hold catches a request, or the run ends on its own.
            let caught = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    _ = try await hold.arrival(timeout: .seconds(300))
                    return true
                }
                group.addTask {
                    _ = try await child.exit()
                    return false
                }
                let first = try await group.next() ?? false
                group.cancelAll()
                return first
            }
            executor.cancel()
            guard caught else {
                hold.release()
                outcome.finalStatus = try await child.exit()
                return outcome
            }
            child.send(SIGKILL)
            _ = try await child.exit(within: .seconds(60))
            hold.release(applying: true)
            // The held request was the only one in flight: once everything received is answered,
            // the killed run can change nothing more.
            while control.answeredRequestCount < control.receivedRequestCount {
                try await control.awaitAnsweredRequests(atLeast: control.receivedRequestCount, timeout: .seconds(60))
            }
            outcome.kills += 1
            if point == .beforeHandling { outcome.heldBeforeHandling += 1 } else { outcome.heldAfterHandling += 1 }
        }
    }
}
