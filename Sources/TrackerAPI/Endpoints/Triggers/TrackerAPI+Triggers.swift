public import Logging

extension TrackerAPI {
    /// The trigger endpoints.
    public var triggers: Triggers { Triggers(api: self) }

    /// Workflow triggers: create, list and delete.
    public struct Triggers: Sendable {
        let api: TrackerAPI

        /// Creates a trigger (`POST /triggers`). Not retried once it may have arrived.
        /// - Parameters:
        ///   - request: Event, action, data and conditions.
        ///   - logger: A logger for this call.
        /// - Returns: The created trigger.
        /// - Throws: ``TrackerAPIError``.
        public func create(_ request: TrackerTriggerCreateRequest, logger: Logger? = nil) async throws -> TrackerTrigger
        {
            var body: [String: TrackerJSON] = [
                "event_type": .string(request.eventType.rawValue), "action_type": .string(request.actionType.rawValue),
                "data": .object(request.data),
            ]
            if let conditions = request.conditions { body["conditions"] = conditions }
            return try await api.callRecord(
                TrackerEndpoint(.post, "/triggers").with(json: .object(body)), logger: logger)
        }

        /// Every trigger (`GET /triggers`, not in Tracker's documentation; one bare array, not paged).
        /// - Parameter logger: A logger for this call.
        /// - Returns: The triggers.
        /// - Throws: ``TrackerAPIError``.
        public func list(logger: Logger? = nil) async throws -> [TrackerTrigger] {
            try await api.callList(TrackerEndpoint(.get, "/triggers"), logger: logger)
        }

        /// Deletes a trigger (`DELETE /triggers/{id}`, not in Tracker's documentation).
        /// - Parameters:
        ///   - id: The trigger's id.
        ///   - logger: A logger for this call.
        /// - Throws: ``TrackerAPIError``.
        public func delete(_ id: TrackerTriggerID, logger: Logger? = nil) async throws {
            try await api.callIgnoringBody(
                TrackerEndpoint(.delete, "/triggers/{id}", path: "/triggers/" + TrackerEndpoint.segment(id.rawValue)),
                logger: logger
            )
        }
    }
}

/// A new trigger.
public struct TrackerTriggerCreateRequest: Sendable, Hashable {
    /// The event that fires it.
    public var eventType: TrackerEventType
    /// The action it runs.
    public var actionType: TrackerActionType
    /// The action's data (the catalogue's `create_trigger.required_data`).
    public var data: [String: TrackerJSON]
    /// A JSON-logic condition tree, e.g. `{"if": {"and": {"==": [{"app": "status"}, "Not Selected"]}}}`.
    public var conditions: TrackerJSON?

    /// Creates a trigger request.
    /// - Parameters:
    ///   - eventType: The event.
    ///   - actionType: The action.
    ///   - data: The action's data.
    ///   - conditions: The condition tree.
    public init(
        eventType: TrackerEventType,
        actionType: TrackerActionType,
        data: [String: TrackerJSON] = [:],
        conditions: TrackerJSON? = nil
    ) {
        self.eventType = eventType
        self.actionType = actionType
        self.data = data
        self.conditions = conditions
    }
}
