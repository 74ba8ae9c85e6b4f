import ATSCore
import Foundation
import Testing

@Suite struct IdentifierTests {
    @Test func decodesStringAndIntegerIdsToTheSameValue() throws {
        let decoder = JSONDecoder()
        let fromString = try decoder.decode([ApplicationID].self, from: Data(#"["42"]"#.utf8))
        let fromInteger = try decoder.decode([ApplicationID].self, from: Data("[42]".utf8))
        #expect(fromString == fromInteger)
        #expect(fromString.first?.rawValue == "42")
    }

    @Test func encodesAsAString() throws {
        let data = try JSONEncoder().encode([JobID("7")])
        #expect(String(decoding: data, as: UTF8.self) == #"["7"]"#)
    }

    @Test func ordersDecimalIdsNumerically() {
        let ids: [JobID] = ["10", "9", "100", "1"]
        #expect(ids.sorted().map(\.rawValue) == ["1", "9", "10", "100"])
    }

    @Test func ordersOtherIdsTextually() {
        let ids: [CandidateID] = ["c-b", "c-a", "10"]
        #expect(ids.sorted().map(\.rawValue) == ["10", "c-a", "c-b"])
    }

    @Test func rejectsNonScalarIds() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([NoteID].self, from: Data(#"[{"id": 1}]"#.utf8))
        }
    }
}
