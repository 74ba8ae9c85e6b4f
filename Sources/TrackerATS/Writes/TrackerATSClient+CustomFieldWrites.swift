public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// Sets custom-field values of an application, checked against the application schema first
    /// (checked before anything is sent); `CustomFieldValue.null` clears a field. The schema is reloaded
    /// once when it does not know a field, so a field added in Tracker's UI a minute ago is found.
    /// Sent with `PUT /applications/{id}`, which is idempotent: a lost answer is retried safely.
    /// - Parameters:
    ///   - values: The values by field name.
    ///   - application: The application.
    /// - Returns: The application's fields after the change, typed by the schema.
    /// - Throws: `ATSError` (`ATSError.Code.invalidInput` naming each field and what it accepts).
    public func setCustomFields(_ values: [String: CustomFieldValue], ofApplication application: ApplicationID)
        async throws -> [CustomFieldEntry]
    {
        try await setFields(values, of: application, operation: .setApplicationCustomFields)
    }

    /// Sets custom-field values of a candidate: on their latest application, whose fields are the
    /// candidate's fields when read.
    /// - Parameters:
    ///   - values: The values by field name.
    ///   - candidate: The candidate.
    /// - Returns: The candidate's fields after the change.
    /// - Throws: `ATSError`.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofCandidate candidate: CandidateID)
        async throws -> [CustomFieldEntry]
    {
        let operation = ATSOperation.setCandidateCustomFields
        let person = try await fetchCandidate(candidate, operation: operation)
        guard let latest = person.applicationIDs.last else {
            throw ATSError(
                code: .notFound, operation: operation.rawValue, provider: .tracker,
                message: "Candidate \(candidate) has no application to hold custom fields.")
        }
        return try await setFields(values, of: latest, operation: operation)
    }

    /// Always throws: Tracker's API has no endpoint that edits a job.
    /// - Parameters:
    ///   - values: The values.
    ///   - job: The job.
    /// - Returns: Never.
    /// - Throws: `ATSError` with `ATSError.Code.notSupported`.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofJob job: JobID) async throws
        -> [CustomFieldEntry]
    {
        throw capabilities.unsupportedError(for: .setJobCustomFields)
            ?? .notSupported(.setJobCustomFields, provider: .tracker, reason: "Tracker cannot edit jobs.")
    }

    /// The values as wire JSON, checked against the application schema (reloaded once when it
    /// does not know a field).
    func checkedApplicationFields(
        _ values: [String: CustomFieldValue],
        operation: ATSOperation,
        requiresAll: Bool = false
    ) async throws -> [String: TrackerJSON] {
        var schemas = try await translating(operation) { try await metadata.customFieldSchemas() }
        if !schemas.applications.covers(values.keys) {
            await metadata.invalidate(.customFieldSchemas)
            schemas = try await translating(operation) { try await metadata.customFieldSchemas() }
        }
        return try CustomFieldValidator(schema: schemas.applications, operation: operation)
            .wireValues(values, requiresAll: requiresAll)
    }

    private func setFields(_ values: [String: CustomFieldValue], of application: ApplicationID, operation: ATSOperation)
        async throws -> [CustomFieldEntry]
    {
        guard !values.isEmpty else {
            throw inputError(operation, "No custom-field values were given; nothing was sent.")
        }
        let wire = try await checkedApplicationFields(values, operation: operation)
        let updated = try await translating(operation, subject: "application \(application)") {
            try await api.applications.update(
                TrackerApplicationID(rawValue: application.rawValue), TrackerApplicationUpdate(customFields: wire),
                logger: logger)
        }
        let typed = try await mapApplication(updated, operation: operation)
        let schemas = try await translating(operation) { try await metadata.customFieldSchemas() }
        return schemas.applications.entries(for: typed.customFields)
    }
}
