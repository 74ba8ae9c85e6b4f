/// `GET`/`PUT` `/jobs/custom_fields_schema` and `/applications/custom_fields_schema`.
extension SandboxAPI {
    /// Which schema a request is about.
    enum SchemaOwner {
        case jobs
        case applications

        var path: WritableKeyPath<SandboxState, CustomFieldSchemaState> {
            switch self {
            case .jobs: return \.jobSchema
            case .applications: return \.applicationSchema
            }
        }
    }

    /// The schema as a bare array of entries. [model: the response shape]
    func getSchema(_ owner: SchemaOwner) -> SandboxReply {
        let fields = store.read { $0[keyPath: owner.path].fields }
        return Self.schemaReply(fields)
    }

    /// Replaces the schema from `{"update_existing_data": bool, "custom_fields_schema": [entry…]}`
    /// and answers with the new schema.
    func putSchema(_ owner: SchemaOwner, _ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let body = try call.jsonObject(allowing: ["update_existing_data", "custom_fields_schema"])
        let updateExisting: Bool
        switch body["update_existing_data"] {
        case nil, .null?: updateExisting = false
        case .bool(let flag)?: updateExisting = flag
        case let other?: throw .unprocessable("update_existing_data must be a boolean, not \(other.typeName)")
        }
        guard let entries = body["custom_fields_schema"]?.arrayValue else {
            throw .unprocessable("custom_fields_schema must be an array of field definitions")
        }
        var fields: [SandboxCustomField] = []
        for (index, entry) in entries.enumerated() {
            let field = try Self.parseField(entry, at: index)
            guard !fields.contains(where: { $0.fieldName == field.fieldName }) else {
                throw .unprocessable("field_name '\(field.fieldName)' appears twice in custom_fields_schema")
            }
            fields.append(field)
        }
        try store.mutate { (state: inout SandboxState) throws(SandboxHTTPError) in
            state[keyPath: owner.path].replace(with: fields, updateExistingData: updateExisting)
        }
        return Self.schemaReply(fields)
    }

    private static func schemaReply(_ fields: [SandboxCustomField]) -> SandboxReply {
        .json { writer in
            writer.beginArray()
            for field in fields { WorkflowEncoding.write(field, to: &writer) }
            writer.endArray()
        }
    }

    private static let inputTypes: Set<String> = ["text_field", "text_area", "select"]
    private static let entryKeys: Set<String> = [
        "field_name", "display_name", "field_type", "default_value", "required", "whitelist_values",
        "blacklist_values", "ui_priority", "ui_readonly", "ui_input_type", "ui_hints", "ui_render_targets",
    ]
    private static let renderTargets: Set<String> = ["view", "edit", "mark_as_hired"]

    private static func parseField(_ entry: SandboxJSON, at index: Int) throws(SandboxHTTPError) -> SandboxCustomField {
        let at = "custom_fields_schema[\(index)]"
        guard let members = entry.objectMembers else { throw .unprocessable("\(at) must be an object") }
        for member in members where !entryKeys.contains(member.key) {
            throw .unprocessable("unknown key '\(member.key)' in \(at)")
        }
        func text(_ key: String) throws(SandboxHTTPError) -> String? {
            guard let value = entry[key], value != .null else { return nil }
            guard let string = value.stringValue else { throw .unprocessable("\(at).\(key) must be a string") }
            return string
        }
        func flag(_ key: String) throws(SandboxHTTPError) -> Bool? {
            guard let value = entry[key], value != .null else { return nil }
            guard let bool = value.boolValue else { throw .unprocessable("\(at).\(key) must be a boolean") }
            return bool
        }
        func strings(_ key: String) throws(SandboxHTTPError) -> [String]? {
            guard let value = entry[key], value != .null else { return nil }
            guard let array = value.arrayValue else { throw .unprocessable("\(at).\(key) must be an array of strings") }
            var result: [String] = []
            for element in array {
                guard let string = element.stringValue else {
                    throw .unprocessable("\(at).\(key) must be an array of strings")
                }
                result.append(string)
            }
            return result
        }
        guard let name = try text("field_name"), !name.isEmpty else {
            throw .unprocessable("\(at).field_name is required")
        }
        // Field names become JSON keys and JSON-logic paths, so they are identifiers.
        let isIdentifier =
            name.count <= 64 && name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard isIdentifier else {
            throw .unprocessable(
                "\(at).field_name must be an identifier of at most 64 characters (letters, digits, _), not '\(name)'"
            )
        }
        guard let display = try text("display_name"), !display.trimmingSpaces().isEmpty else {
            throw .unprocessable("\(at).display_name is required")
        }
        let typeName = try text("field_type") ?? "string"
        guard let type = SandboxCustomField.FieldType(rawValue: typeName) else {
            throw .unprocessable("\(at).field_type must be string, integer, decimal or boolean, not '\(typeName)'")
        }
        var field = SandboxCustomField(fieldName: name, displayName: display, fieldType: type)
        field.defaultValue = entry["default_value"].flatMap { $0 == .null ? nil : $0 }
        if let fallback = field.defaultValue {
            let fits: Bool
            switch (type, fallback) {
            case (.string, .string), (.integer, .int), (.decimal, .int), (.decimal, .double), (.boolean, .bool):
                fits = true
            default: fits = false
            }
            guard fits else {
                throw .unprocessable("\(at).default_value must be a \(type.rawValue), not \(fallback.typeName)")
            }
        }
        field.required = try flag("required") ?? false
        field.whitelistValues = try strings("whitelist_values")
        field.blacklistValues = try strings("blacklist_values")
        if let priority = entry["ui_priority"], priority != .null {
            guard let number = priority.intValue else { throw .unprocessable("\(at).ui_priority must be an integer") }
            field.uiPriority = number
        }
        field.uiReadonly = try flag("ui_readonly")
        field.uiInputType = try text("ui_input_type")
        if let input = field.uiInputType, !inputTypes.contains(input) {
            throw .unprocessable("\(at).ui_input_type must be text_field, text_area or select, not '\(input)'")
        }
        field.uiHints = try text("ui_hints")
        field.uiRenderTargets = try strings("ui_render_targets")
        if let targets = field.uiRenderTargets, let bad = targets.first(where: { !renderTargets.contains($0) }) {
            throw .unprocessable("\(at).ui_render_targets may contain view, edit and mark_as_hired, not '\(bad)'")
        }
        return field
    }
}
