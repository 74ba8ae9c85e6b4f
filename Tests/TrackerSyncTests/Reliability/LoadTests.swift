import ATSCore
import ATSSyncSQLite
import ATSTestSupport
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// The sandbox stamps records 61 seconds in the past, so that a change is inside the next
/// `--watch` pass's window at once instead of after the 60-second safety lag: the test can check
/// that the watching mirror caught up without waiting a minute after the last write.
private struct LaggingClock: SandboxClock {
    func now() -> Date { Date().addingTimeInterval(-61) }
}

/// The load suite: `ats sync --watch` runs as its own process while the account takes a steady
/// stream of writes (stage moves, notes, tag actions); once the writes stop and the watcher has
/// reported two more passes, the mirror holds every change, and the watcher's peak resident memory
/// (`VmHWM`, which the kernel keeps, so no sample can miss it) stays under a bound. Quick: 20 s;
/// `ATSKIT_RELIABILITY=full`: 10 minutes (`scripts/reliability load`). Pacing the writes and the
/// once-a-second memory figures are the only uses of real time; no verdict waits on time.
@Suite struct LoadTests {
    @Test(.enabled(if: atsExecutable != nil && FileManager.default.fileExists(atPath: "/proc/self/status")))
    func aWatchingSyncUnderSteadyWritesMissesNothingAndKeepsItsMemory() async throws {
        let executable = try #require(atsExecutable)
        let duration = Duration.seconds(ReliabilityRun.budget(quick: 20, full: 600))
        let writesPerSecond = 8.0
        var configuration = SandboxConfiguration(seed: 21, jobCount: 20, applicationCount: 3_000)
        configuration.clock = LaggingClock()
        configuration.behavior.actionDelay = .milliseconds(300)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("mirror.sqlite").path

        try await withTrackerSandbox(configuration) { sandbox in
            let control = sandbox.control
            // `--json` prints one report line per finished pass: the test counts passes by them.
            let reports = PipeText()
            let watcher = try ChildProcess(
                executable,
                [
                    "sync", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password",
                    sandbox.apiPassword, "--timezone", control.behavior.timeZone.identifier, "--database", database,
                    "--account", "load", "--watch", "1", "--quiet", "--json",
                ], standardOutput: reports.pipe)
            let api = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                accountTimeZone: control.behavior.timeZone, rateLimit: nil)
            let load = try await TrackerATSClient.withTrackerATSClient(
                api: api, configuration: TrackerATSClient.Configuration(knownStatuses: control.statuses)
            ) { client in
                try await Self.writeSteadily(
                    client, control: control, for: duration, perSecond: writesPerSecond, sampling: watcher)
            }
            // Quiet: every action has run. Then two more finished passes: the second began after the
            // first had ended, so after the last change.
            try await control.awaitActionsExecuted(timeout: .seconds(60))
            let passesBefore = Self.reportLines(in: reports.text)
            try await reports.wait(for: "two more `ats sync --watch` passes after the last write") {
                Self.reportLines(in: $0) >= passesBefore + 2
            }
            let peakKiB = try #require(Self.statusKiB("VmHWM", of: watcher.pid), "the watcher's peak RSS")
            watcher.send(SIGTERM)
            #expect(try await watcher.exit(within: .seconds(60)) == 0, "--watch stops cleanly on SIGTERM")
            #expect(
                peakKiB < Self.peakResidentBoundKiB,
                "the watcher's peak RSS, \(peakKiB / 1024) MiB, is over \(Self.peakResidentBoundKiB / 1024) MiB")

            let store = try SQLiteSyncStore(path: database)
            // Naive local times: a record stamped in the hour a daylight-saving change repeats may be
            // stored as the other instant of the same wall time (counted, not failed).
            let comparison = try await MirrorComparison.of(
                store, account: "load", against: control, deletionsSeen: true, naiveZone: control.behavior.timeZone)
            #expect(comparison.isExact, "the mirror after the load: \(comparison.examples)")
            let third = max(load.rss.count / 3, 1)
            let early = load.rss.prefix(third).reduce(0, +) / third
            let late = load.rss.suffix(third).reduce(0, +) / third
            ReliabilityRun.publish(
                suite: "load",
                [
                    "seconds": Int(duration.components.seconds), "writes": load.writes,
                    "writes_per_second": writesPerSecond, "records_compared": comparison.compared,
                    "missed_changes": comparison.lost, "records_with_a_wrong_column": comparison.wrongColumns,
                    "columns_compared": comparison.columnsCompared,
                    "broken_stage_histories": comparison.brokenHistories, "duplicates": comparison.duplicates,
                    "deleted_records_left_live": comparison.extra, "stores": ["sqlite"],
                    "naive_times_in_a_repeated_hour": comparison.ambiguousTimes,
                    "rss_samples": load.rss.count, "rss_first_third_mb": early / 1024,
                    "rss_last_third_mb": late / 1024, "rss_max_mb": (load.rss.max() ?? 0) / 1024,
                    "rss_peak_mb": peakKiB / 1024, "rss_bound_mb": Self.peakResidentBoundKiB / 1024,
                    "passes_after_the_writes": Self.reportLines(in: reports.text) - passesBefore,
                ])
        }
    }

    /// The bound on the watcher's peak resident memory: about three times what a ten-minute run
    /// peaked at (87 MB, docs/RELIABILITY.md) for this 3,000-application account. A watcher that
    /// kept what each pass read, or grew a cache without limit, crosses it within the quick budget.
    static let peakResidentBoundKiB = 256 * 1024

    /// Finished passes so far: `--json` prints one line per pass.
    static func reportLines(in text: String) -> Int {
        text.split(separator: "\n").filter { $0.hasPrefix("{") }.count
    }

    struct LoadFigures {
        var writes = 0
        /// The watcher's resident memory in KiB, one sample per second.
        var rss: [Int] = []
    }

    /// Sends writes at a steady pace, cycling through stage moves, notes and tag actions, and
    /// samples the watcher's memory once a second.
    static func writeSteadily(
        _ client: TrackerATSClient, control: SandboxControl, for duration: Duration, perSecond: Double,
        sampling watcher: ChildProcess
    ) async throws -> LoadFigures {
        var figures = LoadFigures()
        let clock = ContinuousClock()
        let start = clock.now
        let interval = Duration.seconds(1 / perSecond)
        let statuses = control.statuses
        var generator = SystemRandomNumberGenerator()
        var lastSample = start
        while clock.now - start < duration {
            let ids = control.applications().map(\.id)
            guard let target = ids.randomElement(using: &generator) else { break }
            let application = ApplicationID(String(target))
            switch figures.writes % 3 {
            case 0:
                let stage = statuses.randomElement(using: &generator) ?? "Interview"
                _ = try await client.moveToStage(
                    StageMoveRequest(application: application, to: StageID(stage), wait: .accepted))
            case 1:
                _ = try await client.addNote(NoteDraft("Load note \(figures.writes)"), toApplication: application)
            default:
                _ = try await client.runAction(
                    .tagApp,
                    data: ["app_id": .integer(Int64(target)), "tag_text": .string("load-\(figures.writes % 7)")])
            }
            figures.writes += 1
            if clock.now - lastSample >= .seconds(1), let rss = statusKiB("VmRSS", of: watcher.pid) {
                figures.rss.append(rss)
                lastSample = clock.now
            }
            try await clock.sleep(until: start + interval * figures.writes)
        }
        return figures
    }

    /// A memory line of `/proc/<pid>/status` (`VmRSS`, `VmHWM`), in KiB.
    static func statusKiB(_ field: String, of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }
}
