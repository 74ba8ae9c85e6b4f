import WorkableAPI

/// Workable's deliveries: `X-Workable-Signature`, HMAC-SHA256 of the body keyed with the account
/// token or the OAuth application's secret; the body is the candidate.
struct WorkableDeliveryCheck: WebhookDeliveryCheck {
    let verifier: WorkableWebhookVerifier

    var providerName: String { "Workable" }

    var signatureHeaders: [String] { [WorkableWebhookVerifier.signatureHeader.lowercased()] }

    func check(body: [UInt8], signatures: [String: String]) -> WebhookVerdict {
        do throws(WorkableWebhookVerificationError) {
            let candidate = try verifier.verify(body: body, signature: signatures[signatureHeaders[0]])
            return .verified(jsonLine: Self.jsonLine(candidate), summary: "a delivery for candidate \(candidate.id)")
        } catch .malformedBody {
            return .malformed(reason: WorkableWebhookVerificationError.malformedBody.description)
        } catch {
            return .unauthenticated(reason: error.description)
        }
    }

    /// The candidate's identifying fields as the wire model reads them, one line of compact JSON
    /// with sorted keys. The body does not name the event, so neither does the line.
    static func jsonLine(_ candidate: WorkableCandidate) -> String {
        func value(_ text: String?) -> WorkableJSON { text.map(WorkableJSON.string) ?? .null }
        let line: WorkableJSON = [
            "provider": "workable",
            "id": .string(candidate.id.rawValue),
            "name": value(candidate.name),
            "email": value(candidate.email),
            "job_shortcode": value(candidate.jobShortcode?.rawValue),
            "stage": value(candidate.stage),
            "updated_at": value(candidate.updatedAt?.iso8601),
        ]
        return String(decoding: line.encoded(), as: UTF8.self)
    }

    /// The verifier's own description, which shows nothing of the key.
    var description: String { "\(verifier)" }
}
