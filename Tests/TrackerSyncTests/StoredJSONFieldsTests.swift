import ATSTestSupport
import Foundation
import Testing
import TrackerAPI

@testable import TrackerSync

/// The candidate derivation's quick reader must agree with the full parser on every stored form.
@Suite struct StoredJSONFieldsTests {
    let keys: Set<String> = ["email", "phone", "first_name"]

    func full(_ text: String) -> [String: String]? {
        (try? TrackerJSON.parse(Data(text.utf8)).objectValue)?.compactMapValues(\.stringValue).filter {
            keys.contains($0.key)
        }
    }

    @Test(arguments: [
        #"{"email":"a@b.c","id":"1","phone":null,"tags":["x","y"],"custom_fields":{"email":"no","n":[1,{"a":"}"}]}}"#,
        #"{"email": "a@b.c", "id": "1", "phone": "+1 555", "rating": 4.5, "archived": false, "first_name": "Zoë"}"#,
        #"{ "first_name" : "Ann \"Nan\" \\ O\/Neil\n" , "email":"" }"#,
        #"{}"#,
        #"{"phone":12345,"email":"x@y.z","nested":{"deep":{"deeper":["]","}",{}]}},"first_name":"Bo"}"#,
    ])
    func agreesWithTheFullParser(text: String) {
        #expect(StoredJSONFields.strings(in: text, keys: keys) == full(text))
    }

    @Test(arguments: [#"{"first_name":"\u00e9"}"#, #"["not an object"]"#, #"{"email":"unterminated"#, "", "{"])
    func leavesWhatItCannotReadToTheFullParser(text: String) {
        #expect(StoredJSONFields.strings(in: text, keys: keys) == nil)
    }
}

/// Candidates store their times as Foundation's `.iso8601` style wrote them; the hand-written
/// formatter must write the same text, or every candidate would count as changed after an upgrade.
@Suite struct CandidateTimestampTextTests {
    @Test func theFastFormatterWritesWhatFoundationWrites() {
        for date in TimestampSamples.dates(randomCount: 20000) {
            #expect(CandidateDerivation.utc(date) == date.formatted(.iso8601), "\(date.timeIntervalSince1970)")
        }
    }
}
