import Testing

@testable import TrackerATS

/// Candidate ids hash the normalised e-mail's bytes, taken for ASCII addresses without making the
/// normalised string; those bytes must be exactly the string's, or ids would change.
@Suite struct EmailNormalizationTests {
    @Test func normalisedBytesAreTheNormalisedStringsBytes() {
        var inputs = [
            "", " ", "\r\n", "a@b.c", "Ada.Lovelace@Example.COM", " \t\n x@Y.z \r\n", "ZZ", "@", "a b@c.d",
            "jos\u{e9}@Example.es", " \u{dc}N\u{ef}code@Example.com ", "\u{a0}a@b.c\u{a0}", "\u{85}A@B.C\u{85}",
            "\u{2003}Mixed@Example.com", "e\u{301}@X.Y", "\u{130}stanbul@Example.com", "STRASSE@\u{df}.de",
        ]
        for value in 0..<128 {
            let character = String(UnicodeScalar(UInt8(value)))
            inputs += [character, character + "Ab@C" + character, "Ab" + character + "Cd", character + character + "x"]
        }
        for input in inputs {
            let bytes = ContactNormalization.withNormalizedEmailBytes(input) { Array($0) }
            #expect(bytes == ContactNormalization.email(input).map { Array($0.utf8) }, "\(input.debugDescription)")
        }
    }

    @Test func idsAreTheSameForEveryWayOfWritingTheAddress() {
        let identity = CandidateIdentity(secret: Array("k".utf8))
        let id = identity.candidateID(email: "ada@example.com")
        #expect(id != nil)
        for variant in ["ADA@EXAMPLE.COM", "  Ada@Example.com\t", "\nada@example.com\r\n"] {
            #expect(identity.candidateID(email: variant) == id)
        }
        #expect(identity.candidateID(email: " \t\r\n") == nil)
    }
}
