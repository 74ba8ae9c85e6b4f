/// One entry of the workflow action catalogue (`GET /workflow/actions`): an action type and the
/// data it needs to be created directly or from a trigger.
public struct TrackerActionDefinition: Sendable, Hashable {
    /// The data one way of using an action needs.
    public struct DataRequirements: Sendable, Hashable {
        /// Fields that must be given, by name.
        public var required: [String: FieldSpecification]
        /// Fields that may be given, by name.
        public var optional: [String: FieldSpecification]
        /// The whole object as sent.
        public var raw: [String: TrackerJSON]
    }

    /// What one datum looks like.
    public struct FieldSpecification: Sendable, Hashable {
        /// The value type, such as `string` or `integer`.
        public var type: TrackerValueType?
        /// The whole object as sent.
        public var raw: [String: TrackerJSON]
    }

    /// The action type.
    public var type: TrackerActionType
    /// What creating a trigger with this action needs.
    public var createTrigger: DataRequirements?
    /// What creating the action directly needs.
    public var createAction: DataRequirements?
    /// The entry's object as sent (the value under the action type key).
    public var raw: [String: TrackerJSON]
}

extension TrackerActionDefinition {
    init(type: String, object: [String: TrackerJSON]) {
        self.type = TrackerActionType(wireName: type)
        self.createTrigger = object["create_trigger"]?.objectValue.map(DataRequirements.init(object:))
        self.createAction = object["create_action"]?.objectValue.map(DataRequirements.init(object:))
        self.raw = object
    }

    /// Reads the catalogue: documented as an array of one-key objects; an array of multi-key
    /// objects or one object keyed by type are accepted too.
    static func catalogue(from json: TrackerJSON, context: WireContext) throws -> [TrackerActionDefinition] {
        let entries: [[String: TrackerJSON]]
        switch json {
        case .array(let elements): entries = elements.compactMap(\.objectValue)
        case .object(let object): entries = [object]
        default:
            throw TrackerAPIError(
                code: .malformedResponse,
                endpoint: context.endpoint,
                field: "(root)",
                underlying: "expected an array of action types"
            )
        }
        return entries.flatMap { entry in
            entry.keys.sorted().compactMap { key in
                entry[key]?.objectValue.map { TrackerActionDefinition(type: key, object: $0) }
            }
        }
    }
}

extension TrackerActionDefinition.DataRequirements {
    init(object: [String: TrackerJSON]) {
        func specifications(_ key: String) -> [String: TrackerActionDefinition.FieldSpecification] {
            guard let fields = object[key]?.objectValue else { return [:] }
            return fields.mapValues { value in
                switch value {
                case .object(let spec):
                    .init(type: spec["type"]?.stringValue.map(TrackerValueType.init(rawValue:)), raw: spec)
                case .string(let typeName):
                    .init(type: TrackerValueType(rawValue: typeName), raw: ["type": value])
                default:
                    .init(type: nil, raw: [:])
                }
            }
        }
        self.required = specifications("required_data")
        self.optional = specifications("optional_data")
        self.raw = object
    }
}
