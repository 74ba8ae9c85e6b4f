import Foundation
import Synchronization
import Testing

@testable import ATSCommands

/// `ats demo --bridge`, in process with the Workable limit lifted: the first run creates and finds,
/// the second creates nothing, and the mirror holds the Workable applicants next to Tracker's own.
@Suite struct BridgeDemoTests {
    @Test func theBridgeDemoCreatesThenFindsAndMirrorsTheCombinedApplications() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bridge-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = Mutex<[String]>([])
        let output = CommandOutput { line in lines.withLock { $0.append(line) } }
        let database = folder.appendingPathComponent("bridge-demo.sqlite").path
        let demo = BridgeDemo(database: database, seed: 2_026, output: output, realWorkableLimit: false)
        try await demo.run()
        let text = lines.withLock { $0.joined(separator: "\n") }
        #expect(text.contains("4 of these people were already entered in Tracker by hand"))
        #expect(text.contains(" created, 4 existing,"), "run 1 finds the four: \(text)")
        #expect(text.contains("✓ 0 applications created in Tracker"))
        #expect(text.contains("      Workable  "), "the mirror shows the bridged applications")
        // A second demo replaces its own file.
        try await demo.run()
    }
}
