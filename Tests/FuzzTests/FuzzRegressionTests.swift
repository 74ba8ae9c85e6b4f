import Foundation
import Testing

@testable import TrackerAPI
@testable import TrackerSync

/// The inputs the fuzz suite found to crash or corrupt, pinned exactly (each crashed the test
/// process, or changed data, before its fix).
extension Fuzz {
    @Suite struct Regressions {
        @Test func aHugeRetryAfterIsAWaitNotATrap() async throws {
            // `Duration.seconds(1e30)` traps; a year past 9999 overflowed the day arithmetic.
            #expect(RetryAfter.parse("1e30", now: Date()) == .seconds(RetryAfter.longestWait))
            #expect(RetryAfter.parse("9223372036854775807", now: Date()) == .seconds(RetryAfter.longestWait))
            #expect(RetryAfter.parse("Sun, 06 Nov 99999999999999 08:49:37 GMT", now: Date()) == nil)
            #expect(RetryAfter.parse("Sunday, 06-Nov-9223372036854775807 08:49:37 GMT", now: Date()) == nil)
            #expect(RetryAfter.parse("Sun, 06 Nov 2030 -1:-1:-1 GMT", now: Date()) == nil)
            #expect(RetryAfter.parse("7", now: Date()) == .seconds(7))

            let (api, transport) = try WireDecoding.replayingAPI()
            transport.answer(status: 429, headers: ["Retry-After": "1e30"], body: Data())
            let error = await #expect(throws: TrackerAPIError.self) { _ = try await api.jobs.get(1) }
            #expect(error?.code == .rateLimited)
            #expect(error?.retryAfter == .seconds(RetryAfter.longestWait))
        }

        @Test func aRepeatedMemberIsReadAsTheFullParserReadsIt() throws {
            // Found at the 10x budget: the mirror's fast member reader kept the first of two
            // members with one name, the full parser the last.
            let text = #"{"id":"dup","id":null,"name":"x"}"#
            #expect(try TrackerJSON.parse(Data(text.utf8)).objectValue?["id"] == .null)
            #expect(StoredJSONFields.strings(in: text, keys: ["id", "name"]) == nil)
        }

        @Test func anObjectDeepInsideArraysIsRead() throws {
            // The parser's per-depth size hints grew by eight when an object was met, but arrays
            // deepen too: an object under nine or more arrays indexed past the hints and trapped.
            let text = String(repeating: "[", count: 20) + #"{"a":1}"# + String(repeating: "]", count: 20)
            var value = try TrackerJSON.parse(Data(text.utf8))
            for _ in 0..<20 { value = try #require(value.arrayValue?.first) }
            #expect(value == ["a": 1])
        }

        @Test func tooDeepArraysUnderObjectsAreATypedErrorNotATrap() throws {
            // Found at the 10x budget: the depth limit's error left the depth one level too high, so
            // while unwinding, an object whose size hints had just enough levels indexed past them.
            // An object at depth `shallow` sizes the hints; an object at depth `deep` then holds
            // arrays nested past the limit.
            for shallow in 1...12 {
                for deep in shallow...(shallow + 10) {
                    let first =
                        String(repeating: #"{"a":"#, count: shallow) + "1" + String(repeating: "}", count: shallow)
                    let tooDeep = String(repeating: "[", count: 300)
                    let second = String(repeating: #"{"b":"#, count: deep) + tooDeep
                    let text = "[" + first + "," + second
                    #expect(throws: TrackerJSONSyntaxError.self) { try TrackerJSON.parse(Data(text.utf8)) }
                }
            }
        }

        @Test func aNumberBeyondDoubleIsASyntaxErrorNotNull() throws {
            // `-1e400` read as -infinity, which writes back as `null`: the stored record changed.
            #expect(throws: TrackerJSONSyntaxError.self) { try TrackerJSON.parse(Data("[-1e400]".utf8)) }
            let error = #expect(throws: TrackerJSONSyntaxError.self) {
                try TrackerJSON.parse(Data(#"{"x":1e999}"#.utf8))
            }
            #expect(error?.reason == "number out of range")
            #expect(try TrackerJSON.parse(Data("1.7976931348623157e308".utf8)) == .double(1.7976931348623157e308))
        }

        @Test func aFilterInAZoneWithSecondsInItsOffsetNamesTheSameInstant() throws {
            // Abidjan kept local mean time (-00:16:08) until 1912: the text dropped the 8 s, and named
            // an instant 8 s later than asked for (no longer a superset filter).
            let zone = try #require(TimeZone(identifier: "Africa/Abidjan"))
            let date = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01T00:00:00Z
            #expect(zone.secondsFromGMT(for: date) % 60 != 0)
            let text = TrackerTimestamp.filterText(for: date, accountTimeZone: zone)
            #expect(text == "1899-12-31T23:43:00-00:17")
            #expect(TrackerTimestamp.parse(text, accountTimeZone: zone)?.date == date)
        }

        @Test func anIdOfInt64MaxOrAHugePageSizeDoesNotTrapThePaging() async throws {
            let (api, transport) = try WireDecoding.replayingAPI()
            // Page 1 ends on Int64.max, so the gap check's `lower + 1` trapped; a Results-Per-Page of
            // Int.max made the probe's position `(page - 1) * size` trap on page 3.
            let lists: [([[Int64]], TrackerHTTPHeaders)] = [
                ([[Int64.max - 1, .max], [1, 2]], ["Results-Per-Page": "2"]),
                ([[1, 2], [40, 50], [90]], ["Results-Per-Page": "9223372036854775807", "Pages": "3"]),
            ]
            for (pages, headers) in lists {
                transport.answerPages { page, _ in
                    let ids = page <= pages.count ? pages[page - 1] : []
                    let body = TrackerJSON.array(ids.map { .object(["id": .integer($0), "job_id": 1]) })
                    return TrackerHTTPResponse(status: 200, headers: headers, body: TrackerHTTPBody(body.serialized()))
                }
                var read: [String] = []
                for try await page in api.applications.pages(.init(pageSize: 2)) {
                    read += page.records.map(\.id.rawValue)
                }
                #expect(Set(read) == Set(pages.joined().map(String.init)))
            }
        }
    }
}
