public import Logging

extension TrackerAPI {
    /// The workflow catalogue endpoints.
    public var workflow: Workflow { Workflow(api: self) }

    /// The workflow catalogue: which actions exist, what data they need, which events exist.
    public struct Workflow: Sendable {
        let api: TrackerAPI

        /// The action catalogue (`GET /workflow/actions`).
        /// - Parameter logger: A logger for this call.
        /// - Returns: One definition per action type, in the server's order (keys sorted within an entry).
        /// - Throws: ``TrackerAPIError``.
        public func actionCatalogue(logger: Logger? = nil) async throws -> [TrackerActionDefinition] {
            let endpoint = TrackerEndpoint(.get, "/workflow/actions")
            return try await api.perform(endpoint, logger: logger) { [api] response in
                let context = WireContext(endpoint: endpoint.label, timeZone: nil)
                return try TrackerActionDefinition.catalogue(
                    from: api.parseJSON(response, endpoint: endpoint.label),
                    context: context
                )
            }
        }

        /// The event types (`GET /workflow/events`), optionally only those an action can follow.
        /// - Parameters:
        ///   - actionType: Narrows to events this action type can follow (`?action_type=`).
        ///   - logger: A logger for this call.
        /// - Returns: The event type names.
        /// - Throws: ``TrackerAPIError``.
        public func eventTypes(for actionType: TrackerActionType? = nil, logger: Logger? = nil) async throws
            -> [TrackerEventType]
        {
            var query = TrackerEndpoint(.get, "/workflow/events")
            if let actionType { query.query.append(("action_type", actionType.rawValue)) }
            let endpoint = query
            return try await api.perform(endpoint, logger: logger) { [api] response in
                try Self.eventTypes(from: api.parseJSON(response, endpoint: endpoint.label))
                    ?? {
                        throw api.shapeError(response, endpoint.label, "an array of event type names")
                    }()
            }
        }

        /// Event names as an array of strings, of objects naming them, or of one-key objects.
        static func eventTypes(from json: TrackerJSON) -> [TrackerEventType]? {
            let elements: [TrackerJSON]
            switch json {
            case .array(let array): elements = array
            case .object(let object):
                guard let array = (object["events"] ?? object["event_types"])?.arrayValue else {
                    return object.keys.sorted().map(TrackerEventType.init(rawValue:))
                }
                elements = array
            default: return nil
            }
            return elements.compactMap { element in
                if let name = element.stringValue { return TrackerEventType(rawValue: name) }
                guard let object = element.objectValue else { return nil }
                for key in ["event_type", "name", "type", "event"] {
                    if let name = object[key]?.stringValue { return TrackerEventType(rawValue: name) }
                }
                return object.count == 1 ? object.keys.first.map(TrackerEventType.init(rawValue:)) : nil
            }
        }
    }
}
