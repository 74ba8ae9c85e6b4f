/// A workflow trigger: when ``eventType`` happens and ``conditions`` hold, run ``actionType``.
public struct TrackerTrigger: Sendable, Hashable, Identifiable {
    /// The trigger's id.
    public var id: TrackerTriggerID
    /// The event that fires it.
    public var eventType: TrackerEventType?
    /// The action it runs.
    public var actionType: TrackerActionType?
    /// The action's data.
    public var data: [String: TrackerJSON]
    /// A JSON-logic tree, such as `{"if": {"and": {"==": [{"app": "status"}, "Not Selected"]}}}`.
    public var conditions: TrackerJSON?
    /// When it was created.
    public var createdAt: TrackerTimestamp?
    /// When it was last updated.
    public var updatedAt: TrackerTimestamp?
    /// The whole object as sent.
    public var raw: [String: TrackerJSON]
}

extension TrackerTrigger: WireDecodable {
    init(wire: WireObject, context: inout WireContext) throws {
        id = try wire.requiredID("id", &context)
        eventType = wire.string("event_type").map(TrackerEventType.init(rawValue:))
        actionType = wire.string("action_type").map(TrackerActionType.init(wireName:))
        data = wire.object("data") ?? [:]
        conditions = wire["conditions"]
        createdAt = wire.timestamp("created_at", &context)
        updatedAt = wire.timestamp("updated_at", &context)
        raw = wire.fields
    }
}
