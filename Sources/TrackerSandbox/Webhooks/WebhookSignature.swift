import Crypto

/// The two signature headers of a webhook delivery, as Tracker documents them: `X-Hub-Signature`,
/// the SHA-256 of the API password (the same on every delivery), and `X-ATS-Signature`, a SHA-256
/// of the password together with the body. The documentation does not say how the two are put
/// together, so the sandbox signs with any of the three constructions a receiver should accept.
public enum SandboxWebhookSignature {
    /// How `X-ATS-Signature` combines the API password and the raw body.
    public enum Construction: String, Sendable, Hashable, CaseIterable {
        /// HMAC-SHA256(key: password, message: body). The default.
        case hmac
        /// SHA-256(password ‖ body).
        case passwordThenBody = "password-body"
        /// SHA-256(body ‖ password).
        case bodyThenPassword = "body-password"
    }

    /// The `X-ATS-Signature` header: the construction's 32 bytes as lowercase hex.
    /// - Parameters:
    ///   - construction: How the password and the body are combined.
    ///   - password: The account's API password.
    ///   - body: The raw request body.
    /// - Returns: 64 lowercase hex digits.
    public static func signature(_ construction: Construction, password: [UInt8], body: [UInt8]) -> String {
        switch construction {
        case .hmac:
            return hex(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: password)))
        case .passwordThenBody:
            var hasher = SHA256()
            hasher.update(data: password)
            hasher.update(data: body)
            return hex(hasher.finalize())
        case .bodyThenPassword:
            var hasher = SHA256()
            hasher.update(data: body)
            hasher.update(data: password)
            return hex(hasher.finalize())
        }
    }

    /// The `X-Hub-Signature` header: SHA-256 of the API password as lowercase hex.
    /// - Parameter password: The account's API password.
    /// - Returns: 64 lowercase hex digits.
    public static func hubSignature(password: [UInt8]) -> String {
        hex(SHA256.hash(data: password))
    }

    /// HMAC-SHA256 as lowercase hex: `X-ATS-Signature` in the default construction.
    /// - Parameters:
    ///   - key: the secret key (the account's API password for webhooks).
    ///   - message: the raw request body.
    /// - Returns: 64 lowercase hex digits.
    public static func hmacSHA256Hex(key: [UInt8], message: [UInt8]) -> String {
        signature(.hmac, password: key, body: message)
    }

    /// Bytes as lowercase hexadecimal digits.
    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
