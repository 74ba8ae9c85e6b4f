import Foundation
import Testing

@testable import TrackerAPI

/// A mirror stores each record's JSON exactly as the server sent it, so decoding must hand out
/// each record's own bytes, whatever the spacing, key order and escapes of the response.
@Suite struct RawRecordBytesTests {
    let first =
        #"{ "id": 101, "email": "ada@example.com", "first_name": "Ad\u00e1", "custom_fields": {"z": 1, "a": [1, 2]} }"#
    let second = #"{"updated_at":"2026-01-02T03:04:05Z","id":"102","tags":["x"]}"#

    @Test func eachListedRecordKeepsTheBytesTheServerSentForIt() async throws {
        let body = "[\n  \(first) ,\n\t\(second)]\n"
        let api = try TestAPI.make(TestAPI.configuration(pageSize: 10)) { _, _ in
            .json(body, headers: ["Total-Count": "2", "Pages": "1"])
        }.0
        let applications = try await api.applications.list().collect()
        #expect(applications.map { String(decoding: $0.rawJSON, as: UTF8.self) } == [first, second])
        // The bytes and the parsed object are the same record.
        for application in applications {
            #expect(try TrackerJSON.parse(Data(application.rawJSON)) == .object(application.raw))
        }
    }

    @Test func aSingleRecordKeepsItsBytesWhetherSentAsAnObjectOrAOneElementArray() async throws {
        for body in ["\u{FEFF}  \(first)\n", "[\(first)]"] {
            let api = try TestAPI.make(TestAPI.configuration(pageSize: 10)) { _, _ in .json(body) }.0
            let application = try await api.applications.get(101)
            #expect(String(decoding: application.rawJSON, as: UTF8.self) == first)
        }
    }

    @Test func theParserReportsTheRangeOfEachRootArrayElementAndNothingNested() throws {
        let text = #"[{"a":[{"b":1}]}, 7 ,"s"]"#
        let (value, elements) = try TrackerJSON.parseKeepingElements(Data(text.utf8))
        #expect(value.arrayValue?.count == 3)
        #expect(elements.map { String(decoding: $0, as: UTF8.self) } == [#"{"a":[{"b":1}]}"#, "7", #""s""#])
        #expect(try TrackerJSON.parseKeepingElements(Data("42".utf8)).elements.isEmpty)
    }
}
