import ATSCore
import Foundation
import Testing

@Suite struct CustomFieldValueTests {
    @Test(arguments: [
        (#"["x"]"#, CustomFieldValue.text("x")),
        ("[12]", .integer(12)),
        ("[true]", .boolean(true)),
        ("[null]", .null),
        ("[1.25]", .decimal("1.25")),
    ])
    func decodesEachJSONType(json: String, expected: CustomFieldValue) throws {
        let values = try JSONDecoder().decode([CustomFieldValue].self, from: Data(json.utf8))
        #expect(values == [expected])
    }

    @Test func roundTripsThroughJSON() throws {
        let values: [String: CustomFieldValue] = [
            "a": .text("hi"), "b": .integer(-3), "c": .boolean(false), "d": .null,
        ]
        let data = try JSONEncoder().encode(values)
        #expect(try JSONDecoder().decode([String: CustomFieldValue].self, from: data) == values)
    }

    @Test func showsValuesAsFormText() {
        #expect(CustomFieldValue.boolean(true).text == "true")
        #expect(CustomFieldValue.null.text == "")
        #expect(CustomFieldValue.decimal("0.10").text == "0.10")
    }
}
