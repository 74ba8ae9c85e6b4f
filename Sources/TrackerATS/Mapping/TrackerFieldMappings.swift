public import ATSCore
public import TrackerAPI

/// Tracker's custom-field types onto ATSKit's neutral `CustomFieldType`.
///
/// Tracker has four value types (`string`, `integer`, `decimal`, `boolean`, default `string`).
/// A `string` becomes a select when the schema lists `whitelist_values` (or its UI input is
/// `select`), and a long text when its UI input is a `text_area`. Any other type name keeps its
/// raw name as `CustomFieldType.unknown(_:)`, so a type Tracker adds tomorrow is never lost.
/// The table lives here, not in ATSCore, so that another provider brings its own.
public enum TrackerFieldMappings {
    /// The value types whose meaning does not depend on the UI input type.
    public static let valueTypes: [String: CustomFieldType] = [
        "integer": .integer,
        "decimal": .decimal,
        "boolean": .boolean,
    ]

    /// The neutral type of a Tracker schema entry.
    /// - Parameter definition: The entry.
    /// - Returns: The neutral type.
    public static func type(of definition: TrackerCustomFieldDefinition) -> CustomFieldType {
        let raw = definition.fieldType?.rawValue.lowercased() ?? "string"
        if let type = valueTypes[raw] { return type }
        // "select" is not a documented field type, but some accounts' exports spell selects that way.
        guard raw == "string" || raw == "select" else { return .unknown(definition.fieldType?.rawValue ?? raw) }
        let options = definition.allowedValues ?? []
        if !options.isEmpty || definition.inputType == .select || raw == "select" {
            return .singleSelect(options: options)
        }
        return definition.inputType == .textArea ? .longText : .text
    }

    /// A Tracker schema entry as a neutral definition.
    /// - Parameters:
    ///   - definition: The entry.
    ///   - owner: The kind of record it belongs to.
    /// - Returns: The neutral definition, its default value typed like its values.
    public static func definition(
        _ definition: TrackerCustomFieldDefinition,
        owner: CustomFieldOwner
    ) -> CustomFieldDefinition {
        let type = type(of: definition)
        return CustomFieldDefinition(
            name: definition.fieldName,
            displayName: definition.displayName,
            type: type,
            owner: owner,
            isRequired: definition.isRequired ?? false,
            isReadOnly: definition.isReadOnlyInUI ?? false,
            defaultValue: definition.defaultValue.map { CustomFieldTyping.value($0, as: type) }
        )
    }
}
