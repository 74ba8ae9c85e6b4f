import ATSDigest

/// The webhook signature: hex HMAC-SHA256(key: API password, message: raw body), the
/// `X-ATS-Signature` header. Receivers verify a delivery by recomputing it over the raw body.
public enum SandboxWebhookSignature {
    /// HMAC-SHA256 of `message` under `key`.
    /// - Parameters:
    ///   - key: the secret key (any length; longer than 64 bytes is hashed first).
    ///   - message: the message.
    /// - Returns: the 32-byte authentication code.
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        HMACSHA256.authenticationCode(key: key, message: message)
    }

    /// HMAC-SHA256 as lowercase hex: the form of the `X-ATS-Signature` header.
    /// - Parameters:
    ///   - key: the secret key (the account's API password for webhooks).
    ///   - message: the raw request body.
    /// - Returns: 64 lowercase hex digits.
    public static func hmacSHA256Hex(key: [UInt8], message: [UInt8]) -> String {
        hmacSHA256(key: key, message: message).lowercaseHex
    }
}
