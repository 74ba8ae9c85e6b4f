import ATSSyncSQLite
import ArgumentParser
import Foundation
import Synchronization
import Testing
import TrackerRMSSandbox

@testable import ATSCommands

@Suite struct TrackerRMSDemoTests {
    /// The mirror the demo leaves is checked against the sandbox's ground truth, not the demo's words.
    @Test func theDemoMirrorsEveryPlacementAndItsChanges() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("atskit-rms-demo-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let command = try #require(
            try ATSCommand.parseAsRoot([
                "demo", "--provider", "tracker-rms", "--database", path, "--applications", "300", "--quiet",
            ]) as? DemoCommand)
        let captured = CapturedOutput()
        let truth = Mutex<(placements: [RMSSandboxPlacement], statuses: [RMSSandboxStatus], notes: Int)>(([], [], 0))
        try await TrackerRMSDemoRun(command: command, output: captured.output) { control in
            let notes = control.activities.filter { $0.note.contains("Called back: keen on the role") }.count
            truth.withLock { $0 = (control.placements, control.placementStatuses, notes) }
        }.run()
        let (placements, statuses, notes) = truth.withLock { $0 }
        #expect(placements.count == 300)
        #expect(notes == 1)

        let store = try SQLiteSyncStore(path: path)
        let rows = try await store.query(
            "SELECT id, stage FROM applications WHERE account = 'demo' AND deleted_at IS NULL", limit: .max
        ).rows
        let mirrored = Dictionary(rows.map { ($0[0] ?? "", $0[1]) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(uniqueKeysWithValues: statuses.map { ($0.id, $0.name) })
        #expect(Set(mirrored.keys) == Set(placements.map { String($0.id) }), "the mirror holds every placement")
        let different = placements.filter { mirrored[String($0.id)] != names[$0.statusID] }.map(\.id)
        #expect(different.isEmpty, "placements whose stage differs from the sandbox: \(different.prefix(10))")

        let history = try await store.query(
            "SELECT id, to_stage FROM stage_history WHERE account = 'demo' AND from_stage IS NOT NULL", limit: .max
        ).rows
        #expect(history.count == 2, "the demo moved one placement and rejected another: \(history)")
        for change in history {
            let id = Int(change[0] ?? "") ?? -1
            #expect(change[1] == placements.first { $0.id == id }.flatMap { names[$0.statusID] })
        }
        #expect(!captured.lines.contains { $0.contains("✗") }, "\(captured.lines)")
        #expect(captured.lines.contains { $0.contains("candidates are Tracker RMS's Resources") })
        #expect(!captured.lines.contains { $0.contains("derived from e-mail") }, "Resources are real records")
    }
}
