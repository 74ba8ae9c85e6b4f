import ATSCore
import ArgumentParser
import Foundation
import GRDB
import Testing
import TrackerRMSSandbox

@testable import ATSCommands

/// Runs one neutral command as `ats` would, against the chosen provider, and returns what it printed.
func runProviderCommand<Command: ClientCommand>(
    _ arguments: [String], as type: Command.Type, environment: [String: String] = [:]
) async throws -> [String] {
    let command = try #require(try ATSCommand.parseAsRoot(arguments) as? Command)
    try command.checkBeforeConnecting()
    let captured = CapturedOutput()
    try await command.connection.withATSClient(environment: environment, flags: command.settingFlags) {
        try await command.execute($0, output: captured.output)
    }
    return captured.lines
}

/// Runs `ats stages list` and returns what it printed.
func runStagesList(_ arguments: [String], environment: [String: String] = [:]) async throws -> [String] {
    let command = try #require(try ATSCommand.parseAsRoot(arguments) as? StagesListCommand)
    let captured = CapturedOutput()
    try await command.execute(environment: environment, output: captured.output)
    return captured.lines
}

/// A sandbox unlike the default one: a zone far from UTC, 1-based pages of 7 with 0 answered empty,
/// `count` as the total, settings nested in lower case, a rate limit, and status-99 and HTTP 500 faults.
private func unusualSandbox(timeZone: String = "Pacific/Honolulu") -> RMSSandboxConfiguration {
    RMSSandboxConfiguration(
        seed: 71, opportunityCount: 6, resourceCount: 30, placementCount: 40, activityCount: 20,
        timeZoneIdentifier: timeZone,
        behavior: RMSSandboxBehavior(
            pageBase: .oneWithZeroEmpty, pageSizeCap: 7, countMeaning: .total, settingsShape: .nestedLowercase,
            rateLimit: 200, faultRate: 0.1, faultKinds: [.status99, .serverError]))
}

@Suite struct TrackerRMSCommandTests {
    @Test func everyCommandTrackerRMSCanDoRunsAgainstAnUnusualAccount() async throws {
        try await withTrackerRMSSandbox(unusualSandbox()) { sandbox in
            let control = sandbox.control
            let connection = [
                "--provider", "tracker-rms", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey,
                "--timezone", "Pacific/Honolulu",
            ]
            let jobs = try await runProviderCommand(["jobs", "list", "--json"] + connection, as: JobsListCommand.self)
            #expect(jobs.count == control.opportunities.count)

            let applications = try await runProviderCommand(
                ["applications", "list", "--json"] + connection, as: ApplicationsListCommand.self)
            #expect(applications.count == control.placements.count)

            let stages = try await runStagesList(["stages", "list", "--json"] + connection)
            for status in control.placementStatuses {
                #expect(stages.contains { $0.contains("\"\(status.name)\"") }, "\(status.name) missing")
            }

            let statuses = control.placementStatuses
            let rejected = Set(statuses.filter { $0.group == "Unsuccessful" }.map(\.id))
            let open = control.placements.filter { !rejected.contains($0.statusID) }
            let moved = try #require(open.first)
            let target = try #require(statuses.first { $0.id != moved.statusID && !rejected.contains($0.id) })
            let move = try await runProviderCommand(
                ["applications", "move", String(moved.id), target.name] + connection, as: ApplicationsMoveCommand.self)
            #expect(move.first?.contains("to '\(target.name)'") == true)
            #expect(control.placements.first { $0.id == moved.id }?.statusID == target.id)

            let refused = try await #require(throws: ATSError.self) {
                _ = try await runProviderCommand(
                    ["applications", "move", String(moved.id), "No Such Stage"] + connection,
                    as: ApplicationsMoveCommand.self)
            }
            #expect(refused.code == .invalidInput)

            let rejectedOne = open[1]
            _ = try await runProviderCommand(
                ["applications", "reject", String(rejectedOne.id), "--reason", "Filled internally"] + connection,
                as: ApplicationsRejectCommand.self)
            #expect(rejected.contains(control.placements.first { $0.id == rejectedOne.id }?.statusID ?? -1))

            let bulk = [open[2], open[3]].map { String($0.id) }
            let report = try await runProviderCommand(
                ["applications", "bulk-reject", "--json"] + bulk + connection, as: ApplicationsBulkRejectCommand.self)
            #expect(report.count == 2 && report.allSatisfy { $0.contains(#""outcome":"rejected""#) })
            for id in [open[2].id, open[3].id] {
                #expect(rejected.contains(control.placements.first { $0.id == id }?.statusID ?? -1))
            }

            let before = control.activities.count
            _ = try await runProviderCommand(
                ["notes", "add", "--application", String(moved.id), "Called back; keen on the role."] + connection,
                as: NotesAddCommand.self)
            #expect(control.activities.count == before + 1)
            #expect(control.activities.contains { $0.note.contains("Called back; keen on the role.") })
        }
    }

    @Test func withoutATimeZoneReadsStillWorkAndASyncMirrorsEveryPlacement() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("atskit-rms-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try await withTrackerRMSSandbox(unusualSandbox(timeZone: "America/Adak")) { sandbox in
            let connection = ["--provider", "tracker-rms", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey]
            let applications = try await runProviderCommand(
                ["applications", "list", "--json"] + connection, as: ApplicationsListCommand.self)
            #expect(applications.count == sandbox.control.placements.count)

            let sync = try #require(
                try ATSCommand.parseAsRoot(["sync", "--database", path, "--quiet", "--json"] + connection)
                    as? SyncCommand)
            let captured = CapturedOutput()
            try await sync.execute(environment: [:], output: captured.output)
            #expect(captured.lines.first?.contains(#""account":"tracker-rms""#) == true)
            let queue = try DatabaseQueue(path: path)
            let (provider, count) = try await queue.read { db in
                (
                    try String.fetchOne(db, sql: "SELECT provider FROM accounts"),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM applications WHERE account = 'tracker-rms'")
                )
            }
            #expect(provider == "tracker-rms")
            #expect(count == sandbox.control.placements.count)
            try queue.close()
        }
    }

    @Test func wrongCredentialsAndBadFlagsAreExplainedWithoutTheSecrets() async throws {
        try await withTrackerRMSSandbox(RMSSandboxConfiguration(opportunityCount: 2, resourceCount: 3)) { sandbox in
            let wrongPassword = [
                "--provider", "tracker-rms", "--base-url", sandbox.baseURL, "--username", sandbox.username,
                "--password", "hunter2-SECRET",
            ]
            let refused = try await #require(throws: CommandFailure.self) {
                _ = try await runProviderCommand(["jobs", "list"] + wrongPassword, as: JobsListCommand.self)
            }
            #expect(refused.message.contains("Tracker RMS at \(sandbox.baseURL) (from flag --base-url) refused"))
            #expect(refused.message.contains("An account answers only in its own region"))
            #expect(!refused.message.contains("hunter2-SECRET"))

            let withPassword = try await runProviderCommand(
                [
                    "jobs", "list", "--json", "--provider", "tracker-rms", "--base-url", sandbox.baseURL, "--username",
                    sandbox.username,
                ], as: JobsListCommand.self, environment: ["TRACKER_RMS_PASSWORD": sandbox.password])
            #expect(withPassword.count == sandbox.control.opportunities.count)
        }
        let cases: [([String], [String: String], String)] = [
            (
                ["--api-key", "k", "--username", "u"], ["TRACKER_RMS_BASE_URL": "https://evoapi.tracker-rms.com"],
                "an API key (from flag --api-key) or a username (from flag --username)"
            ),
            (
                ["--username", "dana@example.com"], ["TRACKER_RMS_BASE_URL": "https://evoapi.tracker-rms.com"],
                "needs its password: pass --password, set TRACKER_RMS_PASSWORD"
            ),
            (["--api-key", "k"], [:], "No Tracker RMS server given. Pass --base-url"),
            (["--sandbox", "--api-key", "k-SECRET"], [:], "--sandbox starts its own server"),
            (["--sandbox", "--timezone", "Mars/Base"], [:], "Unknown time zone 'Mars/Base' (from flag --timezone)"),
            (["--sandbox"], ["ATS_SANDBOX_STATUSES": "A,B"], "the tracker-rms sandbox has no such setting"),
        ]
        for (flags, environment, message) in cases {
            let error = try await #require(throws: CommandFailure.self) {
                _ = try await runProviderCommand(
                    ["jobs", "list", "--provider", "tracker-rms"] + flags, as: JobsListCommand.self,
                    environment: environment)
            }
            #expect(error.message.contains(message), "\(flags): \(error.message)")
            #expect(!error.message.contains("SECRET"))
        }
        let stage = try await #require(throws: CommandFailure.self) {
            _ = try await runProviderCommand(
                [
                    "applications", "move", "1", "Interview", "--provider", "tracker-rms", "--sandbox", "--known-stage",
                    "Interview",
                ], as: ApplicationsMoveCommand.self)
        }
        #expect(stage.message.contains("Known stage 'Interview' (from flag --known-stage) is not NAME=ID"))
    }

    @Test func theEmbeddedSandboxTakesTheSharedKnobs() async throws {
        let lines = try await runProviderCommand(
            ["applications", "list", "--json", "--provider", "tracker-rms", "--sandbox", "--timezone", "UTC"],
            as: ApplicationsListCommand.self, environment: ["ATS_SANDBOX_FAULT_RATE": "0.2"])
        #expect(lines.count == RMSSandboxConfiguration().placementCount)
        let configuration = try TrackerRMSConnection.embeddedConfiguration(
            environment: ["ATS_SANDBOX_RATE_LIMIT": "40", "ATS_SANDBOX_FAULT_RATE": "0.2"],
            zone: TimeZone(identifier: "Pacific/Kiritimati"))
        #expect(configuration.timeZoneIdentifier == "Pacific/Kiritimati")
        #expect(configuration.behavior.rateLimit == 40 && configuration.behavior.faultRate == 0.2)
    }

    /// `ats sync --rate-limit` paces every provider's client, not only Tracker's: against an account
    /// that answers 429 past 2 requests a second, a sync held to 1.5 a second is never refused.
    @Test func aSyncsRateLimitFlagPacesTheTrackerRMSClient() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("atskit-rms-rate-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let configuration = RMSSandboxConfiguration(
            seed: 5, opportunityCount: 3, resourceCount: 8, placementCount: 10, activityCount: 4,
            timeZoneIdentifier: "UTC", behavior: RMSSandboxBehavior(rateLimit: 2))
        try await withTrackerRMSSandbox(configuration) { sandbox in
            let sync = try #require(
                try ATSCommand.parseAsRoot([
                    "sync", "--database", path, "--quiet", "--json", "--rate-limit", "1.5", "--provider", "tracker-rms",
                    "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--timezone", "UTC",
                ]) as? SyncCommand)
            try await sync.execute(environment: [:], output: CapturedOutput().output)
            let log = sandbox.control.requestLog
            #expect(log.count > 3, "the sync sent \(log.count) requests")
            #expect(log.filter { $0.httpStatus == 429 }.count == 0, "answers 429 with --rate-limit 1.5")
        }
    }
}
