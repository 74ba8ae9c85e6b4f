public import ATSCore
import Foundation
import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// The custom-field definitions of one kind of record, typed by the account's settings.
    /// - Parameter owner: Applications (placement fields), candidates (resource fields) or jobs.
    /// - Returns: The definitions, in the settings' order.
    /// - Throws: ``ATSCore/ATSError``.
    public func customFieldDefinitions(for owner: CustomFieldOwner) async throws -> [CustomFieldDefinition] {
        RMSCustomFieldTyping(metadata: try await metadata.current()).definitions(for: owner).map(\.0)
    }

    /// A placement's custom fields.
    /// - Parameter application: The placement id.
    /// - Returns: Every defined field, then undefined ones.
    /// - Throws: ``ATSCore/ATSError``.
    public func customFields(ofApplication application: ApplicationID) async throws -> [CustomFieldEntry] {
        try await RMSErrors.mapping(.applicationCustomFields) {
            let placement = try await placement(application, operation: .applicationCustomFields)
            return RMSRecordMapping(metadata: try await metadata.current())
                .customFieldEntries(placement.record.customFields, owner: .application)
        }
    }

    /// A resource's custom fields.
    /// - Parameter candidate: The resource id.
    /// - Returns: Every defined field, then undefined ones.
    /// - Throws: ``ATSCore/ATSError``.
    public func customFields(ofCandidate candidate: CandidateID) async throws -> [CustomFieldEntry] {
        try await RMSErrors.mapping(.candidateCustomFields) {
            let resource = try await resource(candidate, operation: .candidateCustomFields)
            return RMSRecordMapping(metadata: try await metadata.current())
                .customFieldEntries(resource.customFields, owner: .candidate)
        }
    }

    /// An opportunity's custom fields.
    /// - Parameter job: The opportunity id.
    /// - Returns: Every defined field, then undefined ones.
    /// - Throws: ``ATSCore/ATSError``.
    public func customFields(ofJob job: JobID) async throws -> [CustomFieldEntry] {
        try await RMSErrors.mapping(.jobCustomFields) {
            guard let opportunity = try await rms.record(RMSOpportunity.self, id: RMSRecordID(rawValue: job.rawValue))
            else { throw RMSErrors.notFound("opportunity (job)", id: job.rawValue, operation: .jobCustomFields) }
            return RMSRecordMapping(metadata: try await metadata.current())
                .customFieldEntries(opportunity.customFields, owner: .job)
        }
    }

    /// Sets a placement's custom fields, checked against the schema first.
    /// - Parameters:
    ///   - values: Values by field name; `.null` clears.
    ///   - application: The placement id.
    /// - Returns: The fields after the change.
    /// - Throws: ``ATSCore/ATSError`` (`invalidInput` naming the field and what it accepts).
    public func setCustomFields(_ values: [String: CustomFieldValue], ofApplication application: ApplicationID)
        async throws -> [CustomFieldEntry]
    {
        let fields = try await customFieldWrites(values, owner: .application, operation: .setApplicationCustomFields)
        try await RMSErrors.mapping(.setApplicationCustomFields) {
            let placement = try await placement(application, operation: .setApplicationCustomFields)
            try await rms.updateRecord(.placement, id: placement.id, updates: [], customFields: fields)
        }
        return try await customFields(ofApplication: application)
    }

    /// Sets a resource's custom fields, checked against the schema first.
    /// - Parameters:
    ///   - values: Values by field name.
    ///   - candidate: The resource id.
    /// - Returns: The fields after the change.
    /// - Throws: ``ATSCore/ATSError``.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofCandidate candidate: CandidateID)
        async throws -> [CustomFieldEntry]
    {
        let fields = try await customFieldWrites(values, owner: .candidate, operation: .setCandidateCustomFields)
        try await RMSErrors.mapping(.setCandidateCustomFields) {
            let resource = try await resource(candidate, operation: .setCandidateCustomFields)
            try await rms.updateRecord(.resource, id: resource.id, updates: [], customFields: fields)
        }
        return try await customFields(ofCandidate: candidate)
    }

    /// Sets an opportunity's custom fields, checked against the schema first.
    /// - Parameters:
    ///   - values: Values by field name.
    ///   - job: The opportunity id.
    /// - Returns: The fields after the change.
    /// - Throws: ``ATSCore/ATSError``.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofJob job: JobID) async throws
        -> [CustomFieldEntry]
    {
        let fields = try await customFieldWrites(values, owner: .job, operation: .setJobCustomFields)
        try await RMSErrors.mapping(.setJobCustomFields) {
            guard let opportunity = try await rms.record(RMSOpportunity.self, id: RMSRecordID(rawValue: job.rawValue))
            else { throw RMSErrors.notFound("opportunity (job)", id: job.rawValue, operation: .setJobCustomFields) }
            try await rms.updateRecord(.opportunity, id: opportunity.id, updates: [], customFields: fields)
        }
        return try await customFields(ofJob: job)
    }

    /// Placement custom fields for a new application, checked before anything is sent.
    func placementCustomFields(_ values: [String: CustomFieldValue], operation: ATSOperation) async throws
        -> [RMSCustomFieldValue]
    {
        guard !values.isEmpty else { return [] }
        return try await customFieldWrites(values, owner: .application, operation: operation)
    }

    /// The wire values for `values`, each checked against its definition; an unknown field or a
    /// value its type refuses is `invalidInput` before anything is sent.
    private func customFieldWrites(
        _ values: [String: CustomFieldValue], owner: CustomFieldOwner, operation: ATSOperation
    ) async throws -> [RMSCustomFieldValue] {
        let metadata = try await metadata.current()
        let typing = RMSCustomFieldTyping(metadata: metadata)
        let definitions = typing.definitions(for: owner)
        if definitions.isEmpty, let failure = metadata.settingsFailure {
            throw RMSErrors.invalidInput(
                "Tracker RMS's custom field definitions could not be read (\(failure)), so no \(owner.rawValue) "
                    + "field can be written.", operation: operation,
                suggestion: "Try again later; nothing was sent.")
        }
        var writes: [RMSCustomFieldValue] = []
        var problems: [String] = []
        for name in values.keys.sorted() {
            guard let value = values[name] else { continue }
            guard
                let (definition, wire) = definitions.first(where: {
                    $0.0.name == name || $0.0.name.lowercased() == name.lowercased() || $0.1.id.rawValue == name
                })
            else {
                let known = definitions.map { "\"\($0.0.name)\"" }.joined(separator: ", ")
                problems.append(
                    "\"\(name)\" is not \(owner == .application ? "an" : "a") \(owner.rawValue) field (known: "
                        + "\(known.isEmpty ? "none" : known))")
                continue
            }
            switch typing.wireText(value, for: definition) {
            case .value(let text): writes.append(RMSCustomFieldValue(id: wire.id, name: definition.name, value: text))
            case .refused(let accepts):
                problems.append("\"\(definition.name)\" takes \(accepts), not \"\(value.text)\"")
            }
        }
        guard problems.isEmpty else {
            throw RMSErrors.invalidInput(
                "Custom fields refused before sending: " + problems.joined(separator: "; ") + ".", operation: operation)
        }
        return writes
    }
}
