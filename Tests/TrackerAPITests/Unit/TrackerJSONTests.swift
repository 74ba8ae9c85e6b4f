import Foundation
import Testing

@testable import TrackerAPI

@Suite struct TrackerJSONTests {
    private func parse(_ text: String) throws -> TrackerJSON {
        try TrackerJSON.parse(Data(text.utf8))
    }

    /// The one spelling every JSON writer of the package shares (ATSText's `JSONText`): the mirror compares
    /// stored bytes, so a change here would rewrite every stored row once. Pinned as literal text.
    @Test func writesOneFixedSpellingOfStringsAndNumbers() {
        let value = TrackerJSON.object([
            "s": .string("q\"b\\n\nr\rt\t\u{01}\u{1F}/é😀"),
            "n": .array([.double(2), .double(-0.5), .double(1e15), .double(.nan), .double(-.infinity), .integer(-7)]),
            "e": .string(""),
        ])
        let text = String(decoding: value.serialized(), as: UTF8.self)
        #expect(text == #"{"e":"","n":[2,-0.5,1000000000000000.0,null,null,-7],"s":"q\"b\\n\nr\rt\t\u0001\u001f/é😀"}"#)
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5, 3e2, true, false, null, "x"], "b": {}, "c": []} "#)
        #expect(
            value
                == [
                    "a": [.integer(1), .double(-2.5), .double(300), true, false, nil, "x"], "b": .object([:]),
                    "c": .array([]),
                ]
        )
    }

    @Test func decodesEscapes() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
    }

    @Test func keepsLargeIntegersExact() throws {
        #expect(try parse("9007199254740993") == .integer(9_007_199_254_740_993))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "01x", "[1] 2", "<html>", "{\"a\":1,}"])
    func rejectsInvalidText(text: String) {
        #expect(throws: TrackerJSONSyntaxError.self) { try parse(text) }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        #expect(throws: TrackerJSONSyntaxError.self) { try parse(deep) }
    }

    @Test func serializesWithSortedKeysAndRoundTrips() throws {
        let value: TrackerJSON = ["b": [1, "two", nil], "a": ["nested": true, "quote": "\"\n"], "c": 1.5]
        let text = String(decoding: value.serialized(), as: UTF8.self)
        #expect(text == #"{"a":{"nested":true,"quote":"\"\n"},"b":[1,"two",null],"c":1.5}"#)
        #expect(try TrackerJSON.parse(value.serialized()) == value)
    }

    @Test func codableRoundTrip() throws {
        let value: TrackerJSON = ["id": "1", "n": 2, "list": [true, nil]]
        let decoded = try JSONDecoder().decode(TrackerJSON.self, from: JSONEncoder().encode(value))
        #expect(decoded == value)
    }
}
