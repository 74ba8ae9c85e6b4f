import Crypto

/// Signs test deliveries with swift-crypto directly, independently of the verifier under test and
/// of the sandbox's signer.
enum TestSignatures {
    /// HMAC-SHA256(key, message).
    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    /// SHA-256(message).
    static func sha256(_ message: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: message))
    }
}

extension Array where Element == UInt8 {
    /// The bytes as lowercase hexadecimal digits.
    var lowercaseHex: String {
        map { byte in
            let digits = String(byte, radix: 16)
            return byte < 0x10 ? "0" + digits : digits
        }
        .joined()
    }
}
