import ATSDigest
import Testing

/// The optimised SHA-256 and HMAC against the plain reference in this target, on random messages
/// of every length around the block boundaries and keys of every length around the block size.
@Suite("SHA-256 and HMAC against a reference")
struct DigestCrossCheckTests {
    @Test func sha256AgreesOnEveryLengthUpTo300() {
        var random = DigestRandom(seed: 1)
        for length in 0...300 {
            for _ in 0..<3 {
                let message = random.bytes(length)
                let expected = ReferenceSHA256.hash(message)
                #expect(SHA256.hash(message) == expected, "length \(length)")
                #expect(SHA256.digest(of: message).bytes == expected, "length \(length)")
            }
        }
    }

    @Test(arguments: [55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129])
    func sha256AgreesAtBlockBoundaries(length: Int) {
        for fill in [UInt8(0x00), 0x61, 0xFF] {
            let message = [UInt8](repeating: fill, count: length)
            #expect(SHA256.hash(message) == ReferenceSHA256.hash(message))
        }
    }

    @Test func hmacAgreesOnEveryKeyLengthUpTo200() {
        var random = DigestRandom(seed: 2)
        for keyLength in 0...200 {
            let key = random.bytes(keyLength)
            let prepared = HMACSHA256.Key(key)
            for messageLength in [0, 1, 20, 31, 32, 55, 56, 63, 64, 65, random.below(301)] {
                let message = random.bytes(messageLength)
                let expected = ReferenceSHA256.hmac(key: key, message: message)
                #expect(HMACSHA256.authenticationCode(key: key, message: message) == expected)
                #expect(prepared.authenticationCode(for: message).bytes == expected)
            }
        }
    }

    @Test func hmacAgreesOnEveryMessageLengthUpTo300() {
        var random = DigestRandom(seed: 3)
        let keys = [random.bytes(0), random.bytes(16), random.bytes(64), random.bytes(65), random.bytes(200)]
        for key in keys {
            let prepared = HMACSHA256.Key(key)
            for length in 0...300 {
                let message = random.bytes(length)
                #expect(
                    prepared.authenticationCode(for: message).bytes == ReferenceSHA256.hmac(key: key, message: message))
            }
        }
    }

    @Test func aPreparedKeyGivesTheSameCodeForTextAsForItsBytes() {
        let key = HMACSHA256.Key(Array("secret".utf8))
        for text in ["", "a@b.c", "jos\u{e9}.n\u{fa}\u{f1}ez@correo.es", String(repeating: "\u{1F600}", count: 40)] {
            let expected = ReferenceSHA256.hmac(key: Array("secret".utf8), message: Array(text.utf8))
            #expect(key.authenticationCode(for: text).bytes == expected)
            // A string that is a slice of a larger one is hashed by its own bytes only.
            let embedded = String(("<" + text + ">").dropFirst().dropLast())
            #expect(key.authenticationCode(for: embedded).bytes == expected)
        }
    }

    @Test func hexTextOfAPrefixOfTheDigest() {
        let digest = SHA256.digest(of: Array("abc".utf8))
        let full = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(digest.lowercaseHex() == full)
        #expect(digest.bytes.lowercaseHex == full)
        #expect(digest.lowercaseHex(firstBytes: 16, after: "tc_") == "tc_" + full.prefix(32))
        #expect(digest.lowercaseHex(firstBytes: 0, after: "x") == "x")
        #expect(digest.lowercaseHex(firstBytes: 99) == full)
        #expect(digest.lowercaseHex(firstBytes: 3, after: "caf\u{e9} ") == "caf\u{e9} ba7816")
    }
}

/// A reproducible generator (SplitMix64), so that a failing message can be replayed.
struct DigestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
}

/// A prepared key holds what stands for the secret; printing it must not show it.
@Suite struct PreparedKeyDescriptionTests {
    @Test func aPreparedKeyPrintsNoKeyMaterial() {
        let key = HMACSHA256.Key(Array("s3cret".utf8))
        var dumped = ""
        dump(key, to: &dumped)
        for text in [String(describing: key), String(reflecting: key), "\(key)", dumped] {
            #expect(text.contains("redacted"))
            #expect(!text.contains { $0.isNumber }, "\(text)")
        }
    }
}
