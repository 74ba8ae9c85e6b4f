import ATSSync
import Testing

@testable import WorkableSync

@Suite struct RowLayoutTests {
    @Test func theNoteAndFileRowsFillEveryColumnOfTheirTablesInOrder() {
        #expect(WorkableSyncRecords.Layouts.mismatches.isEmpty, "\(WorkableSyncRecords.Layouts.mismatches)")
    }
}
