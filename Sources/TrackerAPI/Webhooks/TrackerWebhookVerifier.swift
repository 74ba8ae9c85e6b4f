internal import Crypto
public import Foundation

/// Checks that a webhook delivery came from Tracker, then decodes it.
///
/// Tracker sends two headers with every delivery. `X-Hub-Signature` is the hexadecimal SHA-256 of
/// the account's API password: the same on every delivery, so it shows that the sender knows the
/// password but says nothing about the body. `X-ATS-Signature` is a SHA-256 of the password
/// together with the raw body, in one of the ``TrackerWebhookSignatureConstruction``s. A delivery
/// is accepted only when `X-ATS-Signature` matches the body (whichever construction is accepted),
/// and `X-Hub-Signature`, when sent, matches too; anything else is refused before the body is read.
/// Every accepted construction is computed and compared in constant time (swift-crypto's
/// comparisons), so the time taken does not tell a forger which construction or which byte was
/// close.
///
/// Keep the body as raw bytes until it is verified: re-encoding the JSON changes the bytes and
/// breaks the signature.
///
/// ```swift
/// let verifier = TrackerWebhookVerifier(apiPassword: password)
/// let delivery = try verifier.verify(
///     body: bodyBytes, signature: request.headers["X-ATS-Signature"],
///     hubSignature: request.headers["X-Hub-Signature"])
/// print(delivery.event, delivery.application.id)
/// ```
///
/// The verifier does not reject replays: Tracker's contract has no timestamp or nonce to check.
/// Receivers that act on deliveries should be idempotent per application and event.
public struct TrackerWebhookVerifier: Sendable, CustomStringConvertible, CustomReflectable {
    /// The header that carries the signature over the body.
    public static let signatureHeader = "X-ATS-Signature"
    /// The header that carries the SHA-256 of the API password.
    public static let hubSignatureHeader = "X-Hub-Signature"
    /// The length of a SHA-256 in bytes; each header holds twice as many hex digits.
    public static let digestLength = 32

    private let password: [UInt8]
    private let hmacKey: SymmetricKey
    private let passwordDigest: SHA256Digest
    /// The constructions of `X-ATS-Signature` accepted: all three unless one was configured.
    public let acceptedConstructions: [TrackerWebhookSignatureConstruction]
    /// The account time zone used to place naive timestamps in the delivered application.
    public var accountTimeZone: TimeZone?

    /// Creates a verifier.
    /// - Parameters:
    ///   - apiPassword: The account's API password, the signing key. Never shown by the verifier.
    ///   - accountTimeZone: The account's time zone, for the application's naive timestamps.
    ///   - construction: The one construction of `X-ATS-Signature` to accept, or nil (the default)
    ///     to accept any of the three.
    public init(
        apiPassword: String, accountTimeZone: TimeZone? = nil,
        construction: TrackerWebhookSignatureConstruction? = nil
    ) {
        password = Array(apiPassword.utf8)
        hmacKey = SymmetricKey(data: password)
        passwordDigest = SHA256.hash(data: password)
        acceptedConstructions = construction.map { [$0] } ?? TrackerWebhookSignatureConstruction.allCases
        self.accountTimeZone = accountTimeZone
    }

    /// Verifies a delivery's signatures and decodes it.
    /// - Parameters:
    ///   - body: The request body exactly as received.
    ///   - signature: The `X-ATS-Signature` header's value, or nil when the header is missing.
    ///   - hubSignature: The `X-Hub-Signature` header's value, or nil when the header is missing.
    /// - Returns: The delivery.
    /// - Throws: ``TrackerWebhookVerificationError``: ``TrackerWebhookVerificationError/Code/missingSignature``,
    ///   ``TrackerWebhookVerificationError/Code/malformedSignature`` or
    ///   ``TrackerWebhookVerificationError/Code/signatureMismatch`` before the body is read at all;
    ///   ``TrackerWebhookVerificationError/Code/malformedBody`` for an authentic body that is not a delivery.
    public func verify(body: [UInt8], signature: String?, hubSignature: String? = nil)
        throws(TrackerWebhookVerificationError) -> TrackerWebhookDelivery
    {
        try authenticate(body: body, signature: signature, hubSignature: hubSignature)
        return try TrackerWebhookDelivery(verifiedBody: body, accountTimeZone: accountTimeZone)
    }

    /// Verifies a delivery's signatures and decodes it.
    /// - Parameters:
    ///   - body: The request body exactly as received.
    ///   - signature: The `X-ATS-Signature` header's value, or nil when the header is missing.
    ///   - hubSignature: The `X-Hub-Signature` header's value, or nil when the header is missing.
    /// - Returns: The delivery.
    /// - Throws: ``TrackerWebhookVerificationError``.
    public func verify(body: Data, signature: String?, hubSignature: String? = nil)
        throws(TrackerWebhookVerificationError) -> TrackerWebhookDelivery
    {
        try verify(body: [UInt8](body), signature: signature, hubSignature: hubSignature)
    }

    /// Checks only the signatures, without reading the body.
    /// - Parameters:
    ///   - body: The request body exactly as received.
    ///   - signature: The `X-ATS-Signature` header's value, or nil when the header is missing.
    ///   - hubSignature: The `X-Hub-Signature` header's value, or nil when the header is missing.
    /// - Returns: The construction `X-ATS-Signature` was made with.
    /// - Throws: ``TrackerWebhookVerificationError`` with an authentication code when a header is
    ///   missing, malformed or does not match.
    @discardableResult
    public func authenticate(body: [UInt8], signature: String?, hubSignature: String? = nil)
        throws(TrackerWebhookVerificationError) -> TrackerWebhookSignatureConstruction
    {
        let hubSignature = hubSignature.flatMap { $0.isEmpty ? nil : $0 }
        guard let signature, !signature.isEmpty else {
            let message =
                hubSignature == nil
                ? "The webhook delivery has neither \(Self.signatureHeader) nor \(Self.hubSignatureHeader), so "
                    + "it cannot be from Tracker."
                : "The webhook delivery has \(Self.hubSignatureHeader) but no \(Self.signatureHeader): the first "
                    + "is the same on every delivery and does not cover the body, so it cannot show the body is "
                    + "Tracker's."
            throw TrackerWebhookVerificationError(code: .missingSignature, message: message)
        }
        guard let given = Self.digest(fromHex: signature) else {
            throw Self.malformed(Self.signatureHeader)
        }
        var givenHub: [UInt8]?
        if let hubSignature {
            guard let digest = Self.digest(fromHex: hubSignature) else { throw Self.malformed(Self.hubSignatureHeader) }
            givenHub = digest
        }
        // Every accepted construction is computed and compared, whichever matches, so the time
        // taken does not depend on which one the sender used.
        var matched: TrackerWebhookSignatureConstruction?
        for construction in acceptedConstructions where matches(given, construction, body: body) {
            matched = construction
        }
        let hubMatches = givenHub.map { passwordDigest == $0 } ?? true
        guard let matched else {
            throw TrackerWebhookVerificationError(
                code: .signatureMismatch,
                message: "The webhook delivery's \(Self.signatureHeader) does not match its body: it was altered, "
                    + "or it was signed with another API password"
                    + (acceptedConstructions.count == 1
                        ? " or another construction than \(acceptedConstructions[0])." : "."))
        }
        guard hubMatches else {
            throw TrackerWebhookVerificationError(
                code: .signatureMismatch,
                message: "The webhook delivery's \(Self.hubSignatureHeader) is not the SHA-256 of the API password: "
                    + "it was sent with another API password.")
        }
        return matched
    }

    /// Whether `given` is the signature of `body` in one construction, compared in constant time.
    private func matches(_ given: [UInt8], _ construction: TrackerWebhookSignatureConstruction, body: [UInt8]) -> Bool {
        switch construction {
        case .hmac:
            return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: body, using: hmacKey)
        case .passwordThenBody:
            var hasher = SHA256()
            hasher.update(data: password)
            hasher.update(data: body)
            return hasher.finalize() == given
        case .bodyThenPassword:
            var hasher = SHA256()
            hasher.update(data: body)
            hasher.update(data: password)
            return hasher.finalize() == given
        }
    }

    private static func malformed(_ header: String) -> TrackerWebhookVerificationError {
        TrackerWebhookVerificationError(
            code: .malformedSignature,
            message: "The webhook delivery's \(header) header is not \(digestLength * 2) hexadecimal digits.")
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
        "TrackerWebhookVerifier(apiPassword: <redacted>, constructions: "
            + acceptedConstructions.map(\.rawValue).joined(separator: ", ")
            + ", accountTimeZone: \(accountTimeZone?.identifier ?? "unknown"))"
    }

    /// A mirror without the key, so `dump` and debuggers do not show it either.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "apiPassword": "<redacted>", "acceptedConstructions": acceptedConstructions,
                "accountTimeZone": accountTimeZone as Any,
            ])
    }
}
