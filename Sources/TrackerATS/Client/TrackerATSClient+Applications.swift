public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// One application, its custom fields typed and its candidate id derived.
    /// - Parameter id: The application's id.
    /// - Returns: The application.
    /// - Throws: `ATSError` (`ATSError.Code.notFound` when there is none).
    public func application(_ id: ApplicationID) async throws -> Application {
        let wire = try await fetchApplication(id, operation: .getApplication, subject: "application \(id)")
        return try await mapApplication(wire, operation: .getApplication)
    }

    func fetchApplication(_ id: ApplicationID, operation: ATSOperation, subject: String) async throws
        -> TrackerApplication
    {
        try await translating(operation, subject: subject) {
            try await api.applications.get(TrackerApplicationID(rawValue: id.rawValue), logger: logger)
        }
    }

    func mapApplication(_ wire: TrackerApplication, operation: ATSOperation) async throws -> Application {
        let schemas = try await translating(operation) {
            try await metadata.customFieldSchemas(covering: wire.customFields.keys, for: .application)
        }
        if let status = wire.status { await metadata.observe(statuses: [status.rawValue]) }
        return TrackerRecordMapping.application(wire, schema: schemas.applications, identity: identity)
    }
}

extension ATSOperation {
    /// Read one application (not a row of the coverage matrix: every provider can).
    static let getApplication = ATSOperation("application", group: .applications, title: "Get application")
}
