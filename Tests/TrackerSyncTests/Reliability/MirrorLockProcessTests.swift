import ATSSync
import ATSSyncSQLite
import ATSTestSupport
import Foundation
import Testing
import TrackerSandbox

/// Sandbox time 61 s behind: what the account changes just before a run falls inside that run's
/// window (which ends 60 s before the local clock), so the mirror can be compared with the truth.
private struct BehindClock: SandboxClock {
    func now() -> Date { Date().addingTimeInterval(-61) }
}

/// One writer per mirror, with real processes: the built `ats` against an in-process sandbox. A full
/// sync holds the mirror while incremental syncs are started again and again (refused at once with
/// the holder's pid, or waiting with `--wait-for-lock`), and a holder is SIGKILLed while another
/// run waits. Each time the full scan completes, marks nothing live as deleted, and leaves the mirror
/// equal to the sandbox's truth. Moments are chosen by the sandbox's answer count and by what the
/// children print, never by sleeping; every wait has a deadline that fails with a message.
@Suite(.serialized) struct MirrorLockProcessTests {
    static let zone = "America/Chicago"

    struct Race {
        let executable: URL
        let sandbox: RunningSandbox
        let database: String

        func arguments(full: Bool = false, pageSize: Int = 20, _ extra: [String] = []) -> [String] {
            [
                "sync", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password",
                sandbox.apiPassword, "--timezone", MirrorLockProcessTests.zone, "--database", database, "--account",
                "race", "--page-size", String(pageSize), "--quiet",
            ] + (full ? ["--full"] : []) + extra
        }

        func start(full: Bool = false, _ extra: [String] = []) throws -> WatchedProcess {
            try WatchedProcess(executable, arguments(full: full, extra))
        }

        /// A first sync, run to its end.
        func firstSync() async throws {
            let first = try WatchedProcess(executable, arguments(pageSize: 200))
            let end = try await first.end(within: .seconds(300))
            #expect(end.status == 0, "the first sync: \(end.standardError)")
        }

        /// Starts a full sync and returns once it is reading (so it holds the mirror).
        func startFullSyncAndAwaitItsRequests() async throws -> WatchedProcess {
            let before = sandbox.control.answeredRequestCount
            let full = try start(full: true)
            try await sandbox.control.awaitAnsweredRequests(atLeast: before + 8, timeout: .seconds(120))
            return full
        }

        /// Compares the mirror with the sandbox; returns (records compared, live records marked deleted).
        func expectMirrorEqualsTheTruth() async throws -> (compared: Int, falseDeletes: Int) {
            let store = try SQLiteSyncStore(path: database)
            let comparison = try await MirrorComparison.of(
                store, account: "race", against: sandbox.control, deletionsSeen: true,
                naiveZone: TimeZone(identifier: MirrorLockProcessTests.zone))
            #expect(comparison.isExact, "the mirror differs from the truth: \(comparison.examples)")
            let live = Set(sandbox.control.applications().map { String($0.id) })
            let falseDeletes = try await store.storedRows(of: .applications, account: "race")
                .filter { $0.deletedAt != nil && live.contains($0.id) }.count
            #expect(falseDeletes == 0, "applications marked deleted that the account still has")
            try store.close()
            return (comparison.compared, falseDeletes)
        }
    }

    static func withRace(_ seed: UInt64, _ body: (Race) async throws -> Void) async throws {
        let executable = try #require(atsExecutable)
        var configuration = SandboxConfiguration(seed: seed, jobCount: 8, applicationCount: 1_200)
        configuration.clock = BehindClock()
        configuration.behavior.timeZone = TimeZone(identifier: zone) ?? .gmt
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withTrackerSandbox(configuration) { sandbox in
            try await body(
                Race(
                    executable: executable, sandbox: sandbox,
                    database: folder.appendingPathComponent("mirror.sqlite").path))
        }
    }

    @Test(.enabled(if: atsExecutable != nil))
    func incrementalSyncsStartedAgainAndAgainDuringAFullOneWaitOrAreRefusedAndTheFullOneCompletes() async throws {
        try await Self.withRace(41) { race in
            try await race.firstSync()
            race.sandbox.control.mutate(count: 80)  // updates, insertions and deletions to find

            // The full sync is stopped (SIGSTOP) while it holds the mirror: every incremental sync
            // started meanwhile meets the lock, whatever the machine's speed.
            let full = try await race.startFullSyncAndAwaitItsRequests()
            full.signal(SIGSTOP)
            let holder = "Another sync is running (pid \(full.processIdentifier), since "
            var refused = 0
            for _ in 0..<3 {
                let incremental = try race.start()
                let end = try await incremental.end(within: .seconds(120))
                #expect(end.status == 1, "refused with exit status 1: \(end.standardError)")
                #expect(end.standardError.contains(holder), "names the holder: \(end.standardError)")
                #expect(!end.standardError.contains("database is locked"))
                refused += 1
            }
            let waiting = try race.start(["--wait-for-lock", "600"])
            try await waiting.wait("the waiting sync to say it waits", within: .seconds(120)) {
                $0.standardError.contains("waiting for it to finish")
            }
            full.signal(SIGCONT)

            // Again and again while the full sync runs on: each is refused at once (naming whichever
            // sync holds the mirror then) or, once both are done, runs.
            var ran = 0
            var attempts = 0
            while full.process.isRunning, attempts < 40 {
                attempts += 1
                let incremental = try race.start()
                let end = try await incremental.end(within: .seconds(120))
                if end.status == 0 {
                    ran += 1
                } else {
                    #expect(
                        end.status == 1 && end.standardError.contains("Another sync is running (pid "),
                        "\(end.standardError)")
                    #expect(!end.standardError.contains("database is locked"))
                    refused += 1
                }
            }
            let fullEnd = try await full.end(within: .seconds(300))
            #expect(fullEnd.status == 0, "the full sync completes: \(fullEnd.standardError)")
            let waitedEnd = try await waiting.end(within: .seconds(300))
            #expect(waitedEnd.status == 0, "the waiting sync runs after it: \(waitedEnd.standardError)")

            let (compared, falseDeletes) = try await race.expectMirrorEqualsTheTruth()
            #expect(!FileManager.default.fileExists(atPath: SQLiteMirrorLock.lockPath(forMirror: race.database)))
            ReliabilityRun.publish(
                suite: "mirror-lock",
                [
                    "incremental_syncs_refused": refused, "incremental_syncs_run": ran,
                    "records_compared": compared, "false_deletes": falseDeletes,
                ])
        }
    }

    @Test(.enabled(if: atsExecutable != nil))
    func aHolderKilledWithSIGKILLLeavesNoLockAndTheWaitingFullSyncCompletes() async throws {
        try await Self.withRace(43) { race in
            try await race.firstSync()
            race.sandbox.control.mutate(count: 80)

            let holder = try await race.startFullSyncAndAwaitItsRequests()
            let waiting = try race.start(full: true, ["--wait-for-lock"])
            try await waiting.wait("the waiting sync to say it waits", within: .seconds(120)) {
                $0.standardError.contains("Another sync is running (pid \(holder.processIdentifier)")
                    && $0.standardError.contains("waiting for it to finish")
            }
            holder.signal(SIGKILL)
            let killed = try await holder.end(within: .seconds(60))
            #expect(killed.status == SIGKILL, "the holder was killed")

            let waitedEnd = try await waiting.end(within: .seconds(300))
            #expect(waitedEnd.status == 0, "the waiting full sync takes over and completes: \(waitedEnd.standardError)")
            // Nothing is left locked: a run that does not wait starts at once.
            let after = try race.start()
            let afterEnd = try await after.end(within: .seconds(300))
            #expect(afterEnd.status == 0, "\(afterEnd.standardError)")
            #expect(!FileManager.default.fileExists(atPath: SQLiteMirrorLock.lockPath(forMirror: race.database)))

            let (compared, falseDeletes) = try await race.expectMirrorEqualsTheTruth()
            ReliabilityRun.publish(
                suite: "mirror-lock-sigkill",
                ["holders_killed": 1, "records_compared": compared, "false_deletes": falseDeletes])
        }
    }
}
