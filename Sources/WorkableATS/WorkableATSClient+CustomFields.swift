public import ATSCore
import Foundation
import WorkableAPI

extension WorkableATSClient {
    /// The custom-field schema: the account's custom attributes, for applications and candidates
    /// (Workable keeps them on candidate records); jobs have none in v3.
    /// - Parameter owner: Applications, candidates or jobs.
    /// - Returns: The definitions; the name is the attribute's key, the display name its label.
    /// - Throws: `ATSError`.
    public func customFieldDefinitions(for owner: CustomFieldOwner) async throws -> [CustomFieldDefinition] {
        guard owner != .job else { return [] }
        return try await directory.customAttributes(operation: .customFieldDefinitions)
            .filter(\.isEnabled)
            .map { definition($0, owner: owner) }
    }

    /// An application's custom attributes, typed: every defined one (`null` when unset), then any
    /// the record carries that the account no longer defines.
    /// - Parameter application: The candidate record's id.
    /// - Returns: The entries.
    /// - Throws: `ATSError`.
    public func customFields(ofApplication application: ApplicationID) async throws -> [CustomFieldEntry] {
        let operation = ATSOperation.applicationCustomFields
        let attributes = try await directory.customAttributes(operation: operation)
        let record = try await fullRecord(application, operation: operation)
        return entries(of: record, attributes: attributes, owner: .application)
    }

    /// A candidate's custom attributes: those of their latest record.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The entries.
    /// - Throws: `ATSError`.
    public func customFields(ofCandidate candidate: CandidateID) async throws -> [CustomFieldEntry] {
        let latest = try await latestApplication(of: candidate)
        let attributes = try await directory.customAttributes(operation: .candidateCustomFields)
        let record = try await fullRecord(latest, operation: .candidateCustomFields)
        return entries(of: record, attributes: attributes, owner: .candidate)
    }

    /// Sets custom attributes of an application, checked against the account's definitions before
    /// anything is sent; one `update_custom_attribute_value` request per attribute.
    /// - Parameters:
    ///   - values: The values by attribute key (or label); a dropdown takes an option's text.
    ///   - application: The candidate record's id.
    /// - Returns: The application's attributes after the change.
    /// - Throws: `ATSError` (`invalidInput` naming the field and what it accepts).
    public func setCustomFields(_ values: [String: CustomFieldValue], ofApplication application: ApplicationID)
        async throws -> [CustomFieldEntry]
    {
        let operation = ATSOperation.setApplicationCustomFields
        let writes = try await customAttributeWrites(values, operation: operation)
        try await write(writes, to: WorkableCandidateID(application.rawValue), operation: operation)
        return try await customFields(ofApplication: application)
    }

    /// Sets custom attributes of a candidate's latest record.
    /// - Parameters:
    ///   - values: The values by attribute key (or label).
    ///   - candidate: The candidate's id.
    /// - Returns: The candidate's attributes after the change.
    /// - Throws: `ATSError`.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofCandidate candidate: CandidateID)
        async throws -> [CustomFieldEntry]
    {
        let latest = try await latestApplication(of: candidate)
        let writes = try await customAttributeWrites(values, operation: .setCandidateCustomFields)
        try await write(writes, to: WorkableCandidateID(latest.rawValue), operation: .setCandidateCustomFields)
        return try await customFields(ofCandidate: candidate)
    }

    /// The id of a candidate's latest record.
    func latestApplication(of candidate: CandidateID) async throws -> ApplicationID {
        guard let latest = try await self.candidate(candidate).applicationIDs.last else {
            throw ATSError(
                code: .notFound, operation: ATSOperation.candidate.rawValue, provider: .workable,
                message: "Candidate \(candidate) has no Workable record.")
        }
        return latest
    }

    /// Values checked against the definitions and put in the body member each type takes.
    func customAttributeWrites(_ values: [String: CustomFieldValue], operation: ATSOperation) async throws
        -> [(WorkableCustomAttributeKey, WorkableAPI.Candidates.CustomAttributeValue)]
    {
        guard !values.isEmpty else { return [] }
        let attributes = try await directory.customAttributes(operation: operation)
        func refuse(_ message: String) -> ATSError {
            ATSError(
                code: .invalidInput, operation: operation.rawValue, provider: .workable,
                message: message + " Nothing was sent.",
                suggestion: "Known attributes: "
                    + attributes.map { "\($0.key.rawValue) (\($0.label ?? ""), \($0.type ?? "?"))" }.joined(
                        separator: ", "))
        }
        var writes: [(WorkableCustomAttributeKey, WorkableAPI.Candidates.CustomAttributeValue)] = []
        for name in values.keys.sorted() {
            guard let value = values[name] else { continue }
            guard
                let attribute = attributes.first(where: { $0.key.rawValue == name })
                    ?? attributes.first(where: {
                        $0.label?.compare(name, options: [.caseInsensitive]) == .orderedSame
                    })
            else { throw refuse("Workable has no custom attribute '\(name)'.") }
            let label = "'\(attribute.label ?? name)' (\(attribute.type ?? "unknown type"))"
            switch (attribute.type, value) {
            case (_, .null):
                throw refuse("Workable's API cannot clear \(label).")
            case ("boolean"?, .boolean(let flag)):
                writes.append((attribute.key, .checked(flag)))
            case ("numeric"?, .integer(let number)):
                writes.append((attribute.key, .number(Double(number))))
            case ("numeric"?, .decimal(let text)), ("numeric"?, .text(let text)):
                guard let number = Double(text) else { throw refuse("\(label) takes a number, not '\(text)'.") }
                writes.append((attribute.key, .number(number)))
            case ("date"?, .text(let text)):
                guard text.count == 10, text.split(separator: "-").count == 3 else {
                    throw refuse("\(label) takes a date as YYYY-MM-DD, not '\(text)'.")
                }
                writes.append((attribute.key, .date(text)))
            case ("dropdown"?, .text(let text)), ("multiple_choice"?, .text(let text)):
                let wanted = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                var ids: [String] = []
                for option in wanted {
                    guard
                        let choice = attribute.raw["choices"].array.first(where: {
                            $0["body"].string?.compare(option, options: [.caseInsensitive]) == .orderedSame
                                || $0["id"].string == option
                        }), let id = choice["id"].string
                    else {
                        throw refuse(
                            "\(label) has no option '\(option)'; it offers: \(attribute.choices.joined(separator: ", "))."
                        )
                    }
                    ids.append(id)
                }
                guard attribute.type == "multiple_choice" || ids.count == 1 else {
                    throw refuse("\(label) takes one option.")
                }
                writes.append((attribute.key, .choices(ids)))
            case ("short_text"?, _), ("free_text"?, _):
                writes.append((attribute.key, .text(value.text)))
            default:
                throw refuse("\(label) does not take the value '\(value.text)'.")
            }
        }
        return writes
    }

    /// Sends checked attribute values, one request each.
    func write(
        _ writes: [(WorkableCustomAttributeKey, WorkableAPI.Candidates.CustomAttributeValue)],
        to id: WorkableCandidateID,
        operation: ATSOperation
    ) async throws {
        for (key, value) in writes {
            try await WorkableErrors.translating(operation, subject: "custom attribute \(key.rawValue)") {
                try await api.candidates.setCustomAttribute(id, key: key, value: value, logger: logger)
            }
        }
    }

    private func definition(_ attribute: WorkableCustomAttribute, owner: CustomFieldOwner) -> CustomFieldDefinition {
        CustomFieldDefinition(
            name: attribute.key.rawValue, displayName: attribute.label ?? attribute.key.rawValue,
            type: WorkableMapping.customFieldType(attribute), owner: owner, isReadOnly: attribute.type == "file")
    }

    private func entries(of record: WorkableCandidate, attributes: [WorkableCustomAttribute], owner: CustomFieldOwner)
        -> [CustomFieldEntry]
    {
        var entries = attributes.filter(\.isEnabled).map { attribute in
            CustomFieldEntry(
                name: attribute.key.rawValue, definition: definition(attribute, owner: owner),
                value: record.customAttributes[attribute.key.rawValue].map {
                    WorkableMapping.customFieldValue($0, type: attribute.type)
                } ?? .null)
        }
        let defined = Set(entries.map(\.name))
        for key in record.customAttributes.keys.sorted() where !defined.contains(key) {
            if let value = record.customAttributes[key] {
                entries.append(
                    CustomFieldEntry(
                        name: key, definition: nil, value: WorkableMapping.customFieldValue(value, type: nil)))
            }
        }
        return entries
    }
}
