import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

/// Offset paging while records before the reader's position are deleted: every record that lives
/// through the read is delivered, however far the deletions move it back. Files matter most here:
/// their update time is their creation time, so a file a full scan misses is never in a later
/// incremental window either, and stays missing until the next full scan.
@Suite struct ShiftingPagesTests {
    /// 120 applications with two files each: 240 files, 48 pages of 5.
    static let sandbox = SandboxConfiguration(
        applicationCount: 120, notesPerApplication: 0, filesPerApplication: 2)

    /// Reads every page of files one request at a time; after `deleteAfterPage` pages have been
    /// delivered, deletes the `deleted` applications (and so their files) in the sandbox, between
    /// two page requests. Returns the files that lived through the read but were not delivered.
    static func missedFiles(deleteAfterPage: Int, deleted applications: ClosedRange<Int>) async throws -> [Int] {
        var options = ClientOptions()
        options.pagesInFlight = 1
        options.maximumRequestsInFlight = 1
        return try await withSandboxAPI(Self.sandbox, client: options) { api, sandbox in
            let before = Set(sandbox.control.files().map(\.id))
            var seen = Set<Int>()
            var pages = 0
            for try await page in api.files.pages(.init(pageSize: 5)) {
                for file in page.records { seen.insert(file.id.int) }
                pages += 1
                if pages == deleteAfterPage {
                    for id in applications { #expect(sandbox.control.deleteApplication(id: id)) }
                }
            }
            let survivors = before.intersection(sandbox.control.files().map(\.id))
            #expect(survivors.count < before.count, "the deletions removed files")
            return survivors.subtracting(seen).sorted()
        }
    }

    @Test func deletionsThatMoveRecordsBackByAFewPagesLoseNothing() async throws {
        // Files 1…20 (4 pages) vanish once 8 pages were read.
        let missed = try await Self.missedFiles(deleteAfterPage: 8, deleted: 1...10)
        #expect(missed.isEmpty, "files never delivered: \(missed)")
    }

    @Test func deletionsThatMoveRecordsBackByMoreThanEightPagesLoseNothing() async throws {
        // Files 1…60 (12 pages) vanish once 14 pages were read: the records that were on pages 13
        // and 14 move back to pages 1 and 2, twelve pages behind the reader.
        let missed = try await Self.missedFiles(deleteAfterPage: 14, deleted: 1...30)
        #expect(missed.isEmpty, "files never delivered: \(missed)")
    }
}
