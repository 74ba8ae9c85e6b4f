import ATSCore
import Foundation
import Testing

/// A bulk-rejection journal names applications and the reasons they were rejected: personal data.
@Suite struct JournalPermissionTests {
    @Test func aNewJournalIsReadableByItsOwnerOnly() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("reject.journal")
        let journal = FileBulkRejectionJournal(url: url)
        try await journal.record(BulkRejectionJournalEntry(application: "12", step: .intent))
        await journal.close()
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 } == 0o600)
        #expect(try await FileBulkRejectionJournal(url: url).entries().count == 1)
    }
}
