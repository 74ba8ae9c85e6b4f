public import ATSCore
import Foundation
public import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// Rejects an application: moves the placement to the rejection status (configured by name or id,
    /// else the first status of the account's `Unsuccessful` or `Rejected` group). One already in it
    /// is reported as already rejected and nothing is sent. The reason, which Tracker RMS cannot
    /// store, is kept as a note when asked (only once the rejection took effect).
    /// - Parameters:
    ///   - application: The application.
    ///   - options: Reason, note and wait; `archives` is refused (placements cannot be archived).
    /// - Returns: What the rejection did.
    /// - Throws: ``ATSCore/ATSError``: `invalidInput` when the rejection status cannot be settled
    ///   (the message names the statuses that exist) or archiving is asked; nothing is sent then.
    public func reject(_ application: ApplicationID, options: RejectionOptions) async throws -> RejectionResult {
        let target = try await rejectionStatus(.rejectApplication)
        try Self.refuseArchiving(options, operation: .rejectApplication)
        let stage = Stage(id: StageID(target.id.rawValue), name: target.name)
        return try await RMSErrors.mapping(.rejectApplication) {
            let current = try await placement(application, operation: .rejectApplication)
            if Self.isIn(current, target) {
                return RejectionResult(
                    application: application, outcome: .alreadyRejected, stage: stage, isArchived: false,
                    reason: .notGiven, state: .unchanged)
            }
            try await move(current.id, to: target, operation: .rejectApplication)
            let reason = await reasonNote(options, on: current)
            return RejectionResult(
                application: application, outcome: .rejected, stage: stage, isArchived: false, reason: reason,
                state: .verified)
        }
    }

    /// The status that means "rejected" for this client.
    /// - Parameter operation: The operation asking, for errors.
    /// - Returns: The status.
    /// - Throws: ``ATSCore/ATSError`` with `invalidInput` naming the statuses that exist when the
    ///   configured one is missing, or when none is configured and the account has no rejection group.
    public func rejectionStatus(_ operation: ATSOperation = .rejectApplication) async throws -> RMSStatus {
        var metadata = try await metadata.current()
        if let configured = settings.rejectionStatus {
            if let status = metadata.placementStatus(matching: configured) { return status }
            metadata = try await self.metadata.refreshed()
            if let status = metadata.placementStatus(matching: configured) { return status }
            throw RMSErrors.invalidInput(
                "The configured rejection status \"\(configured)\" is not one of this Tracker RMS account's placement "
                    + "statuses: \(metadata.statusList).", operation: operation,
                suggestion: "Configure one of them as the rejection status (by name or id); nothing was sent.")
        }
        let groups = RMSSettings.rejectionGroups
        for group in groups {
            if let status = metadata.placementStatuses.first(where: { $0.group?.lowercased() == group.lowercased() }) {
                return status
            }
        }
        if let failure = metadata.settingsFailure, metadata.statusSource != .account {
            throw RMSErrors.invalidInput(
                "This Tracker RMS account's placement statuses could not be read (\(failure)), so there is no "
                    + "status in the \(groups.joined(separator: " or ")) group to reject with.", operation: operation,
                suggestion: "Configure the rejection status by name or id together with that status as a known stage "
                    + "(NAME=ID); nothing was sent.")
        }
        throw RMSErrors.invalidInput(
            "This Tracker RMS account has no placement status in the \(groups.joined(separator: " or ")) group to "
                + "reject with. Its statuses: \(metadata.statusList).", operation: operation,
            suggestion: "Configure the rejection status by name or id; nothing was sent.")
    }

    static func refuseArchiving(_ options: RejectionOptions, operation: ATSOperation) throws {
        guard options.archives else { return }
        throw RMSErrors.invalidInput(
            "Tracker RMS placements cannot be archived; nothing was sent.", operation: operation,
            suggestion: "Reject without archiving.")
    }

    /// Writes the reason note after a rejection took effect; a failure is recorded, not thrown.
    func reasonNote(_ options: RejectionOptions, on placement: RMSPlacement) async -> RejectionReasonRecord {
        let reason = options.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !reason.isEmpty else { return .notGiven }
        guard options.recordsReasonAsNote else {
            return .notRecorded("Tracker RMS has no rejection reasons and no note was asked for.")
        }
        do {
            let note = try await writeNote("Rejection reason: " + reason, on: placement)
            return .note(note.id)
        } catch {
            return .notRecorded("Rejected, but the reason note could not be added: \(error)")
        }
    }
}
