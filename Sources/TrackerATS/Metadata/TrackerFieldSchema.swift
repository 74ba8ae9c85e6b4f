public import ATSCore
public import TrackerAPI

/// One kind of record's custom-field schema, ready to type values with.
public struct TrackerFieldSchema: Sendable {
    /// The kind of record.
    public let owner: CustomFieldOwner
    /// The entries as Tracker sent them, in its order.
    public let entries: [TrackerCustomFieldDefinition]
    /// The neutral definitions, in Tracker's order.
    public let definitions: [CustomFieldDefinition]
    private let byName: [String: CustomFieldDefinition]

    /// Creates a schema from Tracker's entries.
    /// - Parameters:
    ///   - owner: The kind of record.
    ///   - entries: The schema entries.
    public init(owner: CustomFieldOwner, entries: [TrackerCustomFieldDefinition]) {
        self.owner = owner
        self.entries = entries
        self.definitions = entries.map { TrackerFieldMappings.definition($0, owner: owner) }
        self.byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The same schema for another kind of record (Tracker's candidates use the application schema).
    /// - Parameter owner: The kind of record.
    /// - Returns: The schema with every definition's owner changed.
    public func owned(by owner: CustomFieldOwner) -> TrackerFieldSchema {
        TrackerFieldSchema(owner: owner, entries: entries)
    }

    /// The definition of a field, if the schema lists it.
    /// - Parameter name: The field's key.
    /// - Returns: The definition.
    public func definition(named name: String) -> CustomFieldDefinition? { byName[name] }

    /// Whether the schema lists every one of these keys.
    /// - Parameter keys: Field keys seen on a record.
    /// - Returns: True when none is unknown.
    public func covers<Keys: Sequence<String>>(_ keys: Keys) -> Bool {
        keys.allSatisfy { byName[$0] != nil }
    }

    /// A record's values typed by the schema; keys the schema does not list are typed by their JSON.
    /// - Parameter fields: The record's `custom_fields`.
    /// - Returns: Typed values by key.
    public func typedValues(_ fields: [String: TrackerJSON]) -> [String: CustomFieldValue] {
        var values: [String: CustomFieldValue] = [:]
        values.reserveCapacity(fields.count)
        for (name, json) in fields {
            values[name] =
                byName[name].map { CustomFieldTyping.value(json, as: $0.type) }
                ?? CustomFieldTyping.guess(json)
        }
        return values
    }

    /// A record's fields as entries: every defined field in schema order (null when unset), then
    /// the fields the schema does not list, by name.
    /// - Parameter values: The record's typed values.
    /// - Returns: The entries.
    public func entries(for values: [String: CustomFieldValue]) -> [CustomFieldEntry] {
        var result = definitions.map { definition in
            CustomFieldEntry(name: definition.name, definition: definition, value: values[definition.name] ?? .null)
        }
        for name in values.keys.sorted() where byName[name] == nil {
            result.append(CustomFieldEntry(name: name, definition: nil, value: values[name] ?? .null))
        }
        return result
    }
}
