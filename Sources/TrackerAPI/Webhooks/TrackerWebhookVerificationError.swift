/// Why a webhook delivery was not accepted.
///
/// The messages never contain the expected signature, the API password or the body: a sender that
/// gets one back learns nothing that helps it forge the next delivery.
public struct TrackerWebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong with the delivery.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The delivery had no `X-ATS-Signature` header (or an empty one), whether or not it had
        /// `X-Hub-Signature`, which does not cover the body.
        case missingSignature
        /// A signature header is not 64 hexadecimal digits, so it cannot be a SHA-256.
        case malformedSignature
        /// A header is well formed but does not match: `X-ATS-Signature` is not the body's
        /// signature under the API password in an accepted construction (the body was altered, the
        /// sender does not know the password, or signs another way), or `X-Hub-Signature` is not
        /// the SHA-256 of the password.
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
