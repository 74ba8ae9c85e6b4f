import ATSSync
import ATSSyncSQLite
import Foundation
import Synchronization
import Testing
import TrackerSandbox

/// The `ats` executable SwiftPM builds next to the test bundle.
private let atsExecutable: URL? = {
    let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("ats")
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
}()

/// A child process whose end can be awaited.
private final class Child: Sendable {
    private struct State {
        var status: Int32?
        var waiter: CheckedContinuation<Int32, Never>?
    }

    let process: Process
    private let state = Mutex(State())

    init(_ executable: URL, _ arguments: [String]) throws {
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { finished in
            let code = finished.terminationStatus
            let waiter = self.state.withLock { state in
                state.status = code
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: code)
        }
        try process.run()
    }

    /// Waits for the process to end; returns its exit status (or the signal that ended it).
    func exit() async -> Int32 {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Int32? in
                if state.status == nil { state.waiter = continuation }
                return state.status
            }
            if let done { continuation.resume(returning: done) }
        }
    }
}

@Suite struct KillAndResumeTests {
    @Test(.enabled(if: atsExecutable != nil))
    func anAtsSyncKilledWithSIGKILLAtRandomPointsEndsWithTheSameMirror() async throws {
        let executable = try #require(atsExecutable)
        var configuration = SandboxConfiguration(seed: 11, jobCount: 10, applicationCount: 900)
        configuration.behavior.timeZone = TimeZone(identifier: "Pacific/Honolulu") ?? .gmt
        configuration.behavior.timestampMode = .naiveLocal
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let killed = folder.appendingPathComponent("killed.sqlite").path
        let reference = folder.appendingPathComponent("reference.sqlite").path

        try await withTrackerSandbox(configuration) { sandbox in
            func arguments(_ database: String) -> [String] {
                [
                    "sync", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password",
                    sandbox.apiPassword, "--timezone", "Pacific/Honolulu", "--database", database, "--account",
                    "crash", "--page-size", "40", "--quiet",
                ]
            }
            let uninterrupted = try Child(executable, arguments(reference))
            #expect(await uninterrupted.exit() == 0)

            // Kill the next run after a random number of answered requests, again and again, until a
            // run gets to the end on its own.
            var kills = 0
            var generator = SystemRandomNumberGenerator()
            while kills < 200 {
                let target = sandbox.control.answeredRequestCount + Int.random(in: 1...10, using: &generator)
                let child = try Child(executable, arguments(killed))
                let control = sandbox.control
                let killedIt = await withTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        _ = await child.exit()
                        return false
                    }
                    group.addTask {
                        // Cancelled (and so never killing) when the child ends first.
                        guard (try? await control.awaitAnsweredRequests(atLeast: target)) != nil,
                            child.process.isRunning
                        else { return false }
                        kill(child.process.processIdentifier, SIGKILL)
                        return true
                    }
                    let first = await group.next() ?? false
                    group.cancelAll()
                    let second = await group.next() ?? false
                    return first || second
                }
                let status = await child.exit()
                if !killedIt {
                    #expect(status == 0, "a run that was not killed must succeed")
                    break
                }
                kills += 1
            }
            #expect(kills >= 3, "the run should have been killed several times")
        }

        let expected = try SQLiteSyncStore(path: reference)
        let actual = try SQLiteSyncStore(path: killed)
        for stream in StreamSchema.all.map(\.stream) {
            let want = try await expected.storedRows(of: stream, account: "crash")
            let got = try await actual.storedRows(of: stream, account: "crash")
            #expect(got.map(\.id) == want.map(\.id), "\(stream) ids")
            #expect(got.map(\.raw) == want.map(\.raw), "\(stream) payloads")
            #expect(got.map(\.updatedAt) == want.map(\.updatedAt), "\(stream) update times")
            #expect(got.allSatisfy { $0.deletedAt == nil }, "\(stream) false deletions")
        }
        func history(_ store: SQLiteSyncStore) async throws -> [String] {
            try await store.stageHistory(of: .applications, account: "crash")
                .map { "\($0.id) \($0.from ?? "-") \($0.to ?? "-")" }.sorted()
        }
        #expect(try await history(actual) == (try await history(expected)), "stage history without duplicates")
        let queue = try await actual.query("SELECT count(*) FROM derivation_queue")
        #expect(queue.rows == [["0"]])
        // A first sync builds its indexes after the last page; the killed runs must end with all of them.
        let indexes = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
        #expect(try await actual.query(indexes).rows == (try await expected.query(indexes).rows))
    }
}
