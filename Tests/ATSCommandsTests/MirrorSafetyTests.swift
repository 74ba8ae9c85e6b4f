import ATSCore
import ATSSync
import ATSSyncSQLite
import ATSTestSupport
import Foundation
import Testing
import TrackerSandbox

/// "Never lose a user's file", with the built `ats`: the demo replaces only a file an earlier demo
/// made, a failed first sync removes only the file it created, and mirrors are private.
@Suite(.serialized) struct MirrorSafetyTests {
    /// A mirror holding a few applications, closed so that everything is in the main file.
    func makeMirror(at path: String) async throws {
        let store = try SQLiteSyncStore(path: path)
        try await store.prepare()
        var state = StreamState(stream: .applications)
        let now = Date()
        state.begin(SyncWindow(lower: nil, upper: now, isFullScan: true), scanID: "real", startedAt: now)
        let records = (1...3).map {
            SyncRecord(id: String($0), updatedAt: now, raw: RawPayload(json: #"{"id":\#($0)}"#))
        }
        _ = try await store.commit(
            records, stream: .applications, account: "real", scanID: "real", seenAt: now, state: state,
            derivations: [])
        try store.close()
    }

    @Test func theDemoRefusesAMirrorItDidNotMakeAndLeavesItByteIdentical() async throws {
        let folder = try ScratchFolder.make(prefix: "ats-safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tracker.sqlite").path
        try await makeMirror(at: path)
        let before = try ScratchFolder.snapshot(folder)
        let outcome = try await CommandProcess.run(["demo", "--database", path, "--applications", "100", "--quiet"])
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.standardError.contains(path), "names the file: \(outcome)")
        #expect(outcome.standardError.contains("`ats demo` did not make"), "says why: \(outcome)")
        #expect(outcome.standardError.contains("--database demo.sqlite"), "says what to do: \(outcome)")
        #expect(!outcome.standardOutput.contains("replaced"))
        #expect(try ScratchFolder.snapshot(folder) == before, "the mirror and its folder are byte-identical")
    }

    @Test func theDemoRefusesAnEmptyFileItDidNotMake() async throws {
        let folder = try ScratchFolder.make(prefix: "ats-safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        FileManager.default.createFile(atPath: path, contents: nil)
        let outcome = try await CommandProcess.run(["demo", "--database", path, "--applications", "100", "--quiet"])
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.standardError.contains("`ats demo` did not make it"), "\(outcome)")
        #expect(try ScratchFolder.snapshot(folder) == ["notes.sqlite": Data()])
    }

    @Test func aFailedFirstSyncRemovesTheMirrorItCreatedButNeverAFileThatWasThere() async throws {
        let folder = try ScratchFolder.make(prefix: "ats-safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tracker.sqlite").path
        try await withTrackerSandbox(SandboxConfiguration(seed: 3, jobCount: 2, applicationCount: 20)) { sandbox in
            // A wrong password: Tracker answers 401 to the first request, before anything is stored.
            let arguments = [
                "sync", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password", "wrong-Pass-1",
                "--database", path, "--quiet",
            ]
            let created = try await CommandProcess.run(arguments)
            #expect(created.status == 1, "\(created)")
            #expect(try ScratchFolder.snapshot(folder).isEmpty, "no empty mirror, journal or lock file is left behind")

            let empty = folder.appendingPathComponent("empty.sqlite").path
            let store = try SQLiteSyncStore(path: empty)
            try await store.prepare()
            try store.close()
            let existing = try await CommandProcess.run(
                arguments.map { $0 == path ? empty : $0 })
            #expect(existing.status == 1, "\(existing)")
            #expect(FileManager.default.fileExists(atPath: empty), "a mirror that was there before is kept")
        }
    }

    @Test func aNewMirrorIsPrivateAndAnExistingOneOthersCanReadIsWarnedAboutOnce() async throws {
        let folder = try ScratchFolder.make(prefix: "ats-safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tracker.sqlite").path
        try await withTrackerSandbox(SandboxConfiguration(seed: 3, jobCount: 2, applicationCount: 20)) { sandbox in
            let arguments = [
                "sync", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password",
                sandbox.apiPassword, "--database", path, "--quiet",
            ]
            let first = try await CommandProcess.run(arguments)
            #expect(first.status == 0, "\(first)")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o777 } == 0o600, "a new mirror is readable by its owner only")
            #expect(!first.standardError.contains("Warning"))

            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            let second = try await CommandProcess.run(arguments)
            #expect(second.status == 0, "\(second)")
            let warning = "can be read by other users of this machine (permissions 644)"
            #expect(second.standardError.components(separatedBy: warning).count == 2, "warned once: \(second)")
            #expect(second.standardError.contains("chmod 600 \(path)"), "says how to fix it: \(second)")
        }
    }
}
