import ATSSync
import Testing

@testable import TrackerSync

/// Tracker's row layouts name every typed column of their stream's table, in table order, with its
/// type; MirrorUpgradeTests checks that those tables are what the shipped migrations build, so a
/// column a source writes is always one the mirror has.
@Suite struct TrackerRowLayoutTests {
    @Test func everyTrackerLayoutListsItsTablesColumnsInOrder() {
        #expect(TrackerSyncRecords.Layouts.mismatches == [])
        #expect(CandidateDerivation.layout.mismatches == [])
        let streams = [
            TrackerSyncRecords.Layouts.jobs.schema, TrackerSyncRecords.Layouts.applications.schema,
            TrackerSyncRecords.Layouts.notes.schema, TrackerSyncRecords.Layouts.files.schema,
            TrackerSyncRecords.Layouts.customFieldSchemas.schema, CandidateDerivation.layout.schema,
        ].map(\.stream)
        #expect(Set(streams) == Set(StreamSchema.all.map(\.stream)))
    }
}
