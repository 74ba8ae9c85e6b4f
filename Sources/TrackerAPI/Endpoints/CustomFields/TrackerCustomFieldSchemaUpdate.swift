import Logging

/// The body of a custom-field schema PUT.
public struct TrackerCustomFieldSchemaUpdate: Sendable, Hashable {
    /// Whether existing records' values are migrated to the new schema.
    public var updateExistingData: Bool
    /// The complete new schema.
    public var fields: [TrackerCustomFieldDefinition]

    /// Creates a schema update.
    /// - Parameters:
    ///   - fields: The complete new schema.
    ///   - updateExistingData: Whether existing values are migrated (default `false`).
    public init(fields: [TrackerCustomFieldDefinition], updateExistingData: Bool = false) {
        self.fields = fields
        self.updateExistingData = updateExistingData
    }

    var jsonValue: TrackerJSON {
        ["update_existing_data": .bool(updateExistingData), "custom_fields_schema": .array(fields.map(\.jsonValue))]
    }
}

extension TrackerAPI {
    func getSchema(_ path: String, logger: Logger?) async throws -> [TrackerCustomFieldDefinition] {
        let endpoint = TrackerEndpoint(.get, path)
        return try await perform(endpoint, logger: logger) { [self] response in
            let context = WireContext(endpoint: endpoint.label, timeZone: configuration.accountTimeZone)
            return try TrackerCustomFieldDefinition.schema(
                from: parseJSON(response, endpoint: endpoint.label), context: context)
        }
    }

    /// The PUT's answer is undocumented: a schema is read when there is one, otherwise the
    /// schema as sent is returned.
    func putSchema(_ path: String, _ update: TrackerCustomFieldSchemaUpdate, logger: Logger?) async throws
        -> [TrackerCustomFieldDefinition]
    {
        let endpoint = TrackerEndpoint(.put, path).with(json: update.jsonValue)
        let (_, body) = try await callJSON(endpoint, logger: logger)
        let context = WireContext(endpoint: endpoint.label, timeZone: configuration.accountTimeZone)
        guard let body, let schema = try? TrackerCustomFieldDefinition.schema(from: body, context: context) else {
            return update.fields
        }
        return schema
    }
}
