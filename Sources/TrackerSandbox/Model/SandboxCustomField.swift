/// One entry of a custom field schema (`/jobs/custom_fields_schema`,
/// `/applications/custom_fields_schema`).
public struct SandboxCustomField: Sendable, Hashable {
    /// The value type of a custom field.
    public enum FieldType: String, Sendable, CaseIterable, Hashable {
        /// Text.
        case string
        /// A whole number.
        case integer
        /// A decimal number.
        case decimal
        /// True or false.
        case boolean
    }

    /// The machine name, the key in records' `custom_fields`.
    public var fieldName: String
    /// The label shown in the UI.
    public var displayName: String
    /// The value type.
    public var fieldType: FieldType
    /// The value given to records that have none, when the schema is applied to existing data.
    public var defaultValue: SandboxJSON?
    /// Whether a value is required.
    public var required: Bool
    /// The allowed values; a non-empty list makes the field a select.
    public var whitelistValues: [String]?
    /// Values that are rejected.
    public var blacklistValues: [String]?
    /// Sort order in the UI.
    public var uiPriority: Int?
    /// Whether the UI shows the field read-only.
    public var uiReadonly: Bool?
    /// `text_field`, `text_area` or `select`.
    public var uiInputType: String?
    /// Help text.
    public var uiHints: String?
    /// Where the field is shown: `view`, `edit`, `mark_as_hired`.
    public var uiRenderTargets: [String]?

    /// Creates a schema entry.
    /// - Parameters:
    ///   - fieldName: the machine name.
    ///   - displayName: the label.
    ///   - fieldType: the value type.
    ///   - defaultValue: the default value.
    ///   - required: whether a value is required.
    ///   - whitelistValues: allowed values (a select).
    ///   - uiInputType: the input control.
    public init(
        fieldName: String,
        displayName: String,
        fieldType: FieldType = .string,
        defaultValue: SandboxJSON? = nil,
        required: Bool = false,
        whitelistValues: [String]? = nil,
        uiInputType: String? = nil
    ) {
        self.fieldName = fieldName
        self.displayName = displayName
        self.fieldType = fieldType
        self.defaultValue = defaultValue
        self.required = required
        self.whitelistValues = whitelistValues
        self.blacklistValues = nil
        self.uiPriority = nil
        self.uiReadonly = nil
        self.uiInputType = uiInputType
        self.uiHints = nil
        self.uiRenderTargets = nil
    }
}
