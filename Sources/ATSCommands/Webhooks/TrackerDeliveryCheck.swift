import TrackerAPI

/// Tracker's deliveries: `X-ATS-Signature` over the body and, when sent, `X-Hub-Signature`.
struct TrackerDeliveryCheck: WebhookDeliveryCheck {
    let verifier: TrackerWebhookVerifier

    var providerName: String { "Tracker" }

    var signatureHeaders: [String] {
        [TrackerWebhookVerifier.signatureHeader.lowercased(), TrackerWebhookVerifier.hubSignatureHeader.lowercased()]
    }

    func check(body: [UInt8], signatures: [String: String]) -> WebhookVerdict {
        do throws(TrackerWebhookVerificationError) {
            let delivery = try verifier.verify(
                body: body, signature: signatures[signatureHeaders[0]], hubSignature: signatures[signatureHeaders[1]])
            return .verified(
                jsonLine: delivery.jsonLine,
                summary: "\(delivery.event.rawValue) for application \(delivery.application.id.rawValue)")
        } catch {
            return error.isAuthenticationFailure
                ? .unauthenticated(reason: error.message) : .malformed(reason: error.message)
        }
    }

    /// The verifier's own description, which shows nothing of the password.
    var description: String { "\(verifier)" }
}
