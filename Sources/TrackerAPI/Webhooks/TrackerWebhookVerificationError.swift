/// Why a webhook delivery was not accepted.
///
/// The messages never contain the expected signature, the API password or the body: a sender that
/// gets one back learns nothing that helps it forge the next delivery.
public struct TrackerWebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong with the delivery.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The delivery had no `X-ATS-Signature` header (or an empty one).
        case missingSignature
        /// The header is not 64 hexadecimal digits, so it cannot be an HMAC-SHA256.
        case malformedSignature
        /// The header is well formed but is not the body's HMAC under the API password: the body
        /// was altered, the sender does not know the password, or the password is a different one.
        case signatureMismatch
        /// The signature is right but the body is not a delivery `{"event_name", "application"}`.
        case malformedBody
    }

    /// What was wrong.
    public var code: Code
    /// A sentence for people, safe to log.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: What was wrong.
    ///   - message: A sentence for people; it must not contain secrets or the expected signature.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// Whether a receiver should treat the delivery as unauthenticated (answer 401) rather than
    /// as an authentic but unreadable one (answer 400).
    public var isAuthenticationFailure: Bool { code != .malformedBody }

    /// The message.
    public var description: String { message }
}
