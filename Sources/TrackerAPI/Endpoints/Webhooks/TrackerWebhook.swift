/// A webhook registration: Tracker POSTs `{"event_name", "application"}` to ``url`` when ``event`` happens.
public struct TrackerWebhook: Sendable, Hashable, Identifiable {
    /// The registration's id.
    public var id: TrackerWebhookID
    /// Where deliveries go.
    public var url: String?
    /// The event delivered.
    public var event: TrackerEventType?
    /// When it was registered.
    public var createdAt: TrackerTimestamp?
    /// The whole object as sent.
    public var raw: [String: TrackerJSON]
}

extension TrackerWebhook: WireDecodable {
    init(wire: WireObject, context: inout WireContext) throws {
        id = try wire.requiredID("id", &context)
        url = wire.string("url")
        event = (wire.string("event") ?? wire.string("event_name")).map(TrackerEventType.init(rawValue:))
        createdAt = wire.timestamp("created_at", &context)
        raw = wire.fields
    }
}
