/// The neutral type of a custom field, onto which each provider's field types are mapped.
public enum CustomFieldType: Hashable, Sendable, CustomStringConvertible {
    /// One line of text.
    case text
    /// Several lines of text.
    case longText
    /// A whole number.
    case integer
    /// A decimal number.
    case decimal
    /// True or false.
    case boolean
    /// One of a fixed list of values.
    case singleSelect(options: [String])
    /// A type this version of ATSKit does not know; the provider's name for it is kept.
    case unknown(String)

    /// A short name for tables and JSON: `text`, `long_text`, `integer`, `decimal`, `boolean`,
    /// `single_select`, or the provider's own name for an unknown type.
    public var name: String {
        switch self {
        case .text: "text"
        case .longText: "long_text"
        case .integer: "integer"
        case .decimal: "decimal"
        case .boolean: "boolean"
        case .singleSelect: "single_select"
        case .unknown(let raw): raw
        }
    }

    /// The short name.
    public var description: String { name }
}

/// The kind of record a custom field belongs to.
public enum CustomFieldOwner: String, Hashable, Codable, Sendable, CaseIterable {
    /// Fields on applications.
    case application
    /// Fields on candidates (for Tracker, the application fields of the person's latest application).
    case candidate
    /// Fields on jobs.
    case job
}

/// The definition of one custom field: its name, type and rules.
public struct CustomFieldDefinition: Hashable, Sendable {
    /// The field's stable key.
    public var name: String
    /// The label recruiters see.
    public var displayName: String
    /// The neutral type.
    public var type: CustomFieldType
    /// The kind of record it belongs to.
    public var owner: CustomFieldOwner
    /// Whether a value is required.
    public var isRequired: Bool
    /// Whether the field can only be read.
    public var isReadOnly: Bool
    /// The value used when none is given.
    public var defaultValue: CustomFieldValue?

    /// Creates a definition.
    public init(
        name: String,
        displayName: String,
        type: CustomFieldType,
        owner: CustomFieldOwner,
        isRequired: Bool = false,
        isReadOnly: Bool = false,
        defaultValue: CustomFieldValue? = nil
    ) {
        self.name = name
        self.displayName = displayName
        self.type = type
        self.owner = owner
        self.isRequired = isRequired
        self.isReadOnly = isReadOnly
        self.defaultValue = defaultValue
    }
}
