public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// The custom-field schema of one kind of record, mapped with ``TrackerFieldMappings``.
    /// Candidates use the application schema (Tracker has no candidate fields).
    /// - Parameter owner: Applications, candidates or jobs.
    /// - Returns: The definitions, in Tracker's order.
    /// - Throws: `ATSError`.
    public func customFieldDefinitions(for owner: CustomFieldOwner) async throws -> [CustomFieldDefinition] {
        let schemas = try await translating(operation(for: owner)) { try await metadata.customFieldSchemas() }
        // Listing the definitions is this call's whole job: a missing schema endpoint fails it.
        let endpoint = owner == .job ? "GET /jobs/custom_fields_schema" : "GET /applications/custom_fields_schema"
        if api.missingEndpoints.contains(endpoint) {
            throw Self.translate(
                TrackerAPIError(code: .endpointNotFound, endpoint: endpoint, status: 404),
                operation: operation(for: owner),
                subject: "listing the \(owner) custom fields")
        }
        return schemas.schema(for: owner).definitions
    }

    /// An application's custom fields, typed by the application schema.
    /// - Parameter application: The application's id.
    /// - Returns: Every defined field in schema order (null when unset), then undefined ones by name.
    /// - Throws: `ATSError`.
    public func customFields(ofApplication application: ApplicationID) async throws -> [CustomFieldEntry] {
        let wire = try await fetchApplication(
            application, operation: .applicationCustomFields, subject: "application \(application)")
        let typed = try await mapApplication(wire, operation: .applicationCustomFields)
        let schemas = try await translating(.applicationCustomFields) { try await metadata.customFieldSchemas() }
        return schemas.applications.entries(for: typed.customFields)
    }

    /// A candidate's custom fields: those of their latest application, typed by the application schema.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: Every defined field in schema order, then undefined ones by name.
    /// - Throws: `ATSError`.
    public func customFields(ofCandidate candidate: CandidateID) async throws -> [CustomFieldEntry] {
        let person = try await fetchCandidate(candidate, operation: .candidateCustomFields)
        let schemas = try await translating(.candidateCustomFields) { try await metadata.customFieldSchemas() }
        return schemas.schema(for: .candidate).entries(for: person.customFields)
    }

    /// A job's custom fields, typed by the job schema.
    /// - Parameter job: The job's id.
    /// - Returns: Every defined field in schema order, then undefined ones by name.
    /// - Throws: `ATSError`.
    public func customFields(ofJob job: JobID) async throws -> [CustomFieldEntry] {
        let record = try await fetchJob(job, operation: .jobCustomFields)
        let schemas = try await translating(.jobCustomFields) { try await metadata.customFieldSchemas() }
        return schemas.jobs.entries(for: record.customFields)
    }

    private func operation(for owner: CustomFieldOwner) -> ATSOperation {
        switch owner {
        case .application: .applicationCustomFields
        case .candidate: .candidateCustomFields
        case .job: .jobCustomFields
        }
    }
}
