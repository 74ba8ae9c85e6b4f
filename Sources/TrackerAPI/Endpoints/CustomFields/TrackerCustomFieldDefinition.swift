/// One entry of a custom-field schema (jobs or applications).
///
/// ``raw`` keeps every key the server sent; ``jsonValue`` (the PUT body) holds only the keys of
/// the documented entry, because the server refuses members it does not know.
public struct TrackerCustomFieldDefinition: Sendable, Hashable {
    /// The field's value type.
    public struct FieldType: TrackerOpenEnum {
        /// The name.
        public let rawValue: String
        /// Creates a value.
        /// - Parameter rawValue: The name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Text (Tracker's default).
        public static let string = FieldType(rawValue: "string")
        /// A whole number.
        public static let integer = FieldType(rawValue: "integer")
        /// A decimal number.
        public static let decimal = FieldType(rawValue: "decimal")
        /// A boolean.
        public static let boolean = FieldType(rawValue: "boolean")
    }

    /// How the field is edited in Tracker's UI.
    public struct InputType: TrackerOpenEnum {
        /// The name.
        public let rawValue: String
        /// Creates a value.
        /// - Parameter rawValue: The name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A one-line text field.
        public static let textField = InputType(rawValue: "text_field")
        /// A multi-line text area.
        public static let textArea = InputType(rawValue: "text_area")
        /// A select box (pairs with ``TrackerCustomFieldDefinition/allowedValues``).
        public static let select = InputType(rawValue: "select")
    }

    /// Where Tracker's UI shows the field.
    public struct RenderTarget: TrackerOpenEnum {
        /// The name.
        public let rawValue: String
        /// Creates a value.
        /// - Parameter rawValue: The name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The record view.
        public static let view = RenderTarget(rawValue: "view")
        /// The edit form.
        public static let edit = RenderTarget(rawValue: "edit")
        /// The mark-as-hired dialog.
        public static let markAsHired = RenderTarget(rawValue: "mark_as_hired")
    }

    /// The key under which values are stored (`field_name`).
    public var fieldName: String
    /// The label people see (`display_name`).
    public var displayName: String
    /// The value type; Tracker defaults to `string`.
    public var fieldType: FieldType?
    /// The default value.
    public var defaultValue: TrackerJSON?
    /// Whether a value is required.
    public var isRequired: Bool?
    /// The allowed values (`whitelist_values`); a non-empty list makes the field a select.
    public var allowedValues: [String]?
    /// Values that are refused (`blacklist_values`).
    public var refusedValues: [String]?
    /// The display order.
    public var uiPriority: Int?
    /// Whether the UI shows the field read-only.
    public var isReadOnlyInUI: Bool?
    /// How the UI edits the field.
    public var inputType: InputType?
    /// A hint shown in the UI.
    public var uiHints: TrackerJSON?
    /// Where the UI shows the field.
    public var renderTargets: [RenderTarget]?
    /// The entry as sent, including keys not modelled here.
    public var raw: [String: TrackerJSON]

    /// Creates a schema entry.
    /// - Parameters:
    ///   - fieldName: The storage key.
    ///   - displayName: The label.
    ///   - fieldType: The value type (default: the server's default, `string`).
    ///   - defaultValue: The default value.
    ///   - isRequired: Whether a value is required.
    ///   - allowedValues: The allowed values.
    ///   - refusedValues: Refused values.
    ///   - uiPriority: The display order.
    ///   - isReadOnlyInUI: Whether the UI shows it read-only.
    ///   - inputType: How the UI edits it.
    ///   - uiHints: A hint for the UI.
    ///   - renderTargets: Where the UI shows it.
    public init(
        fieldName: String,
        displayName: String,
        fieldType: FieldType? = nil,
        defaultValue: TrackerJSON? = nil,
        isRequired: Bool? = nil,
        allowedValues: [String]? = nil,
        refusedValues: [String]? = nil,
        uiPriority: Int? = nil,
        isReadOnlyInUI: Bool? = nil,
        inputType: InputType? = nil,
        uiHints: TrackerJSON? = nil,
        renderTargets: [RenderTarget]? = nil
    ) {
        self.fieldName = fieldName
        self.displayName = displayName
        self.fieldType = fieldType
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.allowedValues = allowedValues
        self.refusedValues = refusedValues
        self.uiPriority = uiPriority
        self.isReadOnlyInUI = isReadOnlyInUI
        self.inputType = inputType
        self.uiHints = uiHints
        self.renderTargets = renderTargets
        self.raw = [:]
    }

    /// The entry as the PUT body expects it.
    public var jsonValue: TrackerJSON {
        var object: [String: TrackerJSON] = [:]
        object["field_name"] = .string(fieldName)
        object["display_name"] = .string(displayName)
        func set(_ key: String, _ value: TrackerJSON?) {
            if let value { object[key] = value }
        }
        set("field_type", fieldType.map { .string($0.rawValue) })
        set("default_value", defaultValue)
        set("required", isRequired.map(TrackerJSON.bool))
        set("whitelist_values", allowedValues.map { .array($0.map(TrackerJSON.string)) })
        set("blacklist_values", refusedValues.map { .array($0.map(TrackerJSON.string)) })
        set("ui_priority", uiPriority.map { .integer(Int64($0)) })
        set("ui_readonly", isReadOnlyInUI.map(TrackerJSON.bool))
        set("ui_input_type", inputType.map { .string($0.rawValue) })
        set("ui_hints", uiHints)
        set("ui_render_targets", renderTargets.map { .array($0.map { .string($0.rawValue) }) })
        return .object(object)
    }
}

extension TrackerCustomFieldDefinition {
    init?(wire: WireObject) {
        guard let name = wire.string("field_name") else { return nil }
        self.init(
            fieldName: name,
            displayName: wire.string("display_name") ?? name,
            fieldType: wire.string("field_type").map(FieldType.init(rawValue:)),
            defaultValue: wire["default_value"],
            isRequired: wire.bool("required"),
            allowedValues: wire["whitelist_values"] == nil ? nil : wire.strings("whitelist_values"),
            refusedValues: wire["blacklist_values"] == nil ? nil : wire.strings("blacklist_values"),
            uiPriority: wire.int("ui_priority"),
            isReadOnlyInUI: wire.bool("ui_readonly"),
            inputType: wire.string("ui_input_type").map(InputType.init(rawValue:)),
            uiHints: wire["ui_hints"],
            renderTargets: wire["ui_render_targets"] == nil
                ? nil : wire.strings("ui_render_targets").map(RenderTarget.init(rawValue:))
        )
        self.raw = wire.fields
    }

    /// Reads a schema: a bare array of entries, or an object holding one under
    /// `custom_fields_schema` (the PUT body's shape). Entries without `field_name` are skipped.
    static func schema(from json: TrackerJSON, context: WireContext) throws -> [TrackerCustomFieldDefinition] {
        let entries: [TrackerJSON]
        switch json {
        case .array(let elements): entries = elements
        case .object(let object):
            guard let list = (object["custom_fields_schema"] ?? object["custom_fields"])?.arrayValue else {
                throw TrackerAPIError(
                    code: .malformedResponse,
                    endpoint: context.endpoint,
                    field: "custom_fields_schema",
                    underlying: "expected an array of schema entries"
                )
            }
            entries = list
        default:
            throw TrackerAPIError(
                code: .malformedResponse,
                endpoint: context.endpoint,
                field: "(root)",
                underlying: "expected an array of schema entries"
            )
        }
        return entries.compactMap {
            $0.objectValue.flatMap { TrackerCustomFieldDefinition(wire: WireObject(fields: $0)) }
        }
    }
}
