import ATSBridge
import ATSCore
import ATSTestSupport
import Foundation
import Testing
import TrackerSandbox
import WorkableSandbox

/// The `ats` executable SwiftPM builds next to the test bundle.
let atsExecutable: URL? = {
    let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("ats")
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
}()

/// The built `ats bridge` against two sandboxes: the report, a second run that sends no create,
/// and SIGKILL while the target holds a create, followed by a run that leaves one application per
/// person and job.
@Suite struct BridgeProcessTests {
    /// The secrets, given only through the environment.
    static let environment = ["SOURCE_PASSWORD": "sandbox", "TARGET_PASSWORD": "target-password"]

    static func writeConfiguration(_ sandboxes: BridgeSandboxes, to folder: URL) throws -> URL {
        let jobs = sandboxes.mapping.map { "\"\($0.key)\": \"\($0.value)\"" }.sorted().joined(separator: ", ")
        let text = """
            {
              "source": {"provider": "tracker", "base_url": "\(sandboxes.sourceSandbox.baseURL)",
                         "api_key": "\(sandboxes.sourceSandbox.apiKey)", "api_password_env": "SOURCE_PASSWORD"},
              "target": {"provider": "tracker", "base_url": "\(sandboxes.targetSandbox.baseURL)",
                         "api_key": "\(sandboxes.targetSandbox.apiKey)", "api_password_env": "TARGET_PASSWORD"},
              "jobs": {\(jobs)},
              "source_label": "Workable"
            }
            """
        let file = folder.appendingPathComponent("bridge.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    struct Run {
        var status: Int32
        var rows: [[String: Any]]
        var errors: String
    }

    /// Runs `ats bridge` to its end and reads its JSON lines.
    static func run(_ arguments: [String], rows expected: Int) async throws -> Run {
        let output = PipeText()
        let errors = PipeText()
        let child = try ChildProcess(
            try #require(atsExecutable), ["bridge"] + arguments, environment: environment,
            standardOutput: output.pipe, standardError: errors.pipe)
        let status = try await child.exit(within: .seconds(300))
        let text = try await output.wait(for: "\(expected) report lines") { text in
            text.split(separator: "\n").count >= expected
        }
        let rows = try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        return Run(status: status, rows: rows, errors: errors.text)
    }

    @Test(.enabled(if: atsExecutable != nil))
    func theCommandReportsEveryApplicationAndASecondRunCreatesNothing() async throws {
        try await withBridgeSandboxes { sandboxes in
            try await withScratchFolder { folder in
                let configuration = try Self.writeConfiguration(sandboxes, to: folder)
                let journal = folder.appendingPathComponent("bridge.journal").path
                let total = sandboxes.sourceSandbox.control.applicationCount
                let arguments = ["--config", configuration.path, "--journal", journal, "--json"]

                let dry = try await Self.run(arguments + ["--dry-run"], rows: total)
                #expect(sandboxes.targetCreates == 0, "a dry run sends no write")
                #expect(!FileManager.default.fileExists(atPath: journal), "nor writes a journal")
                #expect(dry.rows.contains { $0["outcome"] as? String == "would_create" })

                let first = try await Self.run(arguments, rows: total)
                let failed = first.rows.filter { $0["outcome"] as? String == "failed" }
                #expect(failed.allSatisfy { $0["reason"] as? String == "no_email" })
                #expect(first.status == (failed.isEmpty ? 0 : 1), "exit 1 exactly when a row failed")
                #expect(first.rows.count == total)
                let skipped = try #require(first.rows.first { $0["outcome"] as? String == "skipped" })
                #expect(skipped["reason"] as? String == "unmapped_job")
                #expect(skipped["target_id"] is NSNull)
                let created = first.rows.filter { $0["outcome"] as? String == "created" }
                #expect(created.count == sandboxes.expectedPeople().count - 0)
                #expect(created.allSatisfy { $0["target_id"] is String && $0["target_job"] is String })
                #expect(first.errors.contains("\(created.count) created"))
                let posts = sandboxes.targetCreates

                let second = try await Self.run(arguments, rows: total)
                #expect(sandboxes.targetCreates == posts, "the second run sent no create")
                #expect(second.rows.count { $0["outcome"] as? String == "created" } == 0)
                #expect(
                    second.rows.count { $0["outcome"] as? String == "existing" } == created.count
                        + first.rows.count { $0["outcome"] as? String == "existing" })
                #expect(!first.errors.contains("target-password") && !second.errors.contains("target-password"))
            }
        }
    }

    /// The sandbox holds the third create (before it takes effect, or after it took effect with
    /// its answer unsent); the test kills `ats`, lets the held create take effect or drops it, and
    /// runs the command again with the same journal.
    @Test(
        .enabled(if: atsExecutable != nil),
        arguments: [(SandboxHoldPoint.beforeHandling, false), (.beforeHandling, true), (.afterHandling, true)])
    func aBridgeKilledWhileTheTargetHoldsACreateLeavesOneApplicationPerPersonAndJob(
        point: SandboxHoldPoint, applied: Bool
    ) async throws {
        try await withBridgeSandboxes { sandboxes in
            try await withScratchFolder { folder in
                let configuration = try Self.writeConfiguration(sandboxes, to: folder)
                let journal = folder.appendingPathComponent("bridge.journal")
                let arguments = ["--config", configuration.path, "--journal", journal.path, "--json"]
                let control = sandboxes.targetSandbox.control
                let child = try ChildProcess(
                    try #require(atsExecutable), ["bridge"] + arguments, environment: Self.environment)
                defer { if child.isRunning { child.send(SIGKILL) } }

                // Walk the conversation one request at a time: the next hold is armed before the
                // current request is let go, so no request slips past.
                var hold = control.holdRequest(numbered: control.receivedRequestCount + 1, at: point)
                var creates = 0
                while true {
                    let caught = try await hold.arrival(timeout: .seconds(120))
                    if caught.method == "POST" && caught.path.hasSuffix("/applications") {
                        creates += 1
                        if creates == 3 { break }
                    }
                    let next = control.holdRequest(numbered: caught.number + 1, at: point)
                    hold.release()
                    hold = next
                }
                child.send(SIGKILL)
                _ = try await child.exit(within: .seconds(60))
                hold.release(applying: applied)
                while control.answeredRequestCount < control.receivedRequestCount {
                    try await control.awaitAnsweredRequests(
                        atLeast: control.receivedRequestCount, timeout: .seconds(60))
                }
                let identity =
                    "tracker \(sandboxes.sourceSandbox.baseURL) → tracker \(sandboxes.targetSandbox.baseURL)"
                let inDoubt = try await FileBridgeJournal(url: journal, bridge: identity, readOnly: true)
                    .createsInDoubt()
                #expect(inDoubt.count == 1, "the killed run's intent has no result")

                let rerun = try await Self.run(arguments, rows: sandboxes.sourceSandbox.control.applicationCount)
                #expect(rerun.status == 0 || rerun.rows.contains { $0["reason"] as? String == "no_email" })
                let perPerson = sandboxes.targetApplicationsPerPerson()
                #expect(Set(perPerson.keys) == sandboxes.expectedPeople())
                #expect(perPerson.values.allSatisfy { $0 == 1 }, "duplicates: \(perPerson.filter { $0.value > 1 })")
                let settled = rerun.rows.filter { $0["reason"] as? String == "settled_interrupted_create" }
                #expect(settled.count == (applied ? 1 : 0), "the killed create is settled from the target")
            }
        }
    }

    /// The seed's case through the command: a Workable source (token from the environment) and a
    /// Tracker target; an unknown job is a configuration error that sends nothing.
    @Test(.enabled(if: atsExecutable != nil))
    func theCommandBridgesAWorkableAccountIntoTracker() async throws {
        var workableConfiguration = WorkableSandboxConfiguration(personCount: 12, jobCount: 3)
        workableConfiguration.behavior.rateLimit = nil
        try await withWorkableSandbox(workableConfiguration) { workable in
            try await withBridgeSandboxes(sourceApplications: 1) { sandboxes in
                try await withScratchFolder { folder in
                    let shortcodes = workable.control.jobs.map(\.shortcode).sorted()
                    let tracker = sandboxes.targetSandbox
                    let targetJobs = tracker.control.jobs().map(\.id).sorted()
                    func configuration(jobs: String) throws -> String {
                        let file = folder.appendingPathComponent("bridge-\(UUID().uuidString).json")
                        try """
                        {
                          "source": {"provider": "workable", "base_url": "\(workable.baseURL)",
                                     "api_token_env": "WORKABLE_TOKEN"},
                          "target": {"provider": "tracker", "base_url": "\(tracker.baseURL)",
                                     "api_key": "\(tracker.apiKey)", "api_password_env": "TARGET_PASSWORD"},
                          "jobs": {\(jobs)}
                        }
                        """.write(to: file, atomically: true, encoding: .utf8)
                        return file.path
                    }
                    let good = try configuration(
                        jobs: "\"\(shortcodes[0])\": \"\(targetJobs[0])\", \"\(shortcodes[1])\": \"\(targetJobs[1])\"")
                    let environment = Self.environment.merging(["WORKABLE_TOKEN": workable.token]) { $1 }
                    let output = PipeText()
                    let child = try ChildProcess(
                        try #require(atsExecutable), ["bridge", "--config", good, "--json"], environment: environment,
                        standardOutput: output.pipe)
                    let status = try await child.exit(within: .seconds(300))
                    let count = workable.control.candidates.count
                    let text = try await output.wait(for: "\(count) rows") { $0.split(separator: "\n").count >= count }
                    let rows = text.split(separator: "\n").compactMap {
                        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
                    }
                    let outcomes = Set(rows.compactMap { $0["outcome"] as? String })
                    #expect(outcomes.isSubset(of: ["created", "existing", "skipped", "failed"]))
                    #expect(outcomes.contains("created") && outcomes.contains("skipped"))
                    #expect(status == (outcomes.contains("failed") ? 1 : 0))
                    #expect(workable.control.requests.allSatisfy { $0.method == "GET" }, "Workable is only read")

                    let unknown = try configuration(jobs: "\"NOSUCHJOB\": \"\(targetJobs[0])\"")
                    let errors = PipeText()
                    let posts = sandboxes.targetCreates
                    let refused = try ChildProcess(
                        try #require(atsExecutable), ["bridge", "--config", unknown], environment: environment,
                        standardError: errors.pipe)
                    #expect(try await refused.exit(within: .seconds(120)) == 2)
                    let message = try await errors.wait(for: "the refusal") { $0.contains("\n") }
                    #expect(message.contains("NOSUCHJOB on the source (workable)"))
                    #expect(sandboxes.targetCreates == posts)
                    #expect(!message.contains(workable.token))
                }
            }
        }
    }
}
