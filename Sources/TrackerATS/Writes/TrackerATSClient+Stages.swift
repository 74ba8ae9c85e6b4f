public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// Moves an application to another status with Tracker's documented `set_app_status` action.
    ///
    /// Why an action and not `PUT /applications/{id}`: the update endpoint is not documented to
    /// change the status (the sandbox, modelling that, refuses it), while `set_app_status` is the
    /// vendor's documented way, and it fires the same `app_status_updated` event a recruiter's
    /// move does, so the account's triggers run. Its price is that it runs asynchronously: the
    /// call can wait for it to run and read the application back (`StageMoveRequest.wait`).
    ///
    /// The application is read first: when `StageMoveRequest.onlyFromStage` is given and the
    /// application is elsewhere, nothing is sent (`ATSError.Code.conflict`); when it is already
    /// in the target stage, nothing is sent either (`ATSWriteState.unchanged`), so no trigger
    /// fires twice. Tracker has no conditional update, so a recruiter moving the application
    /// between that read and the action's execution is not prevented, but the read-back of a
    /// verified move reports it.
    /// - Parameter request: The application, the stage, the precondition and the wait.
    /// - Returns: What the move did.
    /// - Throws: `ATSError`: `ATSError.Code.invalidInput` for an unknown stage (listing the known
    ///   ones), `ATSError.Code.conflict`, `ATSError.Code.providerError` when the action failed,
    ///   `ATSError.Code.timedOut`, `ATSError.Code.outcomeUnknown` when the answer was lost.
    public func moveToStage(_ request: StageMoveRequest) async throws -> StageMoveResult {
        let operation = ATSOperation.moveToStage
        let target = try await knownStatus(request.stage, operation: operation)
        let subject = "application \(request.application)"
        let wire = try await fetchApplication(request.application, operation: operation, subject: subject)
        let current = wire.status?.rawValue
        if let current { await apply(.status(current)) }
        let previous = current.map { Stage(named: $0) }
        if let expected = request.onlyFromStage, !Self.sameStatus(current, expected.rawValue) {
            throw ATSError(
                code: .conflict, operation: operation.rawValue, provider: .tracker,
                message: "Application \(request.application) is in stage '\(current ?? "none")', not '\(expected)' as "
                    + "required; nothing was sent.",
                suggestion: "Someone may have moved it: read it again and decide before moving it.")
        }
        guard !Self.sameStatus(current, target) else {
            return StageMoveResult(
                application: request.application, previousStage: previous, stage: Stage(named: target),
                state: .unchanged)
        }
        let action = try await sendAction(
            .setAppStatus, ["app_id": Self.applicationIDValue(request.application), "status": .string(target)],
            operation: operation, subject: subject)
        await apply(.status(target))
        let state = try await awaitWrite(
            [action.id], application: request.application, wait: request.wait, operation: operation
        ) { snapshot in
            Self.sameStatus(snapshot.status?.rawValue, target)
                ? nil : "it shows stage '\(snapshot.status?.rawValue ?? "none")', not '\(target)'"
        }
        return StageMoveResult(
            application: request.application, previousStage: previous, stage: Stage(named: target), state: state,
            reference: action.id.rawValue)
    }

    /// Waits for actions as `wait` asks, then reads the application back when it asks to verify.
    /// - Parameter check: What is wrong with the read-back, or nil when it shows the change.
    func awaitWrite(
        _ actions: [TrackerActionID],
        application: ApplicationID,
        wait: ATSWaitPolicy,
        operation: ATSOperation,
        check: (TrackerApplication) -> String?
    ) async throws -> ATSWriteState {
        guard wait.level != .accepted, !actions.isEmpty else { return .accepted }
        for result in try await waitForActions(actions, timeout: wait.timeout) {
            _ = try Self.executedAction(result, timeout: wait.timeout, operation: operation)
        }
        guard wait.level == .verified else { return .executed }
        let wire = try await fetchApplication(application, operation: operation, subject: "application \(application)")
        if let status = wire.status { await apply(.status(status.rawValue)) }
        if let problem = check(wire) {
            throw ATSError(
                code: .conflict, operation: operation.rawValue, provider: .tracker,
                message: "Tracker ran the change to application \(application), but reading it back \(problem).",
                suggestion: "Someone may have changed it since: read it again before retrying.")
        }
        return .verified
    }

    /// Whether two status names are the same (surrounding spaces ignored).
    static func sameStatus(_ left: String?, _ right: String) -> Bool {
        left?.trimmingSpaces == right.trimmingSpaces
    }
}
