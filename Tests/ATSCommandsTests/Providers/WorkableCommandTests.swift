import ATSCore
import ArgumentParser
import Foundation
import GRDB
import Testing
import WorkableSandbox

@testable import ATSCommands

/// A sandbox unlike the default one: a limit of 10 requests per 1-second window (the client is
/// told 10 per second, so its bursts meet 429s), next links on the other path form with `null` on
/// the last page, members in the older shape, writes answered 202, and 5xx faults.
private func unusualSandbox() -> WorkableSandboxConfiguration {
    var behavior = WorkableSandboxBehavior(rateLimit: 10)
    behavior.rateWindowSeconds = 1
    behavior.resetFormat = .secondsFromNow
    behavior.nextLinks = .nullOnLastPage
    behavior.membersWithSingleRole = true
    behavior.writesAnswer202 = true
    behavior.faultRate = 0.1
    behavior.faultKinds = [.serverError, .badGatewayHTML, .serviceUnavailable]
    return WorkableSandboxConfiguration(personCount: 12, jobCount: 3, seed: 29, behavior: behavior)
}

@Suite struct WorkableCommandTests {
    @Test func everyCommandWorkableCanDoRunsAgainstAnUnusualAccount() async throws {
        try await withWorkableSandbox(unusualSandbox()) { sandbox in
            let control = sandbox.control
            let member = try #require(control.members.last { $0.active })
            let connection = [
                "--provider", "workable", "--base-url", sandbox.baseURL, "--api-token", sandbox.token,
                "--member-id", member.id,
            ]
            // The client is told 10 requests per second; the sandbox allows 10 per 1-second window.
            let limited = ["ATS_RATE_LIMIT": "10"]
            let jobs = try await runProviderCommand(
                ["jobs", "list", "--json"] + connection, as: JobsListCommand.self, environment: limited)
            #expect(jobs.count == control.jobs.count)

            let applications = try await runProviderCommand(
                ["applications", "list", "--json"] + connection, as: ApplicationsListCommand.self, environment: limited)
            #expect(applications.count == control.candidates.count)

            let stages = try await runStagesList(["stages", "list", "--json"] + connection, environment: limited)
            for stage in control.stages { #expect(stages.contains { $0.contains("\"\(stage.name)\"") }) }

            let open = control.candidates.filter { !$0.isDisqualified }
            let moved = try #require(open.first)
            let pipeline = try #require(control.jobs.first { $0.shortcode == moved.shortcode }?.pipeline)
            let targetSlug = try #require(pipeline.first { $0 != moved.stageSlug })
            let targetName = try #require(control.stages.first { $0.slug == targetSlug }?.name)
            _ = try await runProviderCommand(
                ["applications", "move", moved.id, targetName.uppercased()] + connection,
                as: ApplicationsMoveCommand.self, environment: limited)
            #expect(control.candidates.first { $0.id == moved.id }?.stageSlug == targetSlug)
            #expect(control.activities(of: moved.id).contains { $0.action == "moved" && $0.memberID == member.id })

            let reason = try #require(control.reasons.first)
            _ = try await runProviderCommand(
                ["applications", "reject", open[1].id, "--reason", reason.id] + connection,
                as: ApplicationsRejectCommand.self, environment: limited)
            let rejected = try #require(control.candidates.first { $0.id == open[1].id })
            #expect(rejected.isDisqualified && rejected.disqualificationReason == reason.text)

            let report = try await runProviderCommand(
                ["applications", "bulk-reject", "--json", open[2].id, open[3].id, "--reason", "Position filled"]
                    + connection, as: ApplicationsBulkRejectCommand.self, environment: limited)
            #expect(report.count == 2 && report.allSatisfy { $0.contains(#""outcome":"rejected""#) })
            let bulkRejected = control.candidates.filter { [open[2].id, open[3].id].contains($0.id) }
            #expect(bulkRejected.count == 2 && bulkRejected.allSatisfy { $0.isDisqualified })

            _ = try await runProviderCommand(
                ["notes", "add", "--application", moved.id, "Strong portfolio."] + connection, as: NotesAddCommand.self,
                environment: limited)
            #expect(control.activities(of: moved.id).contains { $0.body?.contains("Strong portfolio.") == true })

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-wk-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let withFiles = try #require(control.candidates.first { !control.files(of: $0.id).isEmpty })
            let saved = try await runProviderCommand(
                ["files", "download", "--application", withFiles.id, "--output-dir", folder.path, "--json"]
                    + connection,
                as: FilesDownloadCommand.self, environment: limited)
            #expect(saved.count == control.files(of: withFiles.id).count)
            // The pre-signed file host never saw the token.
            #expect(control.requests.filter { $0.host == .files }.allSatisfy { !$0.hadAuthorization })
        }
    }

    @Test func aSyncMirrorsEveryRecordAndNamesTheProvider() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("atskit-wk-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        var configuration = unusualSandbox()
        configuration.behavior.faultRate = 0
        try await withWorkableSandbox(configuration) { sandbox in
            let sync = try #require(
                try ATSCommand.parseAsRoot([
                    "sync", "--provider", "workable", "--base-url", sandbox.baseURL, "--database", path, "--quiet",
                    "--json", "--rate-limit", "10",
                ]) as? SyncCommand)
            let captured = CapturedOutput()
            try await sync.execute(environment: ["WORKABLE_API_TOKEN": sandbox.token], output: captured.output)
            #expect(captured.lines.first?.contains(#""account":"workable""#) == true)
            let queue = try DatabaseQueue(path: path)
            let (provider, count) = try await queue.read { db in
                (
                    try String.fetchOne(db, sql: "SELECT provider FROM accounts"),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM applications WHERE account = 'workable'")
                )
            }
            #expect(provider == "workable")
            #expect(count == sandbox.control.candidates.count)
            // Notes cost a request per record: a sync without --streams leaves them to the sweep.
            let notesBefore = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM notes") }
            #expect(notesBefore == 0)
            let sweep = try #require(
                try ATSCommand.parseAsRoot([
                    "sync", "--provider", "workable", "--base-url", sandbox.baseURL, "--database", path, "--quiet",
                    "--json", "--rate-limit", "10", "--streams", "notes",
                ]) as? SyncCommand)
            try await sweep.execute(environment: ["WORKABLE_API_TOKEN": sandbox.token], output: captured.output)
            let comments = sandbox.control.candidates.flatMap { sandbox.control.activities(of: $0.id) }
                .filter { $0.action == "comment" }.count
            let notesAfter = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM notes") }
            #expect(notesAfter == comments)
            try queue.close()
        }
    }

    @Test func wrongTokensAndBadFlagsAreExplainedWithoutTheToken() async throws {
        var quiet = WorkableSandboxConfiguration(personCount: 3, jobCount: 3)
        quiet.behavior.rateLimit = nil
        try await withWorkableSandbox(quiet) { sandbox in
            let refused = try await #require(throws: CommandFailure.self) {
                _ = try await runProviderCommand(
                    ["jobs", "list", "--provider", "workable", "--base-url", sandbox.baseURL],
                    as: JobsListCommand.self, environment: ["WORKABLE_API_TOKEN": "wk-wrong-SECRET"])
            }
            #expect(refused.message.contains("Workable at \(sandbox.baseURL) (from flag --base-url) refused"))
            #expect(refused.message.contains("WORKABLE_API_TOKEN"))
            #expect(!refused.message.contains("wk-wrong-SECRET"))
        }
        let cases: [([String], [String: String], String)] = [
            ([], ["WORKABLE_API_TOKEN": "t-SECRET"], "No Workable account given. Pass --base-url"),
            (["--base-url", "https://acme.workable.com/spi/v3"], [:], "No Workable API token given"),
            (["--sandbox", "--api-token", "t-SECRET"], [:], "--sandbox starts its own server"),
            (["--api-key", "k-SECRET"], [:], "--api-key is not a setting of provider workable"),
            (["--sandbox"], ["ATS_SANDBOX_MODEL_ENDPOINTS": "missing-json"], "the workable sandbox has no such"),
        ]
        for (flags, environment, message) in cases {
            let error = try await #require(throws: CommandFailure.self) {
                _ = try await runProviderCommand(
                    ["jobs", "list", "--provider", "workable"] + flags, as: JobsListCommand.self,
                    environment: environment)
            }
            #expect(error.message.contains(message), "\(flags): \(error.message)")
            #expect(!error.message.contains("SECRET"))
        }
    }

    @Test func theEmbeddedSandboxServesEveryCommandWithoutALimitUnlessAsked() async throws {
        let lines = try await runProviderCommand(
            ["applications", "list", "--json", "--provider", "workable", "--sandbox"], as: ApplicationsListCommand.self)
        #expect(!lines.isEmpty)
        let limited = try WorkableConnection.embeddedConfiguration(environment: ["ATS_SANDBOX_RATE_LIMIT": "2"])
        #expect(limited.behavior.rateLimit == 20)
        #expect(try WorkableConnection.embeddedConfiguration(environment: [:]).behavior.rateLimit == nil)
    }
}
