import ATSSyncSQLite
import Foundation
import Synchronization
import Testing
import TrackerSandbox

/// The "Command line" suite of issue 8: every leaf command given wrong flags, missing credentials,
/// an unreachable server, a server that answers HTML, and (for `sync` and `demo`) a database that is
/// read-only or corrupt. Each must explain itself on standard error, exit non-zero, and leave the
/// database file as it was.
@Suite("Command line, bad input", .serialized, .cliFigures)
struct CommandLineBadInputTests {
    static let password = "cli-Secret-77"

    /// The connection flags of a server that exists (or not) at `url`.
    static func server(_ url: String) -> [String] {
        ["--base-url", url, "--api-key", "cli-key", "--api-password", password]
    }

    /// The leaf's well-formed arguments with its placeholders filled in.
    static func arguments(_ leaf: CommandMatrix.Leaf, scratch: URL) throws -> [String] {
        let file = scratch.appendingPathComponent("resume.txt")
        if !FileManager.default.fileExists(atPath: file.path) { try Data("Ada Byron\n".utf8).write(to: file) }
        return leaf.path
            + leaf.arguments.map { $0 == "{dir}" ? scratch.path : $0 == "{file}" ? file.path : $0 }
    }

    /// Records a case: its expectations, and whether they held, for the figures.
    static func expectCase(
        _ name: String, _ outcome: CommandProcess.Outcome, _ checks: [(Bool, String)], knownIssue: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var passed = true
        let failing = checks.filter { !$0.0 }
        if let knownIssue {
            withKnownIssue(Comment(rawValue: knownIssue), isIntermittent: true) {
                for (_, what) in failing {
                    Issue.record("\(name): \(what). \(outcome)", sourceLocation: sourceLocation)
                }
            }
            if !failing.isEmpty { CLIFigures.shared.recordKnown(name) }
        } else {
            for (_, what) in failing {
                passed = false
                Issue.record("\(name): \(what). \(outcome)", sourceLocation: sourceLocation)
            }
        }
        if outcome.standardError.contains(password) || outcome.standardOutput.contains(password) {
            passed = false
            Issue.record("\(name): the API password was printed. \(outcome)", sourceLocation: sourceLocation)
        }
        CLIFigures.shared.record(name, passed: passed, seconds: outcome.seconds)
    }

    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `body` for the matching leaves, four processes at a time by default (most of a run is
    /// waiting).
    ///
    /// `concurrency` commands run at once; an account with a low rate limit gets one at a time, as a
    /// person would run them, or the commands' own requests would exhaust its limit and every case
    /// would end in "too many requests" instead of the answer under test.
    static func forEachLeaf(
        where include: (CommandMatrix.Leaf) -> Bool = { _ in true },
        concurrency: Int = 4,
        _ body: @escaping @Sendable (CommandMatrix.Leaf) async throws -> Void
    ) async throws {
        let leaves = CommandMatrix.leaves.values.filter(include).sorted { $0.path.lexicographicallyPrecedes($1.path) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, leaf) in leaves.enumerated() {
                if index >= concurrency { try await group.next() }
                group.addTask { try await body(leaf) }
            }
            try await group.waitForAll()
        }
    }

    @Test func everyLeafIsInTheMatrix() {
        let found = Set(CommandMatrix.leafPaths().map { $0.joined(separator: " ") })
        let listed = Set(CommandMatrix.leaves.keys)
        #expect(
            found.subtracting(listed).isEmpty,
            "leaf commands without bad-input cases: \(found.subtracting(listed).sorted())")
        #expect(
            listed.subtracting(found).isEmpty, "matrix entries for no command: \(listed.subtracting(found).sorted())")
        CLIFigures.shared.commands = found.count
    }

    @Test func wrongFlagsAreUsageErrorsThatNameTheFlag() async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await Self.forEachLeaf { leaf in
            let base = try Self.arguments(leaf, scratch: scratch)
            let unknown = try await CommandProcess.run(base + ["--no-such-flag"])
            Self.expectCase(
                "\(leaf.path.joined(separator: " ")): unknown flag", unknown,
                [
                    (unknown.status == 64, "exit status 64 (usage)"),
                    (unknown.standardError.contains("--no-such-flag"), "the message names the flag"),
                ])
            guard let malformed = leaf.malformed else { return }
            let wrong = try await CommandProcess.run(leaf.path + malformed.arguments)
            Self.expectCase(
                "\(leaf.path.joined(separator: " ")): malformed \(malformed.flag)", wrong,
                [
                    (wrong.status == 64, "exit status 64 (usage)"),
                    (wrong.standardError.contains(malformed.flag), "the message names \(malformed.flag)"),
                ])
        }
    }

    @Test func missingCredentialsNameTheFlagsAndTheVariables() async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await Self.forEachLeaf(where: \.usesServer) { leaf in
            let base =
                try Self.arguments(leaf, scratch: scratch)
                + (leaf.usesDatabase ? ["--database", scratch.appendingPathComponent("m.sqlite").path] : [])
            let noServer = try await CommandProcess.run(base)
            Self.expectCase(
                "\(leaf.path.joined(separator: " ")): no server", noServer,
                [
                    (noServer.status == 64, "exit status 64 (usage)"),
                    (noServer.standardError.contains("--base-url"), "names --base-url"),
                    (noServer.standardError.contains("TRACKER_BASE_URL"), "names TRACKER_BASE_URL"),
                ])
            let noKey = try await CommandProcess.run(
                base, environment: ["TRACKER_BASE_URL": "http://127.0.0.1:1/api/v1"])
            Self.expectCase(
                "\(leaf.path.joined(separator: " ")): no credentials", noKey,
                [
                    (noKey.status == 64, "exit status 64 (usage)"),
                    (
                        ["--api-key", "--api-password", "TRACKER_API_KEY", "TRACKER_API_PASSWORD"].allSatisfy {
                            noKey.standardError.contains($0)
                        }, "names --api-key, --api-password, TRACKER_API_KEY and TRACKER_API_PASSWORD"
                    ),
                ])
        }
    }

    @Test func anUnreachableServerIsReportedQuickly() async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await Self.forEachLeaf(where: \.usesServer) { leaf in
            let database = scratch.appendingPathComponent("unreachable.sqlite").path
            let outcome = try await CommandProcess.run(
                try Self.arguments(leaf, scratch: scratch) + Self.server("http://127.0.0.1:1/api/v1")
                    + (leaf.usesDatabase ? ["--database", database] : []))
            Self.expectCase(
                "\(leaf.path.joined(separator: " ")): unreachable server", outcome,
                [
                    (outcome.status == 1, "exit status 1"),
                    (outcome.standardError.contains("could not be reached"), "says the server could not be reached"),
                    (outcome.standardError.contains("127.0.0.1:1"), "names the server"),
                ], knownIssue: leaf.knownIssue)
            CLIFigures.shared.recordUnreachable(seconds: outcome.seconds)
        }
    }

    /// The sandbox's defaults (`nil`), then every account configuration of issue 14 that is enabled.
    static let accounts: [AccountConfiguration?] = [nil] + AccountConfiguration.enabled

    @Test(arguments: [SandboxFault.nonJSONSuccess, .badGatewayHTML, .serverError], accounts)
    func aServerThatIsNotTrackerIsNamedAsSuch(_ fault: SandboxFault, _ account: AccountConfiguration?) async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var settings = SandboxConfiguration(seed: 3, jobCount: 4, applicationCount: 40)
        if let account { settings = account.applied(to: settings) }
        settings.behavior.latency = .zero
        try await withTrackerSandbox(settings) { sandbox in
            sandbox.control.scriptFault(fault, count: 100_000)
            try await Self.forEachLeaf(where: \.usesServer, concurrency: account == .rateLimited ? 1 : 4) { leaf in
                let database = scratch.appendingPathComponent("html-\(UUID().uuidString).sqlite").path
                let outcome = try await CommandProcess.run(
                    try Self.arguments(leaf, scratch: scratch)
                        + [
                            "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password",
                            sandbox.apiPassword,
                        ]
                        + (leaf.usesDatabase ? ["--database", database] : []))
                let message = outcome.standardError
                let expected: (Bool, String) =
                    if leaf.posts && fault != .nonJSONSuccess {
                        // A POST whose answer is a 5xx may have been acted on: that is what must be said.
                        // The one exception is a streamed upload answered before its body was sent
                        // whole: the server cannot have stored a file it never received, and saying so
                        // is right (whether the answer beats the body is up to the sockets' timing).
                        (
                            message.contains("may or may not have acted")
                                || (message.contains("was cut off before all of it was sent")
                                    && message.contains("Nothing was stored")),
                            "says the outcome is unknown, or that the upload was cut off before it was sent whole"
                        )
                    } else if fault == .serverError {
                        (message.contains("HTTP 500"), "names the HTTP status")
                    } else {
                        (
                            message.contains("HTML page") && message.contains("not the Tracker API"),
                            "says an HTML page answered, not the Tracker API"
                        )
                    }
                Self.expectCase(
                    "\(leaf.path.joined(separator: " ")): \(fault.rawValue)\(account.map { " on \($0)" } ?? "")",
                    outcome,
                    [
                        (outcome.status == 1, "exit status 1"), expected,
                        (!message.contains(sandbox.apiPassword), "no password"),
                    ],
                    knownIssue: leaf.knownIssue)
            }
        }
    }
}
