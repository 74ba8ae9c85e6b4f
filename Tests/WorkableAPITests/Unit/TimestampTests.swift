import Foundation
import Testing
import WorkableAPI

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2015-06-08T00:00:00Z", 1_433_721_600, 0),
        ("2026-12-04T10:11:48.392Z", 1_796_379_108, 392_000_000),
        ("2026-12-04T10:11:48.392123456789Z", 1_796_379_108, 392_123_456),
        ("2026-12-04T12:11:48+02:00", 1_796_379_108, 0),
        ("2026-12-04T05:11:48-0500", 1_796_379_108, 0),
        ("2026-12-04T10:11:48", 1_796_379_108, 0),
        ("2026-12-04T10:11", 1_796_379_060, 0),
        ("2026-12-04", 1_796_342_400, 0),
        ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
        ("2024-02-29T00:00:00Z", 1_709_164_800, 0),
    ])
    func everyFormReadsAsTheExactInstant(text: String, seconds: Int64, nanoseconds: Int32) {
        let timestamp = WorkableTimestamp(iso8601: text)
        #expect(timestamp == WorkableTimestamp(secondsSince1970: seconds, nanoseconds: nanoseconds))
    }

    @Test(arguments: [
        "", "2026-13-01", "2025-02-29", "2026-12-04T24:00", "2026-12-04T10:11:48+25:00", "12/04/2026",
        "2026-12-04T10:11:48Zjunk", "2026-12-04T10:11:48.",
    ])
    func impossibleTextIsRefused(text: String) {
        #expect(WorkableTimestamp(iso8601: text) == nil)
    }

    @Test func writingRoundTripsAndOrderIsExact() {
        let samples = [
            WorkableTimestamp(secondsSince1970: 0),
            WorkableTimestamp(secondsSince1970: 1_796_379_108, nanoseconds: 392_000_000),
            WorkableTimestamp(secondsSince1970: -86_401, nanoseconds: 1),
            WorkableTimestamp(secondsSince1970: 253_402_300_799),
        ]
        for sample in samples {
            #expect(WorkableTimestamp(iso8601: sample.iso8601) == sample)
        }
        #expect(samples[1].iso8601 == "2026-12-04T10:11:48.392Z")
        #expect(WorkableTimestamp(secondsSince1970: 5, nanoseconds: 1) > WorkableTimestamp(secondsSince1970: 5))
    }
}
