import ATSTestSupport
import Foundation
import Testing
import TrackerSandbox
import WorkableSandbox

/// The Workable token and the target's key and password (all set through the environment
/// variables the bridge configuration names) never appear in what `ats bridge` writes — its report,
/// its `--json` rows, its errors, its `--log-level debug` and `trace` logs, its journal — on a run
/// that succeeds and on every failure path: a refused token, a refused password, an unreachable
/// target, a Workable account answering only 5xx, a target refusing its reads, and a secret written
/// into the configuration itself. The quick budget runs four of them (one at each log level); the
/// full budget runs every path at every level.
@Suite struct BridgeSecretsTests {
    /// One path: what is done to the sandboxes and the environment before the run.
    enum FailurePath: String, CaseIterable, Sendable {
        case noFailure
        case wrongWorkableToken
        case wrongTargetPassword
        case unreachableTarget
        case workableAnswersOnly5xx
        case targetAnswersOnly5xx
        case secretWrittenInTheConfiguration
    }

    /// The `--log-level` of a run; nil for none.
    static let levels: [String?] = [nil, "debug", "trace"]

    /// The runs of this budget: the quick one covers a success and three failures, one per level.
    static let runs: [(FailurePath, String?)] =
        ReliabilityRun.isFull
        ? FailurePath.allCases.flatMap { path in levels.map { (path, $0) } }
        : [
            (.noFailure, "trace"), (.wrongWorkableToken, "debug"), (.wrongTargetPassword, "trace"),
            (.secretWrittenInTheConfiguration, nil),
        ]

    @Test(.enabled(if: atsExecutable != nil))
    func noSecretInTheReportTheLogsTheErrorsOrTheJournalOnAnyPath() async throws {
        var scanned = 0
        var bytes = 0
        var logLines = 0
        var leaks: [String] = []
        var failedRuns = 0
        for (path, level) in Self.runs {
            var workableConfiguration = WorkableSandboxConfiguration(personCount: 8, jobCount: 3)
            workableConfiguration.behavior.rateLimit = nil
            try await withWorkableSandbox(workableConfiguration) { workable in
                try await withBridgeSandboxes(sourceApplications: 1) { sandboxes in
                    try await withScratchFolder { folder in
                        let wrongToken = "wk-wrong-token-5e81c0d7"
                        let wrongPassword = "target-wrong-password-91af"
                        let secrets = [
                            workable.token, sandboxes.targetSandbox.apiKey, "target-password", wrongToken,
                            wrongPassword,
                        ]
                        let run = try await Self.run(
                            path, logLevel: level, workable: workable, sandboxes: sandboxes, folder: folder,
                            wrongToken: wrongToken, wrongPassword: wrongPassword)
                        let name = "\(path) at \(level ?? "no log level")"
                        if run.status != 0 { failedRuns += 1 }
                        // A secret in the file is refused before either side is connected: nothing to log.
                        if level != nil && path != .secretWrittenInTheConfiguration {
                            logLines += run.errors.split(separator: "\n").count
                        }
                        var texts = ["standard output": run.output, "standard error": run.errors]
                        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                        for file in files where !file.hasSuffix(".json") {
                            let data = try Data(contentsOf: folder.appendingPathComponent(file))
                            texts["file \(file)"] = String(decoding: data, as: UTF8.self)
                        }
                        for (place, text) in texts {
                            scanned += 1
                            bytes += text.utf8.count
                            for secret in secrets where text.contains(secret) {
                                leaks.append("\(name): \(place) holds \(secret.prefix(4))…")
                            }
                        }
                        if path == .noFailure {
                            // The seed holds applicants without an e-mail address: their rows fail (1).
                            #expect(run.status <= 1, "\(name) bridges: \(run.errors.suffix(300))")
                            #expect(run.errors.contains("created"), "\(name) reports what it created")
                            #expect(run.output.contains("{"), "\(name) prints its --json rows")
                        } else {
                            #expect(run.status != 0, "\(name) is a failure path: \(run.errors.suffix(300))")
                            #expect(!run.errors.isEmpty, "\(name) says what went wrong")
                        }
                        // A secret in the file is refused before either side is connected: nothing to log.
                        if level != nil && path != .secretWrittenInTheConfiguration {
                            #expect(run.errors.contains("ats.bridge."), "\(name) logs both sides' requests")
                        }
                    }
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks)")
        ReliabilityRun.publish(
            suite: "bridge-secrets",
            [
                "paths": Set(Self.runs.map(\.0)).count, "runs": Self.runs.count,
                "log_levels": Set(Self.runs.compactMap(\.1)).count, "log_lines": logLines,
                "runs_exiting_nonzero": failedRuns, "outputs_scanned": scanned, "bytes_scanned": bytes,
                "leaks": leaks.count,
            ])
    }

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Sets up `path`, runs `ats bridge --json --journal` to its end, and collects what it printed.
    static func run(
        _ path: FailurePath, logLevel: String?, workable: RunningWorkableSandbox, sandboxes: BridgeSandboxes,
        folder: URL,
        wrongToken: String, wrongPassword: String
    ) async throws -> Outcome {
        let shortcodes = workable.control.jobs.map(\.shortcode).sorted()
        let targetJobs = sandboxes.targetSandbox.control.jobs().map(\.id).sorted()
        // Two attempts per request to the target (not the patient ten), so that a path that fails on
        // every request ends in seconds; the secrets are the same on every attempt.
        var environment = [
            "WORKABLE_TOKEN": workable.token, "TARGET_KEY": sandboxes.targetSandbox.apiKey,
            "TARGET_PASSWORD": "target-password", "ATS_RETRY_ATTEMPTS": "2",
        ]
        var targetURL = sandboxes.targetSandbox.baseURL
        var tokenSetting = #""api_token_env": "WORKABLE_TOKEN""#
        switch path {
        case .noFailure: break
        case .wrongWorkableToken: environment["WORKABLE_TOKEN"] = wrongToken
        case .wrongTargetPassword: environment["TARGET_PASSWORD"] = wrongPassword
        case .unreachableTarget: targetURL = "http://127.0.0.1:1/api/v1"
        case .workableAnswersOnly5xx:
            workable.control.update {
                $0.faultRate = 1
                $0.faultKinds = [.serverError, .badGatewayHTML, .serviceUnavailable]
            }
        case .targetAnswersOnly5xx: sandboxes.targetSandbox.control.scriptFault(.serverError, count: 1_000)
        case .secretWrittenInTheConfiguration: tokenSetting = #""api_token": "\#(workable.token)""#
        }
        let configuration = folder.appendingPathComponent("bridge.json")
        try """
        {
          "source": {"provider": "workable", "base_url": "\(workable.baseURL)", \(tokenSetting)},
          "target": {"provider": "tracker", "base_url": "\(targetURL)",
                     "api_key_env": "TARGET_KEY", "api_password_env": "TARGET_PASSWORD"},
          "jobs": {"\(shortcodes[0])": "\(targetJobs[0])", "\(shortcodes[1])": "\(targetJobs[1])"}
        }
        """.write(to: configuration, atomically: true, encoding: .utf8)
        let output = PipeText()
        let errors = PipeText()
        let journal = folder.appendingPathComponent("bridge.journal").path
        let child = try ChildProcess(
            try #require(atsExecutable),
            ["bridge", "--config", configuration.path, "--journal", journal, "--json"]
                + (logLevel.map { ["--log-level", $0] } ?? []),
            environment: environment, standardOutput: output.pipe, standardError: errors.pipe)
        let status = try await child.exit(within: .seconds(300))
        return Outcome(status: status, output: await Self.all(output), errors: await Self.all(errors))
    }

    /// Everything a pipe carried, once the child closed it.
    static func all(_ pipe: PipeText) async -> String {
        do {
            return try await pipe.wait(for: "the end of the output", within: .seconds(60)) { _ in false }
        } catch let closed as PipeText.PipeClosed {
            return closed.text
        } catch {
            return pipe.text
        }
    }
}
