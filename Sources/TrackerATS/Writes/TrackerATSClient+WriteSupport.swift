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

    /// The account's spelling of a stage name: one of the known statuses (configured, seen in
    /// data, or learned from the account's applications when the name is not known yet), matched
    /// exactly or ignoring case.
    /// - Throws: `ATSError` with `ATSError.Code.invalidInput` naming the closest known statuses
    ///   ("did you mean") and listing the others; nothing has been sent.
    func knownStatus(_ stage: StageID, operation: ATSOperation) async throws -> String {
        if let known = StatusNames.match(stage.rawValue, in: await metadata.applicationStatuses()) { return known }
        let learned = try await learnStatuses(operation)
        if let known = StatusNames.match(stage.rawValue, in: learned) { return known }
        let list = learned.isEmpty ? "none are configured or seen" : learned.map { "'\($0)'" }.joined(separator: ", ")
        let hint = StatusNames.didYouMean(StatusNames.suggestions(for: stage.rawValue, in: learned))
        throw inputError(
            operation,
            "Tracker does not know the stage '\(stage)'; nothing was sent. \(hint.map { $0 + " " } ?? "")"
                + "Known stages: \(list).",
            suggestion: "Stages are learned from the statuses the account's applications are in; a status no "
                + "application is in yet must be named: add it to TrackerATSClient.Configuration.knownStatuses "
                + "(command line: --known-stage NAME, or known_stages in a profile).")
    }

    /// Every status known, after reading the account's applications for theirs (once per cache
    /// time to live).
    func learnStatuses(_ operation: ATSOperation) async throws -> [String] {
        try await translating(operation, subject: "the account's application statuses") {
            try await metadata.learnedApplicationStatuses()
        }
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
