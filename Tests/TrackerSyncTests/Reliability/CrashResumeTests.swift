import ATSSync
import ATSSyncSQLite
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
        var rowsCompared = 0

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
            rowsCompared += try await Self.expectSameMirror(killed, as: reference)

            // The account loses, gains and changes records; a full scan must retire exactly the
            // deleted ones even when killed while it reconciles.
            _ = sandbox.control.mutate(count: 120)
            #expect(try await loop.run(arguments(reference, full: true), kills: 0).finalStatus == 0)
            let full = try await loop.run(arguments(killed, full: true), kills: wanted - wanted / 2)
            #expect(full.finalStatus == 0, "the run that was not killed succeeds")
            kills.fullScan = full.kills
            rowsCompared += try await Self.expectSameMirror(killed, as: reference)
        }
        #expect(kills.firstSync + kills.fullScan >= wanted / 2, "the runs were killed many times")
        ReliabilityRun.publish(
            suite: "crash-sync",
            [
                "sigkills": kills.firstSync + kills.fullScan, "sigkills_during_first_sync": kills.firstSync,
                "sigkills_during_full_scan": kills.fullScan, "rows_compared": rowsCompared,
                "rows_different": 0,
            ])
    }

    /// Compares every stream's rows, the stage history and the derivation queue of two mirrors.
    /// Returns the number of rows compared.
    static func expectSameMirror(_ path: String, as referencePath: String) async throws -> Int {
        let expected = try SQLiteSyncStore(path: referencePath)
        let actual = try SQLiteSyncStore(path: path)
        var compared = 0
        for stream in StreamSchema.all.map(\.stream) {
            let want = try await expected.storedRows(of: stream, account: "crash")
            let got = try await actual.storedRows(of: stream, account: "crash")
            compared += want.count
            #expect(got.map(\.id) == want.map(\.id), "\(stream) ids")
            #expect(got.map(\.raw) == want.map(\.raw), "\(stream) payloads")
            #expect(got.map(\.updatedAt) == want.map(\.updatedAt), "\(stream) update times")
            #expect(got.map { $0.deletedAt == nil } == want.map { $0.deletedAt == nil }, "\(stream) deletions")
        }
        func history(_ store: SQLiteSyncStore) async throws -> [String] {
            try await store.stageHistory(of: .applications, account: "crash")
                .map { "\($0.id) \($0.from ?? "-") \($0.to ?? "-")" }.sorted()
        }
        #expect(try await history(actual) == (try await history(expected)), "stage history without duplicates")
        let queue = try await actual.query("SELECT count(*) FROM derivation_queue")
        #expect(queue.rows == [["0"]], "no candidate left queued")
        // A first sync builds its indexes after the last page; the killed runs must end with all of them.
        let indexes = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
        #expect(try await actual.query(indexes).rows == (try await expected.query(indexes).rows), "every index built")
        return compared
    }

    @Test(.enabled(if: atsExecutable != nil))
    func aBulkRejectKilledAtRandomMomentsRejectsEveryApplicationExactlyOnce() async throws {
        let executable = try #require(atsExecutable)
        let wanted = ReliabilityRun.budget(quick: 6, full: 25)
        var configuration = SandboxConfiguration(seed: 5, jobCount: 6, applicationCount: 400)
        configuration.behavior.actionDelay = .milliseconds(200)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("reject.journal").path
        let idsFile = folder.appendingPathComponent("ids.txt")

        try await withTrackerSandbox(configuration) { sandbox in
            let control = sandbox.control
            let targets = control.applications().filter { $0.status != "Not Selected" }.prefix(150).map(\.id)
            try targets.map(String.init).joined(separator: "\n").write(to: idsFile, atomically: true, encoding: .utf8)
            let arguments = [
                "applications", "bulk-reject", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey,
                "--api-password", sandbox.apiPassword, "--file", idsFile.path, "--journal", journal,
                "--concurrency", "4", "--resend-after", "5", "--json",
            ]
            // Small steps: a run sends a rejection per application, so kills land between the
            // journal's intent and the send, and between the send and the journaled answer.
            let loop = KillLoop(executable: executable, control: control, step: 1...12)
            let outcome = try await loop.run(arguments, kills: wanted)
            #expect(outcome.finalStatus == 0, "the run that was not killed succeeds")

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
                    "sigkills": outcome.kills, "applications": targets.count,
                    "status_actions_sent": actionsPerApplication.values.reduce(0, +),
                    "applications_acted_on_twice": twice.count, "applications_not_rejected": notRejected.count,
                ])
        }
    }
}
