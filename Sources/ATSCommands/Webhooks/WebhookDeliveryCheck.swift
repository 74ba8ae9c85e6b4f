import HTTPTypes

/// One provider's check of a webhook delivery: its signature headers, then its body.
///
/// The responder owns everything providers share (methods, sizes, duplicate headers, the fixed
/// rejection words); a check only says whether these bytes, with these headers, are a genuine
/// delivery, and what to print for it.
protocol WebhookDeliveryCheck: Sendable, CustomStringConvertible {
    /// The provider's display name, for the banner ("Tracker", "Workable").
    var providerName: String { get }
    /// The signature headers, lower-cased. Each may appear at most once: accepting one of several
    /// would let a forger put its own next to a genuine one copied from another delivery.
    var signatureHeaders: [String] { get }
    /// Checks a delivery.
    /// - Parameters:
    ///   - body: The body exactly as received.
    ///   - signatures: The value of each of ``signatureHeaders`` that was sent, by lower-cased name.
    /// - Returns: The line to print, or why the delivery is refused.
    func check(body: [UInt8], signatures: [String: String]) -> WebhookVerdict
}

/// What a provider's check made of one delivery.
enum WebhookVerdict: Sendable, Equatable {
    /// Genuine: `jsonLine` is printed; `summary` (such as "applicant_updated for application 3") is
    /// noted on standard error.
    case verified(jsonLine: String, summary: String)
    /// A missing or wrong signature: answered 401.
    case unauthenticated(reason: String)
    /// Authentic but not a delivery: answered 400.
    case malformed(reason: String)
}
