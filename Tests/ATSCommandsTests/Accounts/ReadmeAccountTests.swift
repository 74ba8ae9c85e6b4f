import Foundation
import Testing
import TrackerSandbox

/// Issue 14's "Done when": every README command against sandboxes configured like real accounts.
/// Commands with `--sandbox` get the configuration through the `ATS_SANDBOX_*` variables; the
/// others are pointed at an in-process sandbox so configured. Each must do its job (or, when its job
/// needs an endpoint the account lacks, fail naming that endpoint), and speak in one voice.
@Suite("README commands on other accounts", .serialized)
struct ReadmeAccountTests {
    @Test func theReadmeHasCommandsToRun() throws {
        let commands = try ReadmeCommands.all()
        #expect(commands.filter { $0.skipReason == nil }.count >= 10, "\(commands)")
        #expect(commands.contains { $0.leaf == "applications bulk-reject" && $0.input != nil })
    }

    @Test(arguments: AccountConfiguration.allCases.filter(\.lacksModelEndpoints))
    func everyReadmeCommandDoesItsJob(_ account: AccountConfiguration) async throws {
        try await Self.runReadme(on: account)
    }

    /// The configurations waiting for another change of issue 14: each runs once its reason is removed.
    @Test(.disabled(if: AccountConfiguration.otherStatuses.isDisabled, AccountConfiguration.otherStatuses.comment))
    func everyReadmeCommandOnAnAccountWithOtherStatuses() async throws {
        try await Self.runReadme(on: .otherStatuses)
    }

    @Test(.disabled(if: AccountConfiguration.rateLimited.isDisabled, AccountConfiguration.rateLimited.comment))
    func everyReadmeCommandOnARateLimitedAccount() async throws {
        try await Self.runReadme(on: .rateLimited)
    }

    static func runReadme(on account: AccountConfiguration) async throws {
        let settings = account.applied(to: SandboxConfiguration())
        let scratch = try CommandLineBadInputTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withTrackerSandbox(settings) { sandbox in
            let environment = account.sandboxEnvironment.merging([
                "TRACKER_BASE_URL": sandbox.baseURL, "TRACKER_API_KEY": sandbox.apiKey,
                "TRACKER_API_PASSWORD": sandbox.apiPassword,
                // The README's commands as a reader runs them: with the patient default.
                "ATS_RETRY_ATTEMPTS": "10",
            ]) { mine, _ in mine }
            for command in try ReadmeCommands.all() where command.skipReason == nil {
                let arguments = Self.pointed(command.arguments, at: sandbox)
                let folder = scratch.appendingPathComponent(UUID().uuidString)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let outcome = try await CommandProcess.run(
                    arguments, environment: environment, input: command.input, workingDirectory: folder,
                    limit: Self.limit(on: account))
                let name = "\(account): \(command)"
                CommandLineBadInputTests.expectCase(
                    name, outcome, Self.expectations(command, account: account, outcome: outcome))
            }
        }
    }

    /// How long a README command may take before the harness calls it hung (a guard, not a verdict).
    ///
    /// On the rate-limited account the README's 500-application bulk-reject needs about 2,000
    /// requests at 5 per second, and a rejection whose answer a fault lost is sent again only after
    /// `--resend-after` (300 s by default), so that no application is acted on twice: with 5% faults
    /// some answer is lost in nearly every run, and the command rightly takes 7 minutes or so.
    static func limit(on account: AccountConfiguration) -> Duration {
        account == .rateLimited ? .seconds(1_200) : .seconds(300)
    }

    /// The README's connection values replaced by the sandbox's.
    static func pointed(_ arguments: [String], at sandbox: RunningSandbox) -> [String] {
        var result: [String] = []
        var replacing: String?
        for argument in arguments {
            if let flag = replacing {
                result.append(
                    flag == "--base-url" ? sandbox.baseURL : flag == "--api-key" ? sandbox.apiKey : sandbox.apiPassword)
                replacing = nil
                continue
            }
            if ["--base-url", "--api-key", "--api-password"].contains(argument) { replacing = argument }
            result.append(argument)
        }
        return result
    }

    /// What the command must have done on this account.
    static func expectations(
        _ command: ReadmeCommand, account: AccountConfiguration, outcome: CommandProcess.Outcome
    ) -> [(Bool, String)] {
        var checks = voiceChecks(outcome)
        let out = outcome.standardOutput
        let err = outcome.standardError
        guard account.lacksModelEndpoints else {
            if account == .otherStatuses, command.leaf == "applications move", command.has("--only-from") {
                // The README moves only from "Screening", which this account does not have.
                checks.append((outcome.status == 1, "exit status 1: the application is not in Screening"))
                checks.append((err.contains("nothing was sent"), "says nothing was sent"))
            } else {
                checks.append((outcome.status == 0, "exit status 0"))
            }
            return checks
        }
        switch command.leaf {
        case "notes add":
            checks.append((outcome.status == 1, "exit status 1: adding a note needs POST /notes"))
            checks.append((err.contains("POST /notes"), "the message names POST /notes"))
        case "applications reject" where command.has("--reason"):
            checks.append((outcome.status == 0, "exit status 0: the rejection needs no note"))
            checks.append((out.contains("POST /notes"), "says the reason was not kept because POST /notes is missing"))
            checks.append((!err.contains("Warning"), "no warning: the result already says it"))
        case "sync":
            checks.append((outcome.status == 0, "exit status 0: the schemas are an optional stream"))
            if command.has("--json") {
                let skipped = skipReason(ofSchemasIn: out)
                checks.append(
                    (skipped?.contains("custom_fields_schema") == true, "the JSON report says why schemas were skipped")
                )
            } else {
                checks.append(
                    (out.contains("custom_field_schemas: skipped"), "the report says the schemas were skipped"))
            }
        case "actions run":
            checks.append((outcome.status == 0, "exit status 0: running an action needs no trigger list"))
            checks.append((err.contains("GET /triggers"), "one warning names GET /triggers"))
        case "applications list", "candidates find":
            checks.append((outcome.status == 0, "exit status 0: custom fields stay untyped"))
            checks.append((err.contains("custom_fields_schema"), "one warning names the schema endpoint"))
        default:
            checks.append((outcome.status == 0, "exit status 0"))
        }
        return checks
    }

    /// What every message must avoid (issue 14 point 10, and the 404 wording of point 1).
    static func voiceChecks(_ outcome: CommandProcess.Outcome) -> [(Bool, String)] {
        let text = outcome.standardOutput + "\n" + outcome.standardError
        let warnings = outcome.standardError.split(separator: "\n").filter { $0.hasPrefix("Warning:") }
        return [
            (!text.contains("Tracker has no stream"), "no 404 is called a missing record"),
            (text.range(of: #"[^.]\.\.(?!\.)"#, options: .regularExpression) == nil, "no double full stop"),
            (
                text.range(
                    of: #"\b1 (records|pages|applications|requests|notes|files|jobs|attempts)\b"#,
                    options: .regularExpression) == nil, "no plural after 1"
            ),
            (!text.contains("NIOSSL") && !text.contains("errno"), "no library error names"),
            (Set(warnings).count == warnings.count, "each warning once"),
        ]
    }

    /// The schemas stream's `skip_reason` in a `sync --json` report.
    static func skipReason(ofSchemasIn output: String) -> String? {
        for line in output.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let streams = object["streams"] as? [[String: Any]]
            else { continue }
            return streams.first { $0["stream"] as? String == "custom_field_schemas" }?["skip_reason"] as? String
        }
        return nil
    }
}
