import ATSSyncSQLite
import ATSTestSupport
import Foundation
import Testing
import TrackerSandbox

/// The chaos suite's faults against the `ats` executable rather than the library in process, so
/// that the build people run is what is tested (scripts/release-check runs it against a release
/// build through ATSKIT_ATS_EXECUTABLE). A sandbox fails 10% of requests with every fault it knows
/// and jitters its latency; `ats sync` mirrors it, the account changes, an incremental run and a
/// reconciling full scan follow, and after each the mirror must equal the ground truth.
/// Quick: 1 seeded run; `ATSKIT_RELIABILITY=full`: 4.
@Suite struct ChaosProcessTests {
    @Test(.enabled(if: atsExecutable != nil))
    func atsSyncUnderFaultsMirrorsTheAccountExactly() async throws {
        let executable = try #require(atsExecutable)
        let runs = ReliabilityRun.budget(quick: 1, full: 4)
        var totals = (faults: 0, compared: 0, lost: 0, extra: 0, duplicates: 0, wrongColumns: 0)
        for run in 0..<runs {
            let zone = ["America/Chicago", "Asia/Kolkata", "UTC", "Pacific/Honolulu"][run % 4]
            var configuration = SandboxConfiguration(seed: UInt64(9_100 + run), jobCount: 8, applicationCount: 300)
            configuration.behavior.timeZone = TimeZone(identifier: zone) ?? .gmt
            configuration.behavior.timestampMode = .naiveLocal
            configuration.behavior.faultRate = 0.10
            configuration.behavior.faultKinds = SandboxFault.allCases
            configuration.behavior.latencyJitter = .milliseconds(8)
            // An hour behind this machine: `ats` waits 60 s behind the provider's clock before it
            // reads a change, and this clock is moved on by the test instead of waited for.
            let clock = ManualSandboxClock(start: Date().addingTimeInterval(-3_600))
            configuration.clock = clock
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-chaos-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let mirror = folder.appendingPathComponent("mirror.sqlite").path
            try await withTrackerSandbox(configuration) { sandbox in
                func sync(full: Bool) async throws {
                    let arguments =
                        [
                            "sync", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password",
                            sandbox.apiPassword, "--timezone", zone, "--database", mirror, "--account", "chaos",
                            "--page-size", "25", "--quiet",
                        ] + (full ? ["--full"] : [])
                    let status = try await ChildProcess.run(executable, arguments, within: .seconds(300))
                    #expect(status == 0, "run \(run) (\(zone)): `ats sync\(full ? " --full" : "")` exited \(status)")
                }
                func compare(_ moment: String, deletionsSeen: Bool) async throws {
                    let store = try SQLiteSyncStore(path: mirror)
                    defer { try? store.close() }
                    let found = try await MirrorComparison.of(
                        store, account: "chaos", against: sandbox.control, deletionsSeen: deletionsSeen,
                        naiveZone: TimeZone(identifier: zone))
                    #expect(found.isExact, "run \(run) (\(zone)), \(moment): \(found.examples)")
                    totals.compared += found.compared
                    totals.lost += found.lost
                    totals.extra += found.extra
                    totals.duplicates += found.duplicates
                    totals.wrongColumns += found.wrongColumns
                }
                try await sync(full: false)
                try await compare("after the first sync", deletionsSeen: true)
                _ = sandbox.control.mutate(count: 60)
                clock.advance(by: .seconds(120))
                try await sync(full: false)
                try await compare("after the incremental run", deletionsSeen: false)
                clock.advance(by: .seconds(120))
                try await sync(full: true)
                try await compare("after the full scan", deletionsSeen: true)
                totals.faults += sandbox.control.requestLog().filter { $0.fault != nil }.count
            }
        }
        #expect(totals.faults > 0, "the sandbox injected faults")
        ReliabilityRun.publish(
            suite: "chaos-process",
            [
                "runs": runs, "executable": executable.path, "fault_rate": 0.10, "faults_injected": totals.faults,
                "records_compared": totals.compared, "records_lost": totals.lost,
                "deleted_records_left_live": totals.extra, "duplicates": totals.duplicates,
                "records_with_a_wrong_column": totals.wrongColumns, "stores": ["sqlite"],
            ])
    }
}
