import ATSSync
import Foundation
import Testing

@testable import ATSCommands

/// The sync report prints a warning that several streams share once, naming them, instead of the
/// same paragraph once per stream.
@Suite struct SyncReportWarningTests {
    @Test func aWarningSharedByStreamsIsPrintedOnceWithTheirNames() {
        func stream(_ name: SyncStreamName, _ warnings: [String], completed: Bool = true) -> StreamRunReport {
            StreamRunReport(
                stream: name, window: SyncWindow(lower: nil, upper: Date(timeIntervalSince1970: 0), isFullScan: true),
                resumed: false, completed: completed, pages: 1, records: 1, outcome: PageOutcome(), deleted: 0,
                restarts: 0, warnings: warnings, startedAt: Date(timeIntervalSince1970: 0),
                endedAt: Date(timeIntervalSince1970: 1))
        }
        let shared = "Tracker sent times without an offset."
        let report = SyncRunReport(streams: [
            stream(.jobs, [shared]), stream(.applications, [shared, "Only here."]),
            stream(.notes, [], completed: false),
            stream(.files, [shared]),
        ])
        let printed = CapturedOutput()
        SyncReportPrinter(output: printed.output).table(report)
        let warnings = printed.lines.filter { $0.contains(": ") && !$0.hasPrefix("stream") }
        #expect(warnings.filter { $0.contains(shared) } == ["jobs, applications, files: \(shared)"])
        #expect(warnings.contains("applications: Only here."))
        #expect(warnings.contains("notes: not finished; the next run continues this window."))
    }
}
