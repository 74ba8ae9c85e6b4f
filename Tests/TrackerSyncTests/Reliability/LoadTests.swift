import ATSCore
import ATSSyncSQLite
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
/// stream of writes (stage moves, notes, tag actions); its memory is sampled from `/proc`, and once
/// the writes stop and two more passes have run, the mirror holds every change. Quick: 20 s;
/// `ATSKIT_RELIABILITY=full`: 10 minutes (`scripts/reliability load`). Pacing the writes is the
/// one use of real time here; nothing waits on time to synchronise.
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
            let watcher = try Child(
                executable,
                [
                    "sync", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password",
                    sandbox.apiPassword, "--timezone", control.behavior.timeZone.identifier, "--database", database,
                    "--account", "load", "--watch", "1", "--quiet",
                ])
            let api = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                accountTimeZone: control.behavior.timeZone, rateLimit: nil)
            let load = try await TrackerATSClient.withTrackerATSClient(
                api: api, configuration: TrackerATSClient.Configuration(knownStatuses: control.statuses)
            ) { client in
                try await Self.writeSteadily(
                    client, control: control, for: duration, perSecond: writesPerSecond, sampling: watcher)
            }
            // Quiet: every action has run; then two passes more (a pass makes at least 5 requests)
            // so one of them started after the last change.
            try await control.awaitActionsExecuted(timeout: .seconds(60))
            let settled = control.answeredRequestCount
            try await control.awaitAnsweredRequests(atLeast: settled + 12, timeout: .seconds(120))
            kill(watcher.process.processIdentifier, SIGTERM)
            #expect(await watcher.exit() == 0, "--watch stops cleanly on SIGTERM")

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
                    "missed_changes": comparison.lost, "duplicates": comparison.duplicates,
                    "naive_times_in_a_repeated_hour": comparison.ambiguousTimes,
                    "rss_samples": load.rss.count, "rss_first_third_mb": early / 1024,
                    "rss_last_third_mb": late / 1024, "rss_max_mb": (load.rss.max() ?? 0) / 1024,
                ])
        }
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
        sampling watcher: Child
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
            if clock.now - lastSample >= .seconds(1), let rss = residentKiB(of: watcher.process.processIdentifier) {
                figures.rss.append(rss)
                lastSample = clock.now
            }
            try await clock.sleep(until: start + interval * figures.writes)
        }
        return figures
    }

    /// `VmRSS` of a process, in KiB.
    static func residentKiB(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }
}
