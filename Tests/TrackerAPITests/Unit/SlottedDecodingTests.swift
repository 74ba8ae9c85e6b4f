import Foundation
import Testing

@testable import TrackerAPI

/// Pages of applications, jobs, notes and files are read into slots (only the members the model
/// reads, no dictionary per record); everything a caller sees must be what decoding through the
/// full JSON tree gives, for any body: the same records, `raw` and `rawJSON`, the same server
/// observations, and for a body that is not an array of objects the same error.
@Suite struct SlottedDecodingTests {
    /// Decodes `body` both ways with a model's decoder.
    static func bothWays<Record: WireDecodable & Equatable>(
        _ body: String, as type: Record.Type
    ) throws -> (slotted: Result<[Record], TrackerAPIError>, full: Result<[Record], TrackerAPIError>, same: Bool) {
        let api = try TestAPI.make { _, _ in .json("[]") }.0
        let response = ReceivedResponse(status: 200, headers: TrackerHTTPHeaders(), body: Data(body.utf8))
        let zone = TimeZone(identifier: "America/New_York")
        func decode(keys: WireKeys?) -> (Result<[Record], TrackerAPIError>, ObservationBits) {
            var context = WireContext(endpoint: "GET /test", timeZone: zone)
            do {
                let records = try api.decodeRecords(response, endpoint: "GET /test", keys: keys, context: &context) {
                    wire, context in try Record(wire: wire, context: &context)
                }
                return (.success(records), context.observations)
            } catch {
                let typed = error as? TrackerAPIError ?? TrackerAPIError(code: .malformedResponse, endpoint: "untyped")
                return (.failure(typed), context.observations)
            }
        }
        let (slotted, slottedBits) = decode(keys: Record.wireKeys)
        let (full, fullBits) = decode(keys: nil)
        return (slotted, full, slotted == full && slottedBits == fullBits)
    }

    static let strings = [
        "Ada", "", "Zoë", #"quote \" and \\ backslash"#, #"\u00e9t\u00e9"#, #"\ud83d\ude00"#, "2024-03-10T02:30:00",
        "2024-06-01T12:00:00Z", "2024-11-03 01:30:00", "not a time", "true", "0", "12", "3.5", "a, b ,c",
    ]

    /// A random JSON value of any kind, as text.
    static func value(_ generator: inout some RandomNumberGenerator, depth: Int = 0) -> String {
        switch Int.random(in: 0..<(depth > 1 ? 8 : 10), using: &generator) {
        case 0: return "null"
        case 1: return Bool.random(using: &generator) ? "true" : "false"
        case 2: return String(Int.random(in: -5...100_000, using: &generator))
        case 3: return ["2.5", "-0.0", "1e3", "7.0", "12345678901234567890"].randomElement(using: &generator) ?? "1"
        case 8:
            return "["
                + (0..<Int.random(in: 0...3, using: &generator)).map { _ in value(&generator, depth: depth + 1) }
                .joined(separator: ",") + "]"
        case 9:
            return "{"
                + (0..<Int.random(in: 0...3, using: &generator)).map { index in
                    "\"k\(index)\":" + value(&generator, depth: depth + 1)
                }.joined(separator: ", ") + "}"
        default: return "\"" + (strings.randomElement(using: &generator) ?? "") + "\""
        }
    }

    /// A random object using the model's keys (spelled plainly or with an escape), unknown keys,
    /// repeated keys and random spacing.
    static func object(keys: WireKeys, _ generator: inout some RandomNumberGenerator) -> String {
        var members: [String] = []
        for name in keys.names + ["brand_new", "", "Email", "id "] where Int.random(in: 0..<4, using: &generator) > 0 {
            var key = name
            if Int.random(in: 0..<15, using: &generator) == 0, let first = name.unicodeScalars.first {
                key = "\\u00" + String(first.value, radix: 16) + name.dropFirst()
            }
            let value =
                name == "id" && Int.random(in: 0..<10, using: &generator) > 0
                ? String(Int.random(in: 1...1_000_000, using: &generator)) : value(&generator)
            let space = Int.random(in: 0..<4, using: &generator) == 0 ? " \n" : ""
            members.append("\"\(key)\"\(space):\(space)\(value)")
            if Int.random(in: 0..<20, using: &generator) == 0 { members.append("\"\(key)\":\(self.value(&generator))") }
        }
        members.shuffle(using: &generator)
        return "{" + members.joined(separator: Bool.random(using: &generator) ? "," : " , ") + "}"
    }

    static func randomPages<Record: WireDecodable & Equatable>(of type: Record.Type) throws {
        let keys = try #require(Record.wireKeys)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let objects = (0..<Int.random(in: 0...6, using: &generator)).map { _ in object(keys: keys, &generator) }
            let prefix = Int.random(in: 0..<5, using: &generator) == 0 ? "\u{FEFF}" : ""
            let body = prefix + " [" + objects.joined(separator: ",\n") + "] "
            let (slotted, full, same) = try bothWays(body, as: type)
            #expect(same, "\(body)\nslotted: \(slotted)\nfull: \(full)")
        }
    }

    @Test func applicationsDecodeAlikeBothWays() throws { try Self.randomPages(of: TrackerApplication.self) }
    @Test func jobsDecodeAlikeBothWays() throws { try Self.randomPages(of: TrackerJob.self) }
    @Test func notesDecodeAlikeBothWays() throws { try Self.randomPages(of: TrackerNote.self) }
    @Test func filesDecodeAlikeBothWays() throws { try Self.randomPages(of: TrackerFile.self) }

    @Test func aSlottedRecordHandsOutTheWholeObjectAndItsBytes() throws {
        let text = #"{"id":7,"first_name":"Ada","brand_new":{"x":[1,2]},"email":null}"#
        let (slotted, _, same) = try Self.bothWays("[\(text)]", as: TrackerApplication.self)
        #expect(same)
        let application = try #require(try slotted.get().first)
        #expect(application.raw["brand_new"] == ["x": [1, 2]])
        #expect(application.raw["email"] == .null)
        #expect(String(decoding: application.rawJSON, as: UTF8.self) == text)
        var changed = application
        changed.raw["brand_new"] = "replaced"
        #expect(changed.raw["brand_new"] == "replaced")
        #expect(application.raw["brand_new"] == ["x": [1, 2]])
        #expect(changed != application)
    }

    @Test(arguments: [
        "", "   ", "{}", #"{"id":1}"#, "[1]", #"[{"id":1},2]"#, #"[{"id":1}"#, #"[{"id":1},]"#, #"[{"id":1}] x"#,
        #"[{"id":1,"email":"\x"}]"#, #"[{"id":1,"email":tru}]"#, #"[{"first_name":"no id"}]"#, #"[{"id":true}]"#,
        #"[{"id":""}]"#, "[" + String(repeating: "[", count: 300) + "]", #"[{"id":1,"n":1e999}]"#,
    ])
    func aBodyThatIsNotAnArrayOfRecordsFailsAsItAlwaysDid(body: String) throws {
        let (slotted, full, same) = try Self.bothWays(body, as: TrackerApplication.self)
        #expect(same, "slotted: \(slotted)\nfull: \(full)")
    }
}
