import Foundation

/// One webhook delivery whose signature was verified: Tracker's `{"event_name", "application"}`.
///
/// Obtain it from ``TrackerWebhookVerifier/verify(body:signature:hubSignature:)-(Data,_,_)``; there is deliberately no
/// public way to decode a delivery without checking its signature first.
public struct TrackerWebhookDelivery: Sendable, Hashable {
    /// The event that happened, such as ``TrackerEventType/appStatusUpdated``.
    public var event: TrackerEventType
    /// The application the event is about, as it was when the event happened.
    public var application: TrackerApplication
    /// The whole delivery object as sent.
    public var raw: [String: TrackerJSON]

    /// The delivery as one line of compact JSON (keys sorted), for logs and pipes.
    public var jsonLine: String {
        String(decoding: TrackerJSON.object(raw).serialized(), as: UTF8.self)
    }

    /// Decodes a verified body.
    init(verifiedBody body: [UInt8], accountTimeZone: TimeZone?) throws(TrackerWebhookVerificationError) {
        func malformed(_ reason: String) -> TrackerWebhookVerificationError {
            TrackerWebhookVerificationError(
                code: .malformedBody, message: "The webhook delivery is signed correctly but \(reason).")
        }
        let json: TrackerJSON
        do {
            json = try TrackerJSON.parse(Data(body))
        } catch {
            throw malformed("its body is not JSON")
        }
        guard case .object(let object) = json else { throw malformed("its body is not a JSON object") }
        guard let name = object["event_name"]?.stringValue, !name.isEmpty else {
            throw malformed("it has no \"event_name\" string")
        }
        guard let applicationObject = object["application"]?.objectValue else {
            throw malformed("it has no \"application\" object")
        }
        var context = WireContext(endpoint: "webhook delivery", timeZone: accountTimeZone)
        do {
            application = try TrackerApplication(wire: WireObject(fields: applicationObject), context: &context)
        } catch {
            throw malformed("its application has no usable \"id\"")
        }
        event = TrackerEventType(rawValue: name)
        raw = object
    }
}
