import ATSCore
import TrackerAPI

/// What a write can change that the metadata cache holds, so the cache is told after each write.
///
/// | write | cache effect |
/// |---|---|
/// | stage move, rejection, `set_app_status` action | the new status is observed |
/// | application created | its status is observed |
/// | trigger created or deleted | the workflow part is dropped |
/// | `set_job_status` action | the job categories part is dropped (the job list changed) |
/// | custom-field values | none (values are not cached); an unknown field reloads the schemas |
/// | notes, files | none (not cached) |
enum WriteEffect {
    case status(String)
    case triggers
    case jobs
}

extension TrackerATSClient {
    /// Tells the metadata cache what a write changed.
    func apply(_ effect: WriteEffect) async {
        switch effect {
        case .status(let status): await metadata.observe(statuses: [status])
        case .triggers: await metadata.invalidate(.workflow)
        case .jobs: await metadata.invalidate(.jobCategories)
        }
    }

    /// An error for input refused before anything was sent.
    func inputError(_ operation: ATSOperation, _ message: String, suggestion: String? = nil) -> ATSError {
        ATSError(
            code: .invalidInput, operation: operation.rawValue, provider: .tracker, message: message,
            suggestion: suggestion)
    }

    /// The status name for a stage id, checked against the known statuses (configured ones and
    /// every one seen in data).
    /// - Throws: ``ATSError`` with ``ATSError/Code/invalidInput`` listing the known statuses.
    func knownStatus(_ stage: StageID, operation: ATSOperation) async throws -> String {
        let known = await metadata.applicationStatuses()
        let wanted = stage.rawValue.trimmingSpaces
        if let exact = known.first(where: { $0 == wanted }) { return exact }
        // Tracker's statuses are names people type; accept a difference of case only.
        if let folded = known.first(where: { $0.lowercased() == wanted.lowercased() }) { return folded }
        let list = known.isEmpty ? "none are configured or seen yet" : known.map { "'\($0)'" }.joined(separator: ", ")
        throw inputError(
            operation, "Tracker does not know the stage '\(stage)'. Known stages: \(list).",
            suggestion: "Tracker cannot list its statuses: add the account's status names to "
                + "TrackerATSClient.Configuration.knownStatuses (CLI: --known-stage NAME).")
    }

    /// Sends an action that was checked already, translating failures.
    func sendAction(
        _ type: TrackerActionType,
        _ data: [String: TrackerJSON],
        operation: ATSOperation,
        subject: String
    ) async throws -> TrackerAction {
        try await translating(operation, subject: subject) {
            try await api.actions.create(TrackerActionCreateRequest(type: type, data: data), logger: logger)
        }
    }

    /// Sends a typed action request.
    func sendAction(_ request: TrackerActionCreateRequest, operation: ATSOperation, subject: String) async throws
        -> TrackerAction
    {
        try await translating(operation, subject: subject) {
            try await api.actions.create(request, logger: logger)
        }
    }

    /// The `app_id` value of an application id: an integer when it is one, else its text.
    static func applicationIDValue(_ id: ApplicationID) -> TrackerJSON {
        TrackerApplicationID(rawValue: id.rawValue).jsonValue
    }
}
