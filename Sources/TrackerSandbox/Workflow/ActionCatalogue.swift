/// The workflow action types the sandbox knows, their data, and the events each can follow.
/// `GET /workflow/actions` is rendered from this table, and `POST /actions` and `POST /triggers`
/// are validated against it, so the catalogue and the behaviour cannot drift apart.
enum ActionCatalogue {
    /// The JSON type a data field must have.
    enum FieldKind: String, Sendable {
        case string
        case integer
        case boolean
        case array
    }

    struct Field: Sendable {
        let name: String
        let kind: FieldKind
    }

    struct Spec: Sendable {
        let type: String
        /// Data a trigger must carry (the event supplies the application).
        let triggerRequired: [Field]
        /// Data a directly created action must carry.
        let actionRequired: [Field]
        /// Data an action or trigger may carry.
        let optional: [Field]
        /// The events a trigger of this action may follow.
        let events: [String]
    }

    private static func fields(_ pairs: KeyValuePairs<String, FieldKind>) -> [Field] {
        pairs.map { Field(name: $0.key, kind: $0.value) }
    }

    static let specs: [Spec] = [
        Spec(
            type: "tag_app", triggerRequired: fields(["tag_text": .string]),
            actionRequired: fields(["app_id": .integer, "tag_text": .string]), optional: [],
            events: EventCatalogue.names
        ),
        Spec(
            type: "set_app_status", triggerRequired: fields(["status": .string]),
            actionRequired: fields(["app_id": .integer, "status": .string]), optional: [],
            events: EventCatalogue.names
        ),
        Spec(
            type: "mark_as_hired", triggerRequired: [], actionRequired: fields(["app_id": .integer]),
            optional: fields(["hire_date": .string, "start_date": .string]),
            events: [EventCatalogue.appStatusUpdated, EventCatalogue.offerLetterSigned]
        ),
        Spec(
            type: "un_mark_as_hired", triggerRequired: [], actionRequired: fields(["app_id": .integer]),
            optional: fields(["manager_id": .integer]), events: [EventCatalogue.appStatusUpdated]
        ),
        Spec(
            type: "send_app_to_integration", triggerRequired: fields(["partner": .string]),
            actionRequired: fields(["app_id": .integer, "partner": .string]),
            optional: fields(["admin_user_id": .integer]), events: [EventCatalogue.applicantMarkedAsHired]
        ),
        Spec(
            type: "mark_as_archived", triggerRequired: [], actionRequired: fields(["app_id": .integer]),
            optional: [], events: EventCatalogue.names
        ),
        Spec(
            type: "send_email_template", triggerRequired: fields(["template_name": .string]),
            actionRequired: fields(["app_id": .integer, "template_name": .string]), optional: [],
            events: EventCatalogue.names
        ),
        Spec(
            type: "send_tbnt_email", triggerRequired: fields(["delay": .integer]),
            actionRequired: fields(["app_id": .integer, "delay": .integer]), optional: [],
            events: ["app_status_updated", "applicant_new"]
        ),
        Spec(
            type: "create_interview",
            triggerRequired: interviewFields,
            actionRequired: fields(["app_id": .integer]) + interviewFields,
            optional: fields(["additional_attendee_emails": .array]),
            events: ["app_status_updated", "applicant_new"]
        ),
        Spec(
            type: "add_note", triggerRequired: fields(["note_text": .string]),
            actionRequired: fields(["app_id": .integer, "note_text": .string]), optional: [],
            events: EventCatalogue.names
        ),
        Spec(
            type: "set_job_status", triggerRequired: fields(["status": .string]),
            actionRequired: fields(["job_id": .integer, "status": .string]), optional: [],
            events: ["app_status_updated", "applicant_marked_as_hired", "offer_letter_signed"]
        ),
        Spec(
            type: "post_dashboard_notification", triggerRequired: fields(["message": .string]),
            actionRequired: fields(["message": .string]), optional: fields(["app_id": .integer]),
            events: EventCatalogue.names
        ),
    ]

    private static let interviewFields = fields([
        "email": .string, "duration": .integer, "location": .string, "minimum_notice": .integer,
        "available_days_length": .integer, "add_conferencing": .boolean,
    ])

    /// The spec of an action type, given in snake case (`tag_app`) or CamelCase (`TagApp`).
    static func spec(_ type: String) -> Spec? {
        specs.first { $0.type == type || camelCase($0.type) == type }
    }

    /// `tag_app` → `TagApp`, the way action records show their type.
    static func camelCase(_ type: String) -> String {
        type.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Checks `data` against required and optional fields.
    /// - Throws: `422` naming the first missing or mistyped field.
    static func validate(_ data: SandboxJSON, required: [Field], optional: [Field], type: String)
        throws(SandboxHTTPError)
    {
        guard data.objectMembers != nil else {
            throw .unprocessable("data must be an object with the fields of action type \(type)")
        }
        for field in required {
            guard let value = data[field.name], value != .null else {
                throw .unprocessable(
                    "missing required field '\(field.name)' (\(field.kind.rawValue)) in data for \(type)")
            }
            try check(value, field, type)
        }
        for field in optional {
            if let value = data[field.name], value != .null { try check(value, field, type) }
        }
    }

    private static func check(_ value: SandboxJSON, _ field: Field, _ type: String) throws(SandboxHTTPError) {
        let valid: Bool
        switch field.kind {
        case .string: valid = !(value.stringValue?.trimmingSpaces().isEmpty ?? true)
        case .integer: valid = value.intValue != nil
        case .boolean: valid = value.boolValue != nil
        case .array: valid = value.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false
        }
        guard valid else {
            let expected =
                field.kind == .string
                ? "a non-empty string" : field.kind == .array ? "an array of strings" : "a \(field.kind.rawValue)"
            throw .unprocessable("field '\(field.name)' in data for \(type) must be \(expected), not \(value.typeName)")
        }
    }

    /// Writes the `GET /workflow/actions` payload in the shape of the vendor's example: an array of
    /// one-key objects, each with `create_trigger` and `create_action`, each with `required_data`
    /// and, where there are optional fields, an `optional_data` sibling.
    static func writeCatalogue(to writer: inout JSONWriter) {
        func writeFields(_ fields: [Field]) {
            writer.beginObject()
            for field in fields {
                writer.key(field.name)
                writer.beginObject()
                writer.key("type")
                writer.string(field.kind.rawValue)
                writer.endObject()
            }
            writer.endObject()
        }
        writer.beginArray()
        for spec in specs {
            writer.beginObject()
            writer.key(spec.type)
            writer.beginObject()
            for (key, required) in [("create_trigger", spec.triggerRequired), ("create_action", spec.actionRequired)] {
                writer.key(key)
                writer.beginObject()
                writer.key("required_data")
                writeFields(required)
                if !spec.optional.isEmpty {
                    writer.key("optional_data")
                    writeFields(spec.optional)
                }
                writer.endObject()
            }
            writer.endObject()
            writer.endObject()
        }
        writer.endArray()
    }
}
