import ATSTestSupport
import ATSSync
import Foundation
import Testing
import TrackerATS
import TrackerSandbox
import TrackerSync

/// The look-back a Tracker mirror really uses, pinned from the documented rule (README: "the
/// account's offset plus an hour, or twelve hours when `--timezone` is not given"), through the
/// windows the engine plans rather than a constant no code reads.
@Suite struct LookBackContractTests {
    /// American Samoa (UTC−11), the widest US offset, plus the hour's margin.
    static let withoutZone = Duration.seconds(12 * 3_600)

    @Test func anIncrementalRunStartsTwelveHoursBeforeTheLastWindowWhenTheZoneIsUnknown() async throws {
        try await withMirror(.memory, applications: 30, clientKnowsZone: false) { harness in
            #expect(harness.source.contract(for: .applications)?.lookBack == Self.withoutZone)
            let first = try await harness.sync()
            harness.clock.advance(by: .seconds(600))
            let second = try await harness.sync()
            for stream in [SyncStreamName.jobs, .applications, .notes, .files] {
                let previous = try #require(first.streams.first { $0.stream == stream }?.window)
                let next = try #require(second.streams.first { $0.stream == stream }?.window)
                #expect(!next.isFullScan, "\(stream)")
                #expect(
                    next.lower == previous.upper.addingTimeInterval(-12 * 3_600),
                    "\(stream): \(String(describing: next.lower)) after \(previous.upper)")
            }
        }
    }

    @Test(arguments: [("Asia/Kolkata", 5.5 + 1), ("Pacific/Honolulu", 10.0 + 1), ("UTC", 0.0 + 1)])
    func withAKnownZoneTheLookBackIsItsOffsetPlusAnHour(zone: String, hours: Double) async throws {
        try await withMirror(.memory, applications: 10, zone: zone, clientKnowsZone: true) { harness in
            let lookBack = try #require(harness.source.contract(for: .applications)?.lookBack)
            #expect(lookBack == .seconds(hours * 3_600), "\(zone)")
        }
    }
}
