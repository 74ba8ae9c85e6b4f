/// One custom field of one record: its definition from the schema and its value, typed by it.
public struct CustomFieldEntry: Hashable, Sendable {
    /// The field's key.
    public var name: String
    /// The schema's definition, or nil when the record holds a field the schema does not list.
    public var definition: CustomFieldDefinition?
    /// The value, converted to the definition's type when it can be (``CustomFieldValue/null`` when
    /// the record has no value for a defined field).
    public var value: CustomFieldValue

    /// Creates an entry.
    /// - Parameters:
    ///   - name: The field's key.
    ///   - definition: The schema's definition, if any.
    ///   - value: The typed value.
    public init(name: String, definition: CustomFieldDefinition?, value: CustomFieldValue) {
        self.name = name
        self.definition = definition
        self.value = value
    }
}
