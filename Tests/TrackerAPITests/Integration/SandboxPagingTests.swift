import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

/// Paging a large account: exactly once when nothing changes, nothing missed while it changes.
@Suite(.serialized) struct SandboxPagingTests {
    static let size = 100_000

    @Test func everyRecordExactlyOnce() async throws {
        let configuration = SandboxConfiguration(
            applicationCount: Self.size, notesPerApplication: 0, filesPerApplication: 0)
        try await withSandboxAPI(configuration) { api, sandbox in
            var seen = Set<Int>()
            var duplicates = 0
            for try await application in api.applications.list() {
                if !seen.insert(application.id.int).inserted { duplicates += 1 }
            }
            #expect(duplicates == 0)
            #expect(seen.count == Self.size)
            #expect(seen == Set(sandbox.control.applications().map(\.id)))
        }
    }

    @Test func nothingIsMissedWhileTheDataChanges() async throws {
        let configuration = SandboxConfiguration(
            applicationCount: Self.size,
            notesPerApplication: 0,
            filesPerApplication: 0,
            behavior: SandboxBehavior(mutationRate: 500)
        )
        try await withSandboxAPI(configuration) { api, sandbox in
            let before = Set(sandbox.control.applications().map(\.id))
            let mutationsBefore = sandbox.control.mutationCount
            var seen = Set<Int>()
            for try await application in api.applications.list(.init(pageSize: 500)) {
                seen.insert(application.id.int)
            }
            let deleted = Set(sandbox.control.deletedApplicationIDs())
            let survivors = before.subtracting(deleted)
            #expect(sandbox.control.mutationCount > mutationsBefore)
            #expect(survivors.subtracting(seen).isEmpty)
        }
    }
}
