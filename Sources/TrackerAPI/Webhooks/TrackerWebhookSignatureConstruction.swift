/// How a delivery's `X-ATS-Signature` combines the account's API password with the raw body.
///
/// Tracker documents the header as "the SHA-256 hash of your API password together with the
/// webhook payload" without saying how the two are put together, so a verifier accepts any of
/// these by default (``TrackerWebhookVerifier/init(apiPassword:accountTimeZone:construction:)``
/// with `construction: nil`) and can be pinned to the one an account turns out to use.
public enum TrackerWebhookSignatureConstruction: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// HMAC-SHA256(key: password, message: body).
    case hmac
    /// SHA-256(password ‖ body).
    case passwordThenBody = "password-body"
    /// SHA-256(body ‖ password).
    case bodyThenPassword = "body-password"

    /// The construction's name as the command line spells it (`hmac`, `password-body`, `body-password`).
    public var description: String { rawValue }
}
