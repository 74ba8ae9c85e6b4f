public import ATSCore
import Foundation
import WorkableAPI

extension WorkableATSClient {
    /// Rejects an application: Workable's disqualification, recorded against the write member.
    ///
    /// A reason naming one of the account's reasons (its id, or its text ignoring case) is sent by
    /// id, and `withdrew` follows that reason; any other text is sent as the free-text reason. An
    /// application already disqualified is left alone. Disqualifying sets the record aside, so
    /// `archives` needs nothing more.
    /// - Parameters:
    ///   - application: The candidate record's id.
    ///   - options: Reason and wait (`recordsReasonAsNote` is not needed: Workable keeps the reason).
    /// - Returns: What the rejection did.
    /// - Throws: `ATSError`.
    public func reject(_ application: ApplicationID, options: RejectionOptions = RejectionOptions()) async throws
        -> RejectionResult
    {
        let operation = ATSOperation.rejectApplication
        let record = try await fullRecord(application, operation: operation)
        let stage =
            await resolvedStage(record.stage, job: record.jobShortcode, operation: operation)
            ?? Stage(named: "")
        if record.isDisqualified {
            return RejectionResult(
                application: application, outcome: .alreadyRejected, stage: stage, isArchived: true,
                reason: options.reason == nil
                    ? .notGiven : .notRecorded("The application was already disqualified, so nothing was sent."),
                state: .unchanged)
        }
        let reason = try await disqualificationReason(options.reason, operation: operation)
        let member = try await directory.member(operation: operation.rawValue)
        let id = WorkableCandidateID(application.rawValue)
        try await sendConfirmed(operation, subject: "application \(application)") {
            try await self.api.candidates.disqualify(id, by: member.id, reason: reason, logger: self.logger)
        } isDone: {
            try await self.fullRecord(application, operation: operation).isDisqualified
        }
        let state = try await confirm(options.wait, operation: operation, subject: "application \(application)") {
            try await self.fullRecord(application, operation: operation).isDisqualified
        }
        return RejectionResult(
            application: application, outcome: .rejected, stage: stage, isArchived: true,
            reason: reason == nil ? .notGiven : .providerReason, state: state, references: [member.summary])
    }

    /// Undoes a rejection (Workable's revert), recorded against the write member. A qualified
    /// application is left alone.
    /// - Parameters:
    ///   - application: The candidate record's id.
    ///   - wait: What to wait for.
    /// - Returns: `unchanged` when it was not disqualified, else how far the revert got.
    /// - Throws: `ATSError`.
    public func revertRejection(_ application: ApplicationID, wait: ATSWaitPolicy = .verified) async throws
        -> ATSWriteState
    {
        let operation = ATSOperation.rejectApplication
        guard try await fullRecord(application, operation: operation).isDisqualified else { return .unchanged }
        let member = try await directory.member(operation: "revertRejection")
        let id = WorkableCandidateID(application.rawValue)
        try await sendConfirmed(operation, subject: "application \(application)") {
            try await self.api.candidates.revert(id, by: member.id, logger: self.logger)
        } isDone: {
            try await !self.fullRecord(application, operation: operation).isDisqualified
        }
        return try await confirm(wait, operation: operation, subject: "application \(application)") {
            try await !self.fullRecord(application, operation: operation).isDisqualified
        }
    }

    /// A caller's reason as Workable's: one of the account's reasons by id or text, else free text.
    /// The account's list is read only when a reason is given.
    func disqualificationReason(_ text: String?, operation: ATSOperation) async throws
        -> WorkableAPI.Candidates.DisqualificationReason?
    {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        let reasons = (try? await directory.disqualificationReasons(operation: operation)) ?? []
        if let match = reasons.first(where: { $0.id.rawValue == text })
            ?? reasons.first(where: { $0.description.compare(text, options: [.caseInsensitive]) == .orderedSame })
        {
            return .id(match.id)
        }
        return .text(text)
    }
}
