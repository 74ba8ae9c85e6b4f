import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TrackerAPI

/// Answers webhook deliveries: 200 for a verified one (after handing it on), 401 for a missing or
/// wrong signature (`X-ATS-Signature` must match the body; `X-Hub-Signature`, when sent, the password), 400 for a signed body that is not a delivery, 413 for a body above the limit,
/// 405 for anything but POST.
///
/// Rejections carry one fixed word as their body whatever the reason, so a sender probing the
/// receiver learns only that it failed, never which part of a forgery was right.
struct WebhookResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// What became of one request, for the listener's diagnostics and for tests.
    enum Outcome: Sendable, Equatable {
        case accepted(event: String, applicationID: String)
        case rejected(status: Int, reason: String)
    }

    let verifier: TrackerWebhookVerifier
    let maximumBodyBytes: Int
    /// Called with every verified delivery before the sender gets its 200, so that a delivery the
    /// sender sees as done has been written.
    let onDelivery: @Sendable (TrackerWebhookDelivery) -> Void
    /// Called with what happened to each request.
    let onOutcome: @Sendable (Outcome) -> Void

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .post else {
            onOutcome(.rejected(status: 405, reason: "\(request.method.rawValue) instead of POST"))
            var headers = HTTPFields()
            headers[.allow] = "POST"
            return Self.response(.methodNotAllowed, "Method Not Allowed", headers: headers)
        }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maximumBodyBytes {
            return tooLarge()
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            return tooLarge()
        }
        let body = [UInt8](buffer: buffer)
        let signatures = request.headers.filter { $0.name.canonicalName == Self.signatureName }.map(\.value)
        let hubSignatures = request.headers.filter { $0.name.canonicalName == Self.hubSignatureName }.map(\.value)
        // Tracker sends one of each. Accepting one of several would let a forger put its own next
        // to a genuine one copied from another delivery.
        for (values, header) in [
            (signatures, TrackerWebhookVerifier.signatureHeader),
            (hubSignatures, TrackerWebhookVerifier.hubSignatureHeader),
        ] where values.count > 1 {
            onOutcome(.rejected(status: 401, reason: "more than one \(header) header"))
            return Self.response(.unauthorized, "Unauthorized")
        }
        do throws(TrackerWebhookVerificationError) {
            let delivery = try verifier.verify(
                body: body, signature: signatures.first, hubSignature: hubSignatures.first)
            onDelivery(delivery)
            onOutcome(.accepted(event: delivery.event.rawValue, applicationID: delivery.application.id.rawValue))
            return Self.response(.ok, "OK")
        } catch {
            if error.isAuthenticationFailure {
                onOutcome(.rejected(status: 401, reason: error.message))
                return Self.response(.unauthorized, "Unauthorized")
            }
            onOutcome(.rejected(status: 400, reason: error.message))
            return Self.response(.badRequest, "Bad Request")
        }
    }

    private func tooLarge() -> Response {
        onOutcome(.rejected(status: 413, reason: "the body is larger than \(maximumBodyBytes) bytes"))
        return Self.response(.contentTooLarge, "Content Too Large")
    }

    /// `x-ats-signature`: header names compare without case.
    static let signatureName = TrackerWebhookVerifier.signatureHeader.lowercased()
    /// `x-hub-signature`.
    static let hubSignatureName = TrackerWebhookVerifier.hubSignatureHeader.lowercased()

    private static func response(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields = [:])
        -> Response
    {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
