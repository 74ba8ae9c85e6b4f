public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// Rejects an application: moves it to the rejection status (see ``resolvedRejectionStatus(for:)``)
    /// with `set_app_status`, and archives it with `mark_as_archived` when asked.
    ///
    /// Tracker has no rejection reasons, so a reason can only be kept as a plain-text note on the
    /// application. The note is written only once the rejection has been accepted as far as
    /// `RejectionOptions.wait` asks (run by Tracker, and read back, by default), so a rejection
    /// that fails leaves no note behind; `RejectionResult.reason` says what became of it. An
    /// application already in the rejection status (and archived, when asked) is left alone:
    /// nothing is sent and no note added.
    /// - Parameters:
    ///   - application: The application.
    ///   - options: Reason, note, archiving and wait.
    /// - Returns: What the rejection did.
    /// - Throws: `ATSError` as ``moveToStage(_:)`` does; a failure after something was sent says in
    ///   its message which actions were sent and that no note was written.
    public func reject(_ application: ApplicationID, options: RejectionOptions = RejectionOptions()) async throws
        -> RejectionResult
    {
        let operation = ATSOperation.rejectApplication
        let status = try await resolvedRejectionStatus(for: operation)
        let subject = "application \(application)"
        let wire = try await fetchApplication(application, operation: operation, subject: subject)
        if let current = wire.status { await apply(.status(current.rawValue)) }
        let needsStatus = !Self.sameStatus(wire.status?.rawValue, status)
        let needsArchive = options.archives && wire.isArchived != true
        guard needsStatus || needsArchive else {
            return RejectionResult(
                application: application, outcome: .alreadyRejected, stage: Stage(named: status),
                isArchived: options.archives,
                reason: options.reason == nil
                    ? .notGiven : .notRecorded("The application was already rejected, so nothing was sent."),
                state: .unchanged)
        }
        var progress = RejectionProgress(application: application, status: status, reason: options.reason)
        let appID = Self.applicationIDValue(application)
        do {
            if needsStatus {
                let action = try await sendAction(
                    .setAppStatus, ["app_id": appID, "status": .string(status)], operation: operation, subject: subject)
                progress.sent.append("set_app_status action \(action.id) (status '\(status)')")
                progress.actions.append(action.id)
                await apply(.status(status))
            }
            if needsArchive {
                let action = try await sendAction(
                    .markAsArchived, ["app_id": appID], operation: operation, subject: subject)
                progress.sent.append("mark_as_archived action \(action.id)")
                progress.actions.append(action.id)
            }
        } catch {
            throw progress.explaining(error)
        }
        let state: ATSWriteState
        do {
            state = try await awaitWrite(
                progress.actions, application: application, wait: options.wait, operation: operation
            ) { read in
                if !Self.sameStatus(read.status?.rawValue, status) {
                    return "it shows stage '\(read.status?.rawValue ?? "none")', not '\(status)'"
                }
                return options.archives && read.isArchived != true ? "it is not archived" : nil
            }
        } catch {
            throw progress.explaining(error)
        }
        let reason = await recordReason(options, on: application)
        return RejectionResult(
            application: application, outcome: .rejected, stage: Stage(named: status), isArchived: options.archives,
            reason: reason, state: state, references: progress.actions.map(\.rawValue))
    }

    /// Adds the reason as a note when asked; never throws, the result says what happened.
    func recordReason(_ options: RejectionOptions, on application: ApplicationID) async -> RejectionReasonRecord {
        guard let reason = options.reason?.trimmingSpaces, !reason.isEmpty else { return .notGiven }
        guard options.recordsReasonAsNote else {
            return .notRecorded("Tracker has no rejection reasons, and no note was asked for.")
        }
        do {
            let note = try await addNote(NoteDraft("Rejection reason: " + reason), toApplication: application)
            return .note(note.id)
        } catch {
            return .notRecorded("The application was rejected, but adding the reason as a note failed: \(error)")
        }
    }

    /// The rejection status, or the error explaining why there is none.
    /// - Throws: `ATSError` as ``resolvedRejectionStatus(for:)`` does.
    func rejectionStatus(_ operation: ATSOperation) async throws -> String {
        try await resolvedRejectionStatus(for: operation)
    }
}

/// What a rejection has sent so far, so that a failure part-way says exactly what was and was not done.
private struct RejectionProgress {
    let application: ApplicationID
    let status: String
    let reason: String?
    var sent: [String] = []
    var actions: [TrackerActionID] = []

    /// `error`, with what was done and what was not added to its message.
    func explaining(_ error: any Error) -> any Error {
        guard var failure = error as? ATSError else { return error }
        let done =
            sent.isEmpty
            ? "Nothing was sent to Tracker."
            : "Sent: " + sent.joined(separator: " and ") + "."
        let hasReason = !(reason?.trimmingSpaces.isEmpty ?? true)
        let notDone = hasReason ? " The reason note was not written." : ""
        let ending = failure.message.hasSuffix(".") ? " " : ". "
        failure.message += ending + done + notDone
        // The action's own advice ("send the action again") is not what to do about a rejection.
        if !sent.isEmpty {
            failure.suggestion =
                "Read application \(application) to see its status now; rejecting it again is safe (an application "
                + "already in '\(status)' is left alone)."
        }
        return failure
    }
}
