public import TrackerAPI

/// One action type of Tracker's workflow catalogue, typed: the data it takes when created
/// directly and when run by a trigger, and a check of given data against it.
///
/// Built from `GET /workflow/actions` (TrackerAPI's `TrackerActionDefinition`): `required_data` fields must
/// be present and non-empty, `optional_data` fields may be, and every field must have its
/// declared type. Unknown fields are refused too: a misspelt field name would otherwise be
/// ignored by Tracker without a word.
public struct TrackerActionSchema: Sendable, Hashable {
    /// How an action is used: created directly (`create_action`) or by a trigger (`create_trigger`).
    public enum Use: String, Sendable, Hashable, CaseIterable {
        /// `POST /actions`.
        case action
        /// `POST /triggers`.
        case trigger
    }

    /// One datum.
    public struct Field: Sendable, Hashable {
        /// The field's name in `data`.
        public var name: String
        /// The declared type (`string`, `integer`, `boolean`, `array` …), nil when undeclared.
        public var type: TrackerValueType?
        /// Whether it must be given.
        public var isRequired: Bool

        /// The type as a person reads it.
        public var typeDescription: String { type?.rawValue ?? "any" }
    }

    /// The action type.
    public var type: TrackerActionType
    /// The fields of a directly created action, required first, each group by name.
    public var actionFields: [Field]
    /// The fields of a trigger's action, required first, each group by name.
    public var triggerFields: [Field]

    /// Creates a schema from a catalogue entry.
    /// - Parameter definition: The entry.
    public init(_ definition: TrackerActionDefinition) {
        type = definition.type
        actionFields = Self.fields(definition.createAction)
        triggerFields = Self.fields(definition.createTrigger)
    }

    private static func fields(_ requirements: TrackerActionDefinition.DataRequirements?) -> [Field] {
        guard let requirements else { return [] }
        let required = requirements.required.keys.sorted().map { name in
            Field(name: name, type: requirements.required[name]?.type, isRequired: true)
        }
        let optional = requirements.optional.keys.sorted().filter { requirements.required[$0] == nil }.map { name in
            Field(name: name, type: requirements.optional[name]?.type, isRequired: false)
        }
        return required + optional
    }

    /// The fields of one use.
    /// - Parameter use: Direct action or trigger.
    /// - Returns: The fields.
    public func fields(for use: Use) -> [Field] {
        use == .action ? actionFields : triggerFields
    }

    /// Every problem with `data` for one use: missing required fields, fields of the wrong type,
    /// unknown fields. Empty when the data is valid.
    /// - Parameters:
    ///   - data: The data to check.
    ///   - use: Direct action or trigger.
    /// - Returns: The problems, in field order, unknown fields last.
    public func problems(with data: [String: TrackerJSON], for use: Use) -> [ActionDataProblem] {
        let fields = fields(for: use)
        var problems: [ActionDataProblem] = []
        for field in fields {
            guard let value = data[field.name], !value.isNull, !Self.isBlank(value) else {
                if field.isRequired { problems.append(.missing(field)) }
                continue
            }
            if !Self.value(value, matches: field.type) {
                problems.append(.wrongType(field, found: Self.typeName(of: value)))
            }
        }
        let known = Set(fields.map(\.name))
        for name in data.keys.sorted() where !known.contains(name) {
            problems.append(.unknown(name))
        }
        return problems
    }

    /// Converts text values (from a command line) to the declared types: `"12"` for an integer
    /// field becomes `12`, `"true"` for a boolean `true`, `"a,b"` for an array `["a", "b"]`.
    /// Text that does not convert is kept as text, so ``problems(with:for:)`` reports it.
    /// - Parameters:
    ///   - text: The values as text, by field name.
    ///   - use: Direct action or trigger.
    /// - Returns: The typed data.
    public func data(fromText text: [String: String], for use: Use) -> [String: TrackerJSON] {
        var data: [String: TrackerJSON] = [:]
        let types = Dictionary(fields(for: use).map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        for (name, value) in text {
            switch types[name] ?? nil {
            case .some(.integer):
                data[name] = Int64(value.trimmingSpaces).map(TrackerJSON.integer) ?? .string(value)
            case .some(.boolean):
                switch value.trimmingSpaces.lowercased() {
                case "true", "yes", "1": data[name] = .bool(true)
                case "false", "no", "0": data[name] = .bool(false)
                default: data[name] = .string(value)
                }
            case .some(.array):
                let parts = value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                data[name] = .array(parts.map(TrackerJSON.string))
            case .some(let type) where ["decimal", "number", "float"].contains(type.rawValue):
                data[name] = Double(value.trimmingSpaces).map(TrackerJSON.double) ?? .string(value)
            default:
                data[name] = .string(value)
            }
        }
        return data
    }

    private static func isBlank(_ value: TrackerJSON) -> Bool {
        if case .string(let text) = value { return text.trimmingSpaces.isEmpty }
        return false
    }

    private static func value(_ value: TrackerJSON, matches type: TrackerValueType?) -> Bool {
        guard let type else { return true }
        switch (type.rawValue, value) {
        case ("string", .string): return true
        case ("integer", .integer): return true
        case ("integer", .double(let number)): return number.rounded() == number
        case ("boolean", .bool): return true
        case ("array", .array): return true
        case ("decimal", .integer), ("decimal", .double), ("number", .integer), ("number", .double),
            ("float", .integer), ("float", .double):
            return true
        case ("object", .object): return true
        case ("string", _), ("integer", _), ("boolean", _), ("array", _), ("decimal", _), ("number", _), ("float", _),
            ("object", _):
            return false
        default:
            // A type this version does not know: accept any value rather than refuse valid data.
            return true
        }
    }

    static func typeName(of value: TrackerJSON) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One thing wrong with an action's data.
public enum ActionDataProblem: Sendable, Hashable, CustomStringConvertible {
    /// A required field is missing or empty.
    case missing(TrackerActionSchema.Field)
    /// A field has another type than the catalogue declares.
    case wrongType(TrackerActionSchema.Field, found: String)
    /// A field the catalogue does not list.
    case unknown(String)

    /// The problem for a person, e.g. `missing 'tag_text' (string)`.
    public var description: String {
        switch self {
        case .missing(let field): "missing '\(field.name)' (\(field.typeDescription))"
        case .wrongType(let field, let found): "'\(field.name)' must be \(field.typeDescription), not \(found)"
        case .unknown(let name): "'\(name)' is not a field of this action"
        }
    }
}
