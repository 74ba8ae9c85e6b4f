/// A workflow action, as `POST /actions` and `GET /actions/{id}` return it.
///
/// Actions run asynchronously: ``executedAt`` stays `nil` until the action has run. A failed
/// action is modelled as ``errorMessage`` set together with ``executedAt`` (not in Tracker's documentation).
public struct TrackerAction: Sendable, Hashable, Identifiable {
    /// The action's id (a JSON string in the documented examples).
    public var id: TrackerActionID
    /// The company (account) id.
    public var companyID: TrackerCompanyID?
    /// The trigger that created it, if any.
    public var triggerID: TrackerTriggerID?
    /// The action type, folded to the request spelling (`TagApp` → `tag_app`).
    public var type: TrackerActionType?
    /// The action type exactly as sent (`TagApp`).
    public var typeName: String?
    /// The action's data, echoed.
    public var data: [String: TrackerJSON]
    /// When it ran; `nil` while pending.
    public var executedAt: TrackerTimestamp?
    /// When it was created.
    public var createdAt: TrackerTimestamp?
    /// When it was last updated.
    public var updatedAt: TrackerTimestamp?
    /// Why it failed, if it did (not in Tracker's documentation).
    public var errorMessage: String?
    /// The whole object as sent.
    public var raw: [String: TrackerJSON]

    /// Whether the action has run (successfully or not).
    public var isExecuted: Bool { executedAt != nil }
    /// Whether the action ran and reported an error.
    public var hasFailed: Bool { errorMessage != nil }
}

extension TrackerAction: WireDecodable {
    init(wire: WireObject, context: inout WireContext) throws {
        id = try wire.requiredID("id", &context)
        companyID = wire.id("company_id", &context)
        triggerID = wire.id("trigger_id", &context)
        typeName = wire.string("type")
        type = typeName.map(TrackerActionType.init(wireName:))
        data = wire.object("data") ?? [:]
        executedAt = wire.timestamp("executed_at", &context)
        createdAt = wire.timestamp("created_at", &context)
        updatedAt = wire.timestamp("updated_at", &context)
        errorMessage = wire.string("error") ?? wire.object("error")?["message"]?.scalarText
        raw = wire.fields
    }
}
