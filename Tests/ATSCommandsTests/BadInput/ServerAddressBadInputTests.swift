import Foundation
import Testing
import TrackerSandbox

/// A base URL that is not the API root, and an `https://` URL on a plain-HTTP port: every command
/// that talks to Tracker says what is wrong with the address, in plain words.
extension CommandLineBadInputTests {
    @Test(arguments: ["/api/v2", "", "/v1"])
    func aBaseURLThatIsNotTheAPIRootSaysWhereTheRootIs(_ path: String) async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withTrackerSandbox(SandboxConfiguration(seed: 3, jobCount: 4, applicationCount: 40)) { sandbox in
            try await Self.forEachLeaf(where: \.usesServer) { leaf in
                let database = scratch.appendingPathComponent("root-\(UUID().uuidString).sqlite").path
                let outcome = try await CommandProcess.run(
                    try Self.arguments(leaf, scratch: scratch)
                        + ["--base-url", sandbox.origin + path, "--api-key", sandbox.apiKey]
                        + ["--api-password", sandbox.apiPassword] + (leaf.usesDatabase ? ["--database", database] : []))
                let message = outcome.standardError
                Self.expectCase(
                    "\(leaf.path.joined(separator: " ")): base URL '\(path)'", outcome,
                    [
                        (outcome.status == 1, "exit status 1"),
                        (
                            message.contains("the API root ends in /api/v1")
                                || message.contains("API root ends in /api/v1"),
                            "says the API root ends in /api/v1"
                        ),
                        (!message.contains("Tracker has no"), "does not call the endpoint a missing record"),
                        (
                            message.range(of: #"[^.]\.\.(?!\.)"#, options: .regularExpression) == nil,
                            "no double full stop"
                        ),
                    ])
            }
        }
    }

    @Test func anHTTPSURLOnAPlainHTTPPortSaysSo() async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withTrackerSandbox(SandboxConfiguration(seed: 3, jobCount: 4, applicationCount: 40)) { sandbox in
            let url = sandbox.baseURL.replacingOccurrences(of: "http://", with: "https://")
            try await Self.forEachLeaf(where: \.usesServer) { leaf in
                let database = scratch.appendingPathComponent("tls-\(UUID().uuidString).sqlite").path
                let outcome = try await CommandProcess.run(
                    try Self.arguments(leaf, scratch: scratch) + Self.server(url)
                        + (leaf.usesDatabase ? ["--database", database] : []))
                let message = outcome.standardError
                Self.expectCase(
                    "\(leaf.path.joined(separator: " ")): https on a plain port", outcome,
                    [
                        (outcome.status == 1, "exit status 1"),
                        (message.contains("plain HTTP, not HTTPS"), "says the port speaks plain HTTP"),
                        (!message.contains("SSL") && !message.contains("errno"), "no TLS-library or errno text"),
                    ], knownIssue: leaf.knownIssue)
            }
        }
    }

    @Test func theVersionAndTheCompletionScriptsArePrinted() async throws {
        let version = try await CommandProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        for shell in ["bash", "zsh", "fish"] {
            let script = try await CommandProcess.run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell)")
            #expect(script.standardOutput.contains("bulk-reject"), "\(shell)")
        }
        let readme = try String(contentsOf: ReadmeCommands.readme, encoding: .utf8)
        #expect(readme.contains("ats --generate-completion-script bash"))
        #expect(readme.contains("ats --version"))
    }
}
