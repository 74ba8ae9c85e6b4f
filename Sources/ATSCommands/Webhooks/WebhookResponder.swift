import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Answers webhook deliveries: 200 for a verified one (after handing it on), 401 for a missing or
/// wrong signature or a signature header sent twice, 400 for a signed body that is not a delivery,
/// 413 for a body above the limit, 405 for anything but POST. The provider's ``WebhookDeliveryCheck``
/// says which headers sign a delivery and whether it is genuine.
///
/// Rejections carry one fixed word as their body whatever the reason, so a sender probing the
/// receiver learns only that it failed, never which part of a forgery was right.
struct WebhookResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// What became of one request, for the listener's diagnostics and for tests.
    enum Outcome: Sendable, Equatable {
        /// Verified; `summary` says what it was about, such as "applicant_updated for application 3".
        case accepted(summary: String)
        case rejected(status: Int, reason: String)
    }

    let verifier: any WebhookDeliveryCheck
    let maximumBodyBytes: Int
    /// Called with every verified delivery's JSON line before the sender gets its 200, so that a
    /// delivery the sender sees as done has been written.
    let onDelivery: @Sendable (String) -> Void
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
        var signatures: [String: String] = [:]
        for name in verifier.signatureHeaders {
            let values = request.headers.filter { $0.name.canonicalName == name }.map(\.value)
            // Accepting one of several would let a forger put its own next to a genuine one copied
            // from another delivery.
            guard values.count <= 1 else {
                onOutcome(.rejected(status: 401, reason: "more than one \(name) header"))
                return Self.response(.unauthorized, "Unauthorized")
            }
            signatures[name] = values.first
        }
        switch verifier.check(body: body, signatures: signatures) {
        case .verified(let line, let summary):
            onDelivery(line)
            onOutcome(.accepted(summary: summary))
            return Self.response(.ok, "OK")
        case .unauthenticated(let reason):
            onOutcome(.rejected(status: 401, reason: reason))
            return Self.response(.unauthorized, "Unauthorized")
        case .malformed(let reason):
            onOutcome(.rejected(status: 400, reason: reason))
            return Self.response(.badRequest, "Bad Request")
        }
    }

    private func tooLarge() -> Response {
        onOutcome(.rejected(status: 413, reason: "the body is larger than \(maximumBodyBytes) bytes"))
        return Self.response(.contentTooLarge, "Content Too Large")
    }

    private static func response(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields = [:])
        -> Response
    {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
