import ATSCore
import Testing
import TrackerATS

/// Candidate ids are the keys of a mirror's candidate rows and of whatever a user joined to them,
/// so a new version must derive exactly the ids the previous one did. These were computed by the
/// implementation before the digest was rewritten for speed (and agree with Python's `hmac`).
@Suite struct CandidateIDPinningTests {
    @Test(
        "the same e-mail and key give the same id as earlier versions",
        arguments: [
            (
                CandidateIdentity(apiKey: "key", companyID: nil), "Ada.Lovelace@Example.com ",
                "tc_ba11b84c2ec92cb4db51a147fbefcc41"
            ),
            (
                CandidateIdentity(apiKey: "tk_live_0123456789abcdef", companyID: "company-42"),
                "grace.hopper@navy.mil", "tc_61626ebaa1a556c70dd042e69ad99d02"
            ),
            (
                CandidateIdentity(secret: Array("benchmark".utf8)), "applicant.1@example.org",
                "tc_d2c1023431a14f1235e5fa17add9a82d"
            ),
            (
                CandidateIdentity(secret: Array("s3cret".utf8)), "jos\u{e9}.n\u{fa}\u{f1}ez@correo.es",
                "tc_81f1c52114f992937bda8c1da782c9e6"
            ),
            // A key longer than a block (hashed first) and an address that spans two blocks.
            (
                CandidateIdentity(secret: [UInt8](repeating: UInt8(ascii: "x"), count: 100)),
                String(repeating: "a", count: 60) + "@example.com", "tc_6d169f7d376eb1df68e3f4226f7d26b6"
            ),
        ]
    )
    func pinnedCandidateID(identity: CandidateIdentity, email: String, expected: String) {
        #expect(identity.candidateID(email: email)?.rawValue == expected)
        #expect(identity.candidateID(email: email, applicationID: "7").rawValue == expected)
    }
}

/// An identity holds the HMAC key of candidate ids; printing it (in a log, a test's argument
/// list) must not show the key, which used to appear as its bytes.
@Suite struct CandidateIdentityDescriptionTests {
    @Test func anIdentityPrintsNoKeyMaterial() {
        let identity = CandidateIdentity(secret: Array("s3cret".utf8))
        var dumped = ""
        dump(identity, to: &dumped)
        for text in [String(describing: identity), String(reflecting: identity), dumped] {
            #expect(text.contains("redacted"), "\(text)")
            #expect(!text.contains { $0.isNumber }, "\(text)")
        }
    }
}
