import Foundation
import Testing
import TrackerSandbox

/// `ats files upload` when the upload fails part-way, with the built `ats` against a sandbox over
/// real sockets: it exits non-zero, sends the upload once, and says whether the file may exist.
@Suite struct UploadCutCommandTests {
    /// A PDF of 9 MiB (the upload checks read its first bytes; the limit is 10 MiB), so that a cut
    /// usually lands while the body is still being sent.
    static func pdf() throws -> URL {
        var data = Data("%PDF-1.4\n".utf8)
        data.append(contentsOf: (0..<(9 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 11) })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).pdf")
        try data.write(to: url)
        return url
    }

    static func upload(_ file: URL, to sandbox: RunningSandbox) async throws -> CommandProcess.Outcome {
        try await CommandProcess.run([
            "files", "upload", "--application", "2", file.path, "--base-url", sandbox.baseURL, "--api-key",
            sandbox.apiKey, "--api-password", sandbox.apiPassword,
        ])
    }

    static func posts(_ sandbox: RunningSandbox) -> Int {
        sandbox.control.requestLog().filter { $0.method == "POST" && $0.path.hasSuffix("/files") }.count
    }

    /// A real file cannot be held back the way the library test's source is: when the operating
    /// system's buffers took the whole body before the cut was seen, `ats` cannot know that the
    /// server did not read it all, and says the file may be attached. Either way it says one of
    /// the two, never that a file is missing when it is there, and sends the upload once.
    @Test func anUploadCutOffPartWaySaysTheFileWasNotAttachedOrMayBe() async throws {
        let file = try Self.pdf()
        defer { try? FileManager.default.removeItem(at: file) }
        try await withTrackerSandbox(SandboxConfiguration(seed: 3, jobCount: 2, applicationCount: 10)) { sandbox in
            let before = sandbox.control.fileCount
            sandbox.control.scriptUploadCut(afterBytes: 256 << 10, status: 503, pathSuffix: "/files")
            let outcome = try await Self.upload(file, to: sandbox)
            #expect(outcome.status == 1, "\(outcome)")
            let notAttached =
                outcome.standardError.contains("the file was not attached")
                && outcome.standardError.contains("run the same command again")
            let mayBe =
                outcome.standardError.contains("may or may not be attached")
                && outcome.standardError.contains("ats files list --application 2")
            #expect(notAttached != mayBe, "one of the two verdicts, with what to do: \(outcome)")
            #expect(Self.posts(sandbox) == 1, "sent once")
            #expect(sandbox.control.fileCount == before)

            let again = try await Self.upload(file, to: sandbox)
            #expect(again.status == 0, "\(again)")
            #expect(sandbox.control.fileCount == before + 1, "running it again attaches the file once")
        }
    }

    @Test func anUploadWhoseAnswerIsLostSaysTheFileMayBeAttachedAndHowToCheck() async throws {
        let file = try Self.pdf()
        defer { try? FileManager.default.removeItem(at: file) }
        try await withTrackerSandbox(SandboxConfiguration(seed: 3, jobCount: 2, applicationCount: 10)) { sandbox in
            let before = sandbox.control.fileCount
            sandbox.control.scriptFault(.connectionClosedMidBody, method: "POST", pathSuffix: "/files")
            let outcome = try await Self.upload(file, to: sandbox)
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.standardError.contains("may or may not be attached"), "\(outcome)")
            #expect(outcome.standardError.contains("ats files list --application 2"), "\(outcome)")
            #expect(Self.posts(sandbox) == 1, "sent once")
            #expect(sandbox.control.fileCount == before + 1, "it was attached: the answer alone was lost")
        }
    }
}
