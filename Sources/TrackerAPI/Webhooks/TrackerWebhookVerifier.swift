internal import ATSDigest
public import Foundation

/// Checks that a webhook delivery came from Tracker, then decodes it.
///
/// Tracker signs every delivery with `X-ATS-Signature`: the hexadecimal HMAC-SHA256 of the raw
/// request body under the account's API password. ``verify(body:signature:)`` recomputes it over
/// the bytes exactly as received (before any JSON parsing), compares the two digests in constant
/// time, and only then reads the body. Keep the body as raw bytes until then: re-encoding the JSON
/// changes the bytes and breaks the signature.
///
/// ```swift
/// let verifier = TrackerWebhookVerifier(apiPassword: password)
/// let delivery = try verifier.verify(body: bodyBytes, signature: request.headers["X-ATS-Signature"])
/// print(delivery.event, delivery.application.id)
/// ```
///
/// The verifier does not reject replays: Tracker's contract has no timestamp or nonce to check.
/// Receivers that act on deliveries should be idempotent per application and event.
public struct TrackerWebhookVerifier: Sendable, CustomStringConvertible, CustomReflectable {
    /// The header that carries the signature.
    public static let signatureHeader = "X-ATS-Signature"
    /// The length of an HMAC-SHA256 in bytes; the header holds twice as many hex digits.
    public static let digestLength = 32

    private let key: [UInt8]
    /// The account time zone used to place naive timestamps in the delivered application.
    public var accountTimeZone: TimeZone?

    /// Creates a verifier.
    /// - Parameters:
    ///   - apiPassword: The account's API password, the signing key. Never shown by the verifier.
    ///   - accountTimeZone: The account's time zone, for the application's naive timestamps.
    public init(apiPassword: String, accountTimeZone: TimeZone? = nil) {
        key = Array(apiPassword.utf8)
        self.accountTimeZone = accountTimeZone
    }

    /// Verifies a delivery's signature and decodes it.
    /// - Parameters:
    ///   - body: The request body exactly as received.
    ///   - signature: The `X-ATS-Signature` header's value, or nil when the header is missing.
    /// - Returns: The delivery.
    /// - Throws: ``TrackerWebhookVerificationError``: ``TrackerWebhookVerificationError/Code/missingSignature``,
    ///   ``TrackerWebhookVerificationError/Code/malformedSignature`` or
    ///   ``TrackerWebhookVerificationError/Code/signatureMismatch`` before the body is read at all;
    ///   ``TrackerWebhookVerificationError/Code/malformedBody`` for an authentic body that is not a delivery.
    public func verify(body: [UInt8], signature: String?) throws(TrackerWebhookVerificationError)
        -> TrackerWebhookDelivery
    {
        try authenticate(body: body, signature: signature)
        return try TrackerWebhookDelivery(verifiedBody: body, accountTimeZone: accountTimeZone)
    }

    /// Verifies a delivery's signature and decodes it.
    /// - Parameters:
    ///   - body: The request body exactly as received.
    ///   - signature: The `X-ATS-Signature` header's value, or nil when the header is missing.
    /// - Returns: The delivery.
    /// - Throws: ``TrackerWebhookVerificationError``.
    public func verify(body: Data, signature: String?) throws(TrackerWebhookVerificationError)
        -> TrackerWebhookDelivery
    {
        try verify(body: [UInt8](body), signature: signature)
    }

    /// Checks only the signature, without reading the body.
    /// - Parameters:
    ///   - body: The request body exactly as received.
    ///   - signature: The `X-ATS-Signature` header's value, or nil when the header is missing.
    /// - Throws: ``TrackerWebhookVerificationError`` with an authentication code when it does not match.
    public func authenticate(body: [UInt8], signature: String?) throws(TrackerWebhookVerificationError) {
        guard let signature, !signature.isEmpty else {
            throw TrackerWebhookVerificationError(
                code: .missingSignature,
                message: "The webhook delivery has no \(Self.signatureHeader) header, so it cannot be from Tracker.")
        }
        guard let given = Self.digest(fromHex: signature) else {
            throw TrackerWebhookVerificationError(
                code: .malformedSignature,
                message: "The webhook delivery's \(Self.signatureHeader) header is not \(Self.digestLength * 2) "
                    + "hexadecimal digits.")
        }
        let expected = HMACSHA256.authenticationCode(key: key, message: body)
        guard Self.constantTimeEquals(expected, given) else {
            throw TrackerWebhookVerificationError(
                code: .signatureMismatch,
                message: "The webhook delivery's signature does not match its body: it was altered, or it was "
                    + "signed with another API password.")
        }
    }

    /// Compares two byte strings in a time that depends only on their lengths.
    ///
    /// Every byte pair is combined into one accumulator with no branch on the data, so the time
    /// taken does not reveal where the first difference is. Digests have a fixed length, so the
    /// early answer for different lengths reveals nothing secret.
    /// - Parameters:
    ///   - lhs: One digest.
    ///   - rhs: The other.
    /// - Returns: Whether they are equal.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in 0..<lhs.count {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }

    /// The digest in a signature header: exactly 64 hex digits, upper or lower case, with
    /// surrounding spaces allowed (HTTP strips them anyway). Anything else is nil.
    static func digest(fromHex text: String) -> [UInt8]? {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var digits = Array(text.utf8)
        while let last = digits.last, isBlank(last) { digits.removeLast() }
        digits.removeFirst(digits.prefix(while: isBlank).count)
        guard digits.count == digestLength * 2 else { return nil }
        var bytes = [UInt8](repeating: 0, count: digestLength)
        for index in 0..<digestLength {
            guard let high = nibble(digits[2 * index]), let low = nibble(digits[2 * index + 1]) else { return nil }
            bytes[index] = high << 4 | low
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The verifier without its key.
    public var description: String {
        "TrackerWebhookVerifier(apiPassword: <redacted>, accountTimeZone: \(accountTimeZone?.identifier ?? "unknown"))"
    }

    /// A mirror without the key, so `dump` and debuggers do not show it either.
    public var customMirror: Mirror {
        Mirror(self, children: ["apiPassword": "<redacted>", "accountTimeZone": accountTimeZone as Any])
    }
}
