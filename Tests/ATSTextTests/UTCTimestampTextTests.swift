import ATSText
import Foundation
import Testing

@Suite struct UTCTimestampTextTests {
    private let foundation = Date.ISO8601FormatStyle(timeZone: .gmt)
    private let foundationMilliseconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    @Test func knownInstants() {
        let date = Date(timeIntervalSince1970: 1_769_850_900.25)
        #expect(UTCTimestampText.format(date, milliseconds: false) == "2026-01-31T09:15:00Z")
        #expect(UTCTimestampText.format(date, milliseconds: true) == "2026-01-31T09:15:00.250Z")
        #expect(
            UTCTimestampText.format(Date(timeIntervalSince1970: 0), milliseconds: true) == "1970-01-01T00:00:00.000Z")
        #expect(
            UTCTimestampText.format(Date(timeIntervalSince1970: -0.5), milliseconds: true) == "1969-12-31T23:59:59.500Z"
        )
        #expect(
            UTCTimestampText.format(Date(timeIntervalSince1970: 951_782_400), milliseconds: false)
                == "2000-02-29T00:00:00Z")
    }

    /// The first and last instants the text can spell, and the refusal just outside them.
    @Test func edgesOfTheFourDigitYears() {
        let first = Date(timeIntervalSince1970: -62_135_596_800)
        let last = Date(timeIntervalSince1970: 253_402_300_799)
        #expect(UTCTimestampText.format(first, milliseconds: false) == "0001-01-01T00:00:00Z")
        #expect(UTCTimestampText.format(last, milliseconds: false) == "9999-12-31T23:59:59Z")
        #expect(UTCTimestampText.format(first.addingTimeInterval(-1), milliseconds: false) == nil)
        #expect(UTCTimestampText.format(last.addingTimeInterval(1), milliseconds: false) == nil)
        #expect(UTCTimestampText.date("0001-01-01T00:00:00Z") == first)
        #expect(UTCTimestampText.date("9999-12-31T23:59:59Z") == last)
    }

    /// The same text Foundation writes (after 1582, where Foundation's calendar turns Gregorian), and
    /// read back to the instant Foundation's parser gives (whole-second text exactly, milliseconds
    /// within a microsecond).
    @Test func agreesWithFoundationAndRoundTrips() throws {
        var seconds = -12_212_553_600.0
        while seconds < 253_402_300_000 {
            let date = Date(timeIntervalSince1970: seconds)
            let whole = try #require(UTCTimestampText.format(date, milliseconds: false))
            let precise = try #require(UTCTimestampText.format(date, milliseconds: true))
            #expect(whole == foundation.format(date))
            #expect(precise == foundationMilliseconds.format(date))
            let fromFoundation = try foundationMilliseconds.parse(precise)
            let ours = try #require(UTCTimestampText.date(precise))
            #expect(abs(ours.timeIntervalSince(fromFoundation)) < 1e-6, "\(precise)")
            #expect(UTCTimestampText.date(whole) == (try? foundation.parse(whole)), "\(whole)")
            // Milliseconds are truncated, and a Double far from 2001 carries some rounding.
            let back = try #require(UTCTimestampText.date(precise))
            #expect(abs(back.timeIntervalSince(date)) < 0.0011)
            seconds += 7_777_777.123
        }
    }

    @Test func textSortsLikeTheInstants() throws {
        let instants = [-62_135_596_800.0, -1, 0, 0.001, 59.999, 86_400, 1_769_850_900, 253_402_300_799]
        let texts = try instants.map {
            try #require(UTCTimestampText.format(Date(timeIntervalSince1970: $0), milliseconds: true))
        }
        #expect(texts == texts.sorted())
    }

    @Test func refusesEverythingItDoesNotWrite() {
        for text in [
            "", "2026-01-31", "2026-01-31T09:15:00", "2026-01-31T09:15:00+00:00", "2026-01-31 09:15:00Z",
            "2026-01-31T09:15:00.25Z", "2026-01-31T09:15:00.2500Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z", "2026-01-31T24:00:00Z", "2026-01-31T09:60:00Z",
            "2026-01-31T09:15:60Z", "0000-01-01T00:00:00Z", "2026-01-3xT09:15:00Z", "2026-01-31T09:15:00z",
            "+026-01-31T09:15:00Z", "2026-01-31T09:15:00,000Z",
        ] {
            #expect(UTCTimestampText.date(text) == nil, "\(text)")
        }
        #expect(UTCTimestampText.date("2024-02-29T00:00:00Z") != nil)
    }
}
