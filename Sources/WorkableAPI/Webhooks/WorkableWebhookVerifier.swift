internal import Crypto
internal import Foundation

/// Checks that a webhook delivery came from Workable, then reads the candidate it carries.
///
/// `X-Workable-Signature` is HMAC-SHA256 over the raw body, keyed with the account token (or the
/// OAuth application's secret). It is accepted as lower-case hex, upper-case hex or base64, and
/// compared in constant time (swift-crypto) over the bytes as received, before anything is parsed.
///
/// ```swift
/// let verifier = WorkableWebhookVerifier(signingKey: token)
/// let candidate = try verifier.verify(body: bytes, signature: request.headers["X-Workable-Signature"])
/// // A delivery is a hint: fetch the candidate by id before acting on it.
/// ```
public struct WorkableWebhookVerifier: Sendable, CustomStringConvertible, CustomReflectable {
    /// The header that carries the signature.
    public static let signatureHeader = "X-Workable-Signature"

    private let key: SymmetricKey

    /// Creates a verifier.
    /// - Parameter signingKey: The account token or the OAuth application's secret; never shown.
    public init(signingKey: String) {
        key = SymmetricKey(data: Array(signingKey.utf8))
    }

    /// Verifies a delivery's signature, then reads the candidate (bare, or wrapped in `candidate`).
    /// - Parameters:
    ///   - body: The request body exactly as received.
    ///   - signature: The `X-Workable-Signature` header, or `nil` when it is missing.
    /// - Returns: The candidate the delivery carries.
    /// - Throws: ``WorkableWebhookVerificationError``.
    public func verify(body: [UInt8], signature: String?) throws(WorkableWebhookVerificationError)
        -> WorkableCandidate
    {
        try authenticate(body: body, signature: signature)
        guard let json = try? WorkableJSON(parsing: Data(body)) else { throw .malformedBody }
        if json["candidate"].isObject, let candidate = WorkableCandidate(json: json["candidate"]) { return candidate }
        guard let candidate = WorkableCandidate(json: json) else { throw .malformedBody }
        return candidate
    }

    /// Verifies a delivery's signature only.
    /// - Parameters:
    ///   - body: The request body exactly as received.
    ///   - signature: The `X-Workable-Signature` header, or `nil` when it is missing.
    /// - Throws: ``WorkableWebhookVerificationError`` unless the signature matches the body.
    public func authenticate(body: [UInt8], signature: String?) throws(WorkableWebhookVerificationError) {
        guard let signature = signature?.trimmingCharacters(in: .whitespaces), !signature.isEmpty else {
            throw .missingSignature
        }
        guard let digest = Self.decode(signature) else { throw .malformedSignature }
        guard HMAC<SHA256>.isValidAuthenticationCode(digest, authenticating: body, using: key) else {
            throw .signatureMismatch
        }
    }

    /// The signature's 32 bytes from hex (either case) or base64; `nil` for anything else.
    private static func decode(_ text: String) -> [UInt8]? {
        if text.count == 64, text.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(32)
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
            return bytes
        }
        if let data = Data(base64Encoded: text), data.count == 32 { return Array(data) }
        return nil
    }

    /// Says what it is without the key.
    public var description: String { "WorkableWebhookVerifier(signingKey: <redacted>)" }
    /// Shows nothing of the key to `dump` and debuggers.
    public var customMirror: Mirror { Mirror(self, children: []) }
}

/// Why a delivery was refused.
public enum WorkableWebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `X-Workable-Signature` header.
    case missingSignature
    /// The header is neither 64 hex digits nor base64 of 32 bytes.
    case malformedSignature
    /// The signature does not match the body for this key.
    case signatureMismatch
    /// The body is authentic but is not a candidate.
    case malformedBody

    /// What was wrong and what to check.
    public var description: String {
        switch self {
        case .missingSignature: "the delivery has no X-Workable-Signature header; refused"
        case .malformedSignature:
            "the X-Workable-Signature header is not an HMAC-SHA256 digest (hex or base64); refused"
        case .signatureMismatch:
            "the X-Workable-Signature does not match the body: the delivery was altered, or the signing key "
                + "(the account token, or the OAuth app's secret) is not the one it was signed with; refused"
        case .malformedBody: "the delivery is authentic but its body is not a candidate"
        }
    }
}
