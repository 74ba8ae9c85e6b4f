import ATSText
import Foundation
import Testing

@Suite struct JSONTextTests {
    /// Every escape the spelling has, pinned as literal text: the mirror compares stored bytes, so a
    /// change here would rewrite every stored row once.
    @Test func escapesQuotesBackslashesAndControlCharactersOnly() {
        #expect(JSONText.quoted("") == #""""#)
        #expect(JSONText.quoted("plain") == #""plain""#)
        #expect(JSONText.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONText.quoted("n\nr\rt\t") == #""n\nr\rt\t""#)
        #expect(JSONText.quoted("\u{00}\u{01}\u{08}\u{0C}\u{1F}") == #""\u0000\u0001\u0008\u000c\u001f""#)
        // Slash, DEL, non-ASCII and astral characters stay as their bytes.
        #expect(JSONText.quoted("/\u{7F}é😀\u{2028}") == "\"/\u{7F}é😀\u{2028}\"")
    }

    @Test func everyControlCharacterIsEscapedAndEveryOtherByteIsNot() {
        for scalar in (0...0x7F).compactMap(Unicode.Scalar.init) {
            let quoted = JSONText.quoted(String(scalar))
            let escaped = scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
            #expect(quoted.hasPrefix("\"\\") == escaped, "\(scalar.value)")
        }
    }

    /// What Foundation reads back is the original string, whatever it contains.
    @Test func quotedTextRoundTripsThroughAJSONParser() throws {
        let samples = [
            "", "a\"b\\c/d", "line\nbreak\r\n", "\u{00}\u{1F}\u{7F}", "é😀𝄞", "tab\tend",
            String(repeating: "\\\"", count: 50),
            String((0...0x7F).compactMap(Unicode.Scalar.init).map(Character.init)),
        ]
        for sample in samples {
            let text = JSONText.quoted(sample)
            let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            #expect(decoded as? String == sample, "\(text)")
        }
    }

    /// The piecewise form delivers the same bytes as the one-string form, in order.
    @Test func piecesJoinToTheWholeText() {
        let sample = "run \"quoted\" and\nmore"
        var bytes: [UInt8] = []
        var pieces = 0
        JSONText.quoted(sample) { piece in
            bytes.append(contentsOf: piece)
            pieces += 1
        }
        #expect(String(decoding: bytes, as: UTF8.self) == JSONText.quoted(sample))
        #expect(pieces > 2)
    }

    @Test func numbersAreWholeWhenTheyCanBeAndNullWhenJSONCannotSayThem() {
        #expect(JSONText.number(0) == "0")
        #expect(JSONText.number(-0.0) == "0")
        #expect(JSONText.number(2) == "2")
        #expect(JSONText.number(-7) == "-7")
        #expect(JSONText.number(999_999_999_999_999) == "999999999999999")
        #expect(JSONText.number(1e15) == "1000000000000000.0")
        #expect(JSONText.number(-0.5) == "-0.5")
        #expect(JSONText.number(0.1) == "0.1")
        #expect(JSONText.number(1e-7) == "1e-07")
        #expect(JSONText.number(.nan) == "null")
        #expect(JSONText.number(.infinity) == "null")
        #expect(JSONText.number(-.infinity) == "null")
    }

    @Test func numbersRoundTripExactly() throws {
        for number in [0.1, -0.5, 1e15, 1.5e300, -2.2250738585072014e-308, 123_456.789, 4_503_599_627_370_497] {
            let text = JSONText.number(number)
            let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            #expect((decoded as? NSNumber)?.doubleValue == number, "\(text)")
        }
    }
}
