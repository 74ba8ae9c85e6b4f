/// A custom-field schema and how it applies to records that existed before it changed.
///
/// `PUT .../custom_fields_schema` with `update_existing_data: true` makes existing records match
/// the new schema (removed fields vanish, new fields show their `default_value`); with `false`
/// existing records keep the values of removed fields and new fields show `null` on them (not in Tracker's documentation).
struct CustomFieldSchemaState: Sendable {
    private(set) var fields: [SandboxCustomField]
    /// Removed fields whose stored values still show on records.
    private(set) var retainedFieldNames: [String] = []
    /// Fields whose `default_value` fills in records without a value.
    private(set) var backfilledFieldNames: Set<String> = []

    init(fields: [SandboxCustomField]) {
        self.fields = fields
    }

    /// Replaces the schema.
    mutating func replace(with newFields: [SandboxCustomField], updateExistingData: Bool) {
        let newNames = Set(newFields.map(\.fieldName))
        let oldNames = fields.map(\.fieldName) + retainedFieldNames
        if updateExistingData {
            retainedFieldNames = []
            backfilledFieldNames = newNames
        } else {
            var retained: [String] = []
            for name in oldNames where !newNames.contains(name) && !retained.contains(name) {
                retained.append(name)
            }
            retainedFieldNames = retained
            backfilledFieldNames = backfilledFieldNames.intersection(newNames)
        }
        fields = newFields
    }

    /// The field named `name`, if the schema has it.
    func field(named name: String) -> SandboxCustomField? {
        fields.first { $0.fieldName == name }
    }

    /// The `custom_fields` object of a record: schema fields in schema order (stored value,
    /// back-filled default, or `null`), then retained fields that have a value.
    func writeValues(_ values: [String: SandboxJSON], to writer: inout JSONWriter) {
        writer.beginObject()
        for field in fields {
            writer.key(field.fieldName)
            if let value = values[field.fieldName] {
                writer.value(value)
            } else if backfilledFieldNames.contains(field.fieldName), let fallback = field.defaultValue {
                writer.value(fallback)
            } else {
                writer.null()
            }
        }
        for name in retainedFieldNames {
            if let value = values[name] {
                writer.key(name)
                writer.value(value)
            }
        }
        writer.endObject()
    }

    /// The values a client-supplied `custom_fields` object sets, checked against the schema.
    /// - Throws: a message naming the first unknown field, wrong type or value outside the whitelist.
    func validate(_ input: SandboxJSON) throws(SandboxHTTPError) -> [String: SandboxJSON] {
        guard let members = input.objectMembers else {
            throw .unprocessable("custom_fields must be an object keyed by field name")
        }
        var result: [String: SandboxJSON] = [:]
        for member in members {
            guard let field = field(named: member.key) else {
                throw .unprocessable("unknown custom field '\(member.key)'")
            }
            let value = member.value
            if value == .null {
                result[member.key] = .null
                continue
            }
            let matches: Bool
            switch field.fieldType {
            case .string: matches = value.stringValue != nil
            case .integer: if case .int = value { matches = true } else { matches = false }
            case .decimal:
                switch value {
                case .int, .double: matches = true
                default: matches = false
                }
            case .boolean: matches = value.boolValue != nil
            }
            guard matches else {
                throw .unprocessable(
                    "custom field '\(member.key)' must be a \(field.fieldType.rawValue), not \(value.typeName)"
                )
            }
            if let allowed = field.whitelistValues, !allowed.isEmpty, let text = value.stringValue,
                !allowed.contains(text)
            {
                throw .unprocessable(
                    "custom field '\(member.key)' must be one of \(allowed.joined(separator: ", ")); got '\(text)'"
                )
            }
            if let blocked = field.blacklistValues, let text = value.stringValue, blocked.contains(text) {
                throw .unprocessable("custom field '\(member.key)' does not accept '\(text)'")
            }
            result[member.key] = value
        }
        return result
    }
}
