import Foundation
import Testing

@testable import TrackerAPI

@Suite struct TimestampTests {
    let losAngeles = TimeZone(identifier: "America/Los_Angeles")
    let instant = Date(timeIntervalSince1970: 1_581_612_120)  // 2020-02-13T16:42:00Z

    @Test(arguments: [
        "2020-02-13T16:42:00Z", "2020-02-13T16:42:00z", "2020-02-13T08:42:00-08:00", "2020-02-13T08:42:00-0800",
        "2020-02-14T01:42:00+09:00", "2020-02-13T16:42:00+00:00", "2020-02-13 16:42:00 UTC",
        "2020-02-13 08:42:00 -0800", "2020-02-13T16:42:00.000Z",
    ])
    func explicitOffsetsAreExact(text: String) throws {
        let stamp = try #require(TrackerTimestamp.parse(text, accountTimeZone: nil))
        #expect(stamp.date == instant)
        #expect(stamp.hasExplicitOffset)
        #expect(stamp.offsetSource == .explicit)
        #expect(stamp.text == text)
    }

    @Test(arguments: ["2020-02-13T08:42:00", "2020-02-13 08:42:00", "2020-02-13 08:42:00.000", "2020-02-13T08:42"])
    func naiveValuesArePlacedInTheAccountZone(text: String) throws {
        let stamp = try #require(TrackerTimestamp.parse(text, accountTimeZone: losAngeles))
        #expect(stamp.date == instant)
        #expect(!stamp.hasExplicitOffset)
        #expect(stamp.offsetSource == .accountTimeZone)
    }

    @Test func naiveValuesWithoutAZoneAreMarkedAssumedUTC() throws {
        let stamp = try #require(TrackerTimestamp.parse("2020-02-13 16:42:00", accountTimeZone: nil))
        #expect(stamp.date == instant)
        #expect(stamp.offsetSource == .assumedUTC)
    }

    @Test func fractionsAreKept() throws {
        let stamp = try #require(TrackerTimestamp.parse("2020-02-13T16:42:00.250Z", accountTimeZone: nil))
        #expect(abs(stamp.date.timeIntervalSince(instant) - 0.25) < 1e-6)
        let six = try #require(TrackerTimestamp.parse("2020-02-13 08:42:00.123456", accountTimeZone: losAngeles))
        #expect(abs(six.date.timeIntervalSince(instant) - 0.123456) < 1e-6)
    }

    @Test func daylightSavingTimeUsesTheOffsetOfThatDay() throws {
        // July: Los Angeles is UTC−7.
        let summer = try #require(TrackerTimestamp.parse("2020-07-01 09:00:00", accountTimeZone: losAngeles))
        #expect(summer.date == Date(timeIntervalSince1970: 1_593_619_200))
    }

    @Test func dateOnlyIsMidnightInTheAccountZone() throws {
        let stamp = try #require(TrackerTimestamp.parse("2020-02-13", accountTimeZone: losAngeles))
        #expect(stamp.date == Date(timeIntervalSince1970: 1_581_580_800))
    }

    @Test(arguments: [
        "", "yesterday", "2020-13-01T00:00:00Z", "2020-02-30T00:00:00Z", "2020-02-13T25:00:00Z",
        "2020-02-13T16:42:00+25:00",
        "2020-02-13T16:42:00Zjunk", "13/02/2020", "2020-02-13T16:42:00.Z",
    ])
    func garbageIsRejected(text: String) {
        #expect(TrackerTimestamp.parse(text, accountTimeZone: losAngeles) == nil)
    }

    @Test func filterTextCarriesTheAccountOffset() {
        #expect(TrackerTimestamp.filterText(for: instant, accountTimeZone: losAngeles) == "2020-02-13T08:42:00-08:00")
        let india = TimeZone(identifier: "Asia/Kolkata")
        #expect(TrackerTimestamp.filterText(for: instant, accountTimeZone: india) == "2020-02-13T22:12:00+05:30")
    }

    @Test func filterTextWithoutAZoneIsUTC() {
        #expect(TrackerTimestamp.filterText(for: instant, accountTimeZone: nil) == "2020-02-13T16:42:00Z")
    }

    @Test func filterTextRoundsDownSoTheInclusiveFilterStaysASuperset() {
        let later = instant.addingTimeInterval(0.9)
        #expect(TrackerTimestamp.filterText(for: later, accountTimeZone: nil) == "2020-02-13T16:42:00Z")
    }

    @Test(arguments: [0.0, -1_892_160_000, 1_700_000_000, 4_102_444_800] as [Double])
    func filterTextRoundTrips(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        for zone in [losAngeles, TimeZone(identifier: "Pacific/Honolulu"), nil] {
            let text = TrackerTimestamp.filterText(for: date, accountTimeZone: zone)
            let parsed = try #require(TrackerTimestamp.parse(text, accountTimeZone: nil))
            #expect(parsed.date == date)
        }
    }
}
