import ATSSyncSQLite
import ArgumentParser
import Foundation
import Synchronization
import Testing
import WorkableSandbox

@testable import ATSCommands

@Suite struct WorkableDemoTests {
    /// The mirror the demo leaves is checked against the sandbox's ground truth, not the demo's words.
    @Test func theDemoMirrorsEveryCandidateRecordAndItsChanges() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("atskit-wk-demo-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let command = try #require(
            try ATSCommand.parseAsRoot([
                "demo", "--provider", "workable", "--database", path, "--applications", "120", "--quiet",
            ]) as? DemoCommand)
        let captured = CapturedOutput()
        let truth = Mutex<[WorkableSandboxCandidate]>([])
        try await WorkableDemoRun(command: command, output: captured.output) { control in
            truth.withLock { $0 = control.candidates }
        }.run()
        let candidates = truth.withLock { $0 }

        let store = try SQLiteSyncStore(path: path)
        let rows = try await store.query(
            "SELECT id, stage, is_archived FROM applications WHERE account = 'demo' AND deleted_at IS NULL",
            limit: .max
        ).rows
        let mirrored = Dictionary(rows.map { ($0[0] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(mirrored.keys) == Set(candidates.map(\.id)), "the mirror holds every candidate record")
        let different = candidates.filter { candidate in
            guard let row = mirrored[candidate.id] else { return true }
            return row[1] != candidate.stageName || (row[2] == "1") != candidate.isDisqualified
        }
        #expect(different.isEmpty, "records whose stage or rejection differs: \(different.prefix(5).map(\.id))")
        let history = try await store.query(
            "SELECT id FROM stage_history WHERE account = 'demo' AND from_stage IS NOT NULL", limit: .max
        ).rows
        #expect(history.count == 1, "the demo moved one record: \(history)")
        #expect(!captured.lines.contains { $0.contains("✗") }, "\(captured.lines)")
    }
}
