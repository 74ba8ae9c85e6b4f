public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// Rejects an application: moves it to ``WriteSettings/rejectionStatus`` with `set_app_status`
    /// (and archives it with `mark_as_archived` when asked).
    ///
    /// Tracker has no rejection reasons, so a reason can only be kept as a plain-text note on the
    /// application, added once the rejection is accepted when ``RejectionOptions/recordsReasonAsNote``
    /// is set; ``RejectionResult/reason`` says what became of it. An application already rejected
    /// (and archived, when asked) is left alone: nothing is sent and no note added.
    /// - Parameters:
    ///   - application: The application.
    ///   - options: Reason, note, archiving and wait.
    /// - Returns: What the rejection did.
    /// - Throws: ``ATSError`` as ``moveToStage(_:)`` does.
    public func reject(_ application: ApplicationID, options: RejectionOptions = RejectionOptions()) async throws
        -> RejectionResult
    {
        let operation = ATSOperation.rejectApplication
        let status = try rejectionStatus(operation)
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
        var actions: [TrackerAction] = []
        let appID = Self.applicationIDValue(application)
        if needsStatus {
            actions.append(
                try await sendAction(
                    .setAppStatus, ["app_id": appID, "status": .string(status)], operation: operation, subject: subject)
            )
            await apply(.status(status))
        }
        if needsArchive {
            actions.append(
                try await sendAction(.markAsArchived, ["app_id": appID], operation: operation, subject: subject))
        }
        let reason = await recordReason(options, on: application)
        let state = try await awaitWrite(
            actions.map(\.id), application: application, wait: options.wait, operation: operation
        ) { read in
            if !Self.sameStatus(read.status?.rawValue, status) {
                return "it shows stage '\(read.status?.rawValue ?? "none")', not '\(status)'"
            }
            return options.archives && read.isArchived != true ? "it is not archived" : nil
        }
        return RejectionResult(
            application: application, outcome: .rejected, stage: Stage(named: status), isArchived: options.archives,
            reason: reason, state: state, references: actions.map(\.id.rawValue))
    }

    /// The configured rejection status, which must not be empty.
    func rejectionStatus(_ operation: ATSOperation) throws -> String {
        let status = configuration.writes.rejectionStatus.trimmingSpaces
        guard !status.isEmpty else {
            throw inputError(
                operation, "No rejection status is configured.",
                suggestion: "Set TrackerATSClient.Configuration.writes.rejectionStatus to the account's status "
                    + "that means rejected (Tracker's default is \"Not Selected\").")
        }
        return status
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
            return .notRecorded("The rejection was sent, but adding the reason as a note failed: \(error)")
        }
    }
}
