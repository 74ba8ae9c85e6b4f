import Foundation
import Testing

@testable import TrackerRMSAPI

@Suite("TrackerRMSAPI: values, times and the paging state machine (no I/O)")
struct WireValueTests {
    @Test("Ids as numbers or strings; 0 and empty mean none")
    func ids() {
        #expect(RMSRecordID(json: .integer(2482)) == RMSRecordID(json: .string("2482")))
        #expect(RMSRecordID(json: .string(" 2482 "))?.rawValue == "2482")
        #expect(RMSRecordID(json: .integer(0)) == nil)
        #expect(RMSRecordID(json: .string("")) == nil)
        #expect(RMSRecordID(json: .string("0")) == nil)
        #expect(RMSRecordID(json: .null) == nil)
        #expect(RMSRecordID(json: .double(12)) == RMSRecordID(12))
    }

    @Test(
        "Booleans in every spelling",
        arguments: [
            (RMSJSON.bool(true), true), (.string("true"), true), (.string("Y"), true), (.string("y"), true),
            (.integer(1), true), (.string("1"), true), (.bool(false), false), (.string("false"), false),
            (.string("N"), false), (.string("n"), false), (.integer(0), false), (.string("0"), false),
        ])
    func booleans(value: RMSJSON, expected: Bool) {
        #expect(value.booleanValue == expected)
    }

    @Test("details as an object or an array of objects; keys in any casing")
    func details() throws {
        let asArray = try RMSReply.decode(
            Array(
                #"{"status":0,"results":[{"id":"7","details":[{"Email":"a@b.c"},{"lastupdated":"2026-01-02 03:04:05"}]}]}"#
                    .utf8))
        let record = RMSRecord(raw: try #require(asArray.results.first))
        #expect(record.id == 7)
        #expect(record.text("email") == "a@b.c")
        #expect(record.lastUpdatedText == "2026-01-02 03:04:05")
        let single = try RMSReply.decode(Array(#"{"status":"0","count":"1","results":{"id":5}}"#.utf8))
        #expect(single.results.count == 1)
        #expect(single.count == 1)
    }

    @Test(
        "Date-times in every accepted spelling",
        arguments: [
            ("2026-03-08 02:30:00", nil as Int?), ("2026-03-08T02:30:00", nil), ("2026-03-08 02:30:00.250", nil),
            ("2026-03-08T02:30:00Z", 0), ("2026-03-08T02:30:00+05:30", 19_800), ("2026-03-08T02:30:00-1000", -36_000),
        ])
    func spellings(text: String, offset: Int?) throws {
        let parsed = try #require(RMSNaiveDateTime(text))
        #expect(parsed.wireText == "2026-03-08 02:30:00")
        #expect(parsed.offsetSeconds == offset)
        #expect(RMSNaiveDateTime("2026-02-30 00:00:00") == nil)
        #expect(RMSNaiveDateTime("yesterday") == nil)
        #expect(RMSNaiveDateTime("2026-03-08") != nil)
    }

    @Test("The account's zone places naive times exactly; the repeated hour is flagged; without the zone, unplaced")
    func placing() throws {
        let chicago = RMSAccountTime(timeZone: TimeZone(identifier: "America/Chicago"))
        let winter = chicago.timestamp(try #require(RMSNaiveDateTime("2026-01-15 09:00:00")))
        #expect(winter.instant == Date(timeIntervalSince1970: 1_768_489_200))
        let repeated = chicago.timestamp(try #require(RMSNaiveDateTime("2026-11-01 01:30:00")))
        #expect(repeated.isAmbiguous)
        #expect(repeated.instant == Date(timeIntervalSince1970: 1_793_514_600))  // 06:30Z, the first 01:30 (CDT)
        let kiritimati = RMSAccountTime(timeZone: TimeZone(identifier: "Pacific/Kiritimati"))
        #expect(kiritimati.updatedAfter(Date(timeIntervalSince1970: 1_768_489_200)).text == "2026-01-16 04:59:59")
        let unknown = RMSAccountTime(timeZone: nil)
        let unplaced = unknown.timestamp(try #require(RMSNaiveDateTime("2026-01-15 09:00:00")))
        #expect(unplaced.instant == nil)
        #expect(unplaced.placement == .unplaced)
        let filter = unknown.updatedAfter(Date(timeIntervalSince1970: 1_768_489_200))
        #expect(filter.isWidened)
        #expect(filter.text == "2026-01-15 02:59:59")
    }

    @Test("Round trip: every instant of a year in Adak and Lord Howe reads back from its wall clock")
    func roundTrip() throws {
        for zone in ["America/Adak", "Australia/Lord_Howe", "Pacific/Kiritimati"] {
            let time = RMSAccountTime(timeZone: TimeZone(identifier: zone))
            var instant = 1_767_225_600.0  // 2026-01-01
            while instant < 1_798_761_600 {
                let date = Date(timeIntervalSince1970: instant)
                let wall = try #require(time.wallClock(date))
                let back = time.timestamp(wall)
                if !back.isAmbiguous { #expect(back.instant == date, "\(zone) \(wall)") }
                instant += 3 * 3600 + 17 * 60
            }
        }
    }

    @Test("Listed names lose their reference prefix only")
    func titles() {
        #expect(RMSOpportunity.strippingReference("JOB-1034 Java Programmer") == "Java Programmer")
        #expect(RMSOpportunity.strippingReference("Java Programmer") == "Java Programmer")
        #expect(RMSOpportunity.strippingReference("C-3PO Translator") == "C-3PO Translator")
        #expect(RMSOpportunity.strippingReference("ABC-12 ") == "ABC-12 ")
    }

    @Test("Paging state machine: 0-based, 1-based reading 0 as 1, 1-based with page 0 empty, repeated last page")
    func pagingState() {
        var zero = RMSPagingState(base: .detect)
        #expect(zero.receive(ids: ["1", "2"]) == ["1", "2"])
        #expect(zero.receive(ids: ["3", "4"]) == ["3", "4"])
        #expect(zero.detectedBase == 0)
        #expect(zero.step == .request(page: 2, isProbe: false))
        #expect(zero.receive(ids: ["5"]) == ["5"])
        #expect(zero.receive(ids: []) == [])
        #expect(zero.step == .finished)

        var one = RMSPagingState(base: .detect)
        #expect(one.receive(ids: ["1", "2"]) == ["1", "2"])
        #expect(one.receive(ids: ["2", "1"]) == [])
        #expect(one.detectedBase == 1)
        #expect(one.step == .request(page: 2, isProbe: false))
        #expect(one.receive(ids: ["3"]) == ["3"])

        var emptyZero = RMSPagingState(base: .detect)
        #expect(emptyZero.receive(ids: nil) == [])
        #expect(emptyZero.receive(ids: ["1"]) == ["1"])
        #expect(emptyZero.detectedBase == 1)

        var repeating = RMSPagingState(base: .zero)
        #expect(repeating.receive(ids: ["1", "2"]) == ["1", "2"])
        #expect(repeating.receive(ids: ["1", "2"]) == [])
        #expect(repeating.sawRepeatedPage)
        #expect(repeating.step == .finished)
    }

    @Test("The backoff formula grows, caps and jitters")
    func backoff() {
        let policy = RMSRetryPolicy(initialBackoff: .milliseconds(200), maximumBackoff: .seconds(1), jitter: 0.5)
        #expect(policy.backoff(forRetry: 1, randomUnit: 0) == .milliseconds(200))
        #expect(policy.backoff(forRetry: 3, randomUnit: 0) == .milliseconds(800))
        #expect(policy.backoff(forRetry: 9, randomUnit: 0) == .seconds(1))
        #expect(policy.backoff(forRetry: 9, randomUnit: 0.999_999) > .milliseconds(500))
    }

    @Test("The REST root follows the region; a sandbox keeps its root")
    func restRoots() {
        #expect(
            TrackerRMSClient.restRoot(forWidgetRoot: "https://evoapius.tracker-rms.com")
                == "https://evousapi.tracker-rms.com")
        #expect(
            TrackerRMSClient.restRoot(forWidgetRoot: "https://evoapica.tracker-rms.com")
                == "https://evocaapi.tracker-rms.com")
        #expect(
            TrackerRMSClient.restRoot(forWidgetRoot: "https://evoapi.tracker-rms.com")
                == "https://evoglapi.tracker-rms.com")
        #expect(TrackerRMSClient.restRoot(forWidgetRoot: "http://127.0.0.1:8080") == "http://127.0.0.1:8080")
    }
}
