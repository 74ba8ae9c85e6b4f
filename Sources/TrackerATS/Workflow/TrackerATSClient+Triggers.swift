import ATSCore
public import TrackerAPI

/// A trigger to create: when `event` happens and `condition` holds, run `action` with `data`.
public struct TriggerDraft: Sendable, Hashable {
    /// The event that fires the trigger.
    public var event: TrackerEventType
    /// The action it runs.
    public var action: TrackerActionType
    /// The action's data (the catalogue's `create_trigger` fields; the event supplies the application).
    public var data: [String: TrackerJSON]
    /// When to run; nil runs on every such event.
    public var condition: TriggerCondition?

    /// Creates a trigger draft.
    /// - Parameters:
    ///   - event: The event.
    ///   - action: The action type.
    ///   - data: The action's data.
    ///   - condition: The condition.
    public init(
        event: TrackerEventType,
        action: TrackerActionType,
        data: [String: TrackerJSON] = [:],
        condition: TriggerCondition? = nil
    ) {
        self.event = event
        self.action = action
        self.data = data
        self.condition = condition
    }
}

extension TrackerATSClient {
    /// The event types, or those an action type can follow (`GET /workflow/events?action_type=`).
    /// - Parameter actionType: The action type; nil lists every event type.
    /// - Returns: The event types.
    /// - Throws: `ATSError`.
    public func eventTypes(followableBy actionType: TrackerActionType? = nil) async throws -> [TrackerEventType] {
        if let actionType {
            _ = try await actionSchema(for: actionType)
            return try await translating(.workflowTriggers, subject: "events of \(actionType.rawValue)") {
                try await api.workflow.eventTypes(for: actionType, logger: logger)
            }
        }
        return try await translating(.workflowTriggers) { try await metadata.workflow() }.events
    }

    /// The account's triggers, read afresh.
    /// - Returns: The triggers.
    /// - Throws: `ATSError`.
    public func triggers() async throws -> [TrackerTrigger] {
        try await translating(.workflowTriggers, subject: "triggers") { try await api.triggers.list(logger: logger) }
    }

    /// Checks and creates a trigger. The data is checked against the catalogue's `create_trigger`
    /// fields and the event against those the action can follow, before anything is sent.
    /// - Parameter draft: Event, action, data and condition.
    /// - Returns: The created trigger.
    /// - Throws: `ATSError` (`ATSError.Code.invalidInput` naming what is wrong; nothing sent).
    public func createTrigger(_ draft: TriggerDraft) async throws -> TrackerTrigger {
        try await validateActionData(draft.data, for: draft.action, use: .trigger)
        let followable = try await eventTypes(followableBy: draft.action)
        guard followable.contains(draft.event) else {
            throw inputError(
                .workflowTriggers,
                "Action \(draft.action.rawValue) cannot follow event '\(draft.event.rawValue)'. It can follow: "
                    + followable.map(\.rawValue).joined(separator: ", ") + ". Nothing was sent.")
        }
        let request = TrackerTriggerCreateRequest(
            eventType: draft.event, actionType: draft.action, data: draft.data,
            conditions: draft.condition?.conditionsDocument)
        let trigger = try await translating(.workflowTriggers, subject: "a new trigger") {
            try await api.triggers.create(request, logger: logger)
        }
        await apply(.triggers)
        return trigger
    }

    /// Deletes a trigger.
    /// - Parameter id: The trigger's id.
    /// - Throws: `ATSError` (`ATSError.Code.notFound` when there is none).
    public func deleteTrigger(_ id: TrackerTriggerID) async throws {
        try await translating(.workflowTriggers, subject: "trigger \(id)") {
            try await api.triggers.delete(id, logger: logger)
        }
        await apply(.triggers)
    }
}
