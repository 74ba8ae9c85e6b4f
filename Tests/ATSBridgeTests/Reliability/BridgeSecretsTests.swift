import ATSTestSupport
import Foundation
import Testing
import TrackerSandbox
import WorkableSandbox

/// The Workable token and the target's password never appear in what `ats bridge` writes (its
/// report, its errors, its journal) on any failure path: a refused token, a refused password, an
/// unreachable target, a Workable account answering only 5xx, a target refusing its reads, and a
/// secret written into the configuration itself.
@Suite struct BridgeSecretsTests {
    /// One failure path: what is done to the sandboxes and the environment before the run.
    enum FailurePath: String, CaseIterable, Sendable {
        case wrongWorkableToken
        case wrongTargetPassword
        case unreachableTarget
        case workableAnswersOnly5xx
        case targetAnswersOnly5xx
        case secretWrittenInTheConfiguration
    }

    @Test(.enabled(if: atsExecutable != nil))
    func noSecretInTheReportTheErrorsOrTheJournalOnAnyFailurePath() async throws {
        var scanned = 0
        var bytes = 0
        var leaks: [String] = []
        var failedRuns = 0
        for path in FailurePath.allCases {
            var workableConfiguration = WorkableSandboxConfiguration(personCount: 8, jobCount: 3)
            workableConfiguration.behavior.rateLimit = nil
            try await withWorkableSandbox(workableConfiguration) { workable in
                try await withBridgeSandboxes(sourceApplications: 1) { sandboxes in
                    try await withScratchFolder { folder in
                        let wrongToken = "wk-wrong-token-5e81c0d7"
                        let wrongPassword = "target-wrong-password-91af"
                        let secrets = [workable.token, "target-password", wrongToken, wrongPassword]
                        let run = try await Self.run(
                            path, workable: workable, sandboxes: sandboxes, folder: folder, wrongToken: wrongToken,
                            wrongPassword: wrongPassword)
                        if run.status != 0 { failedRuns += 1 }
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
                                leaks.append("\(path): \(place) holds \(secret.prefix(4))…")
                            }
                        }
                        #expect(run.status != 0, "\(path) is a failure path: \(run.errors.suffix(300))")
                        #expect(!run.errors.isEmpty, "\(path) says what went wrong")
                    }
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks)")
        let figures: [String: Any] = [
            "suite": "bridge-secrets", "budget": "quick", "failure_paths": FailurePath.allCases.count,
            "failed_runs": failedRuns, "outputs_scanned": scanned, "bytes_scanned": bytes, "leaks": leaks.count,
        ]
        if let data = try? JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys]) {
            print("RELIABILITY " + String(decoding: data, as: UTF8.self))
        }
    }

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Sets up `path`, runs `ats bridge --json --journal` to its end, and collects what it printed.
    static func run(
        _ path: FailurePath, workable: RunningWorkableSandbox, sandboxes: BridgeSandboxes, folder: URL,
        wrongToken: String, wrongPassword: String
    ) async throws -> Outcome {
        let shortcodes = workable.control.jobs.map(\.shortcode).sorted()
        let targetJobs = sandboxes.targetSandbox.control.jobs().map(\.id).sorted()
        var environment = ["WORKABLE_TOKEN": workable.token, "TARGET_PASSWORD": "target-password"]
        var targetURL = sandboxes.targetSandbox.baseURL
        var tokenSetting = #""api_token_env": "WORKABLE_TOKEN""#
        switch path {
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
                     "api_key": "\(sandboxes.targetSandbox.apiKey)", "api_password_env": "TARGET_PASSWORD"},
          "jobs": {"\(shortcodes[0])": "\(targetJobs[0])", "\(shortcodes[1])": "\(targetJobs[1])"}
        }
        """.write(to: configuration, atomically: true, encoding: .utf8)
        let output = PipeText()
        let errors = PipeText()
        let journal = folder.appendingPathComponent("bridge.journal").path
        let child = try ChildProcess(
            try #require(atsExecutable), ["bridge", "--config", configuration.path, "--journal", journal, "--json"],
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
