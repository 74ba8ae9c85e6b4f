public import ATSCore
public import Foundation
public import TrackerAPI

/// What marking an applicant as hired, or undoing it, did.
public struct HiringResult: Sendable, Hashable {
    /// The application.
    public var application: ApplicationID
    /// Whether the applicant is now marked as hired.
    public var isHired: Bool
    /// When the applicant was hired, as read back (verified writes only).
    public var hiredAt: Date?
    /// The start date, a calendar date such as `2026-12-01`: as read back for a verified write,
    /// else as sent.
    public var startDate: String?
    /// How far the write was followed.
    public var state: ATSWriteState
    /// The id of the Tracker action that made the change.
    public var reference: String?
}

extension TrackerATSClient {
    /// Marks an applicant as hired with Tracker's documented `mark_as_hired` action, which sets the
    /// application's `hired_at` and `start_date` and fires `applicant_marked_as_hired`.
    ///
    /// The action runs asynchronously: with `ATSWaitPolicy.Level.verified` (the default) the call
    /// waits for it and reads the application back, and fails unless it shows the applicant hired
    /// with the start date given.
    /// - Parameters:
    ///   - application: The application.
    ///   - hireDate: The hire date, `YYYY-MM-DD` (default: when the action runs).
    ///   - startDate: The start date, `YYYY-MM-DD`.
    ///   - wait: What to wait for.
    /// - Returns: What the write did.
    /// - Throws: `ATSError`: `ATSError.Code.invalidInput` for a date that is not `YYYY-MM-DD`
    ///   (nothing sent), `ATSError.Code.providerError` when the action failed,
    ///   `ATSError.Code.conflict` when the read-back disagrees, `ATSError.Code.timedOut`.
    public func markAsHired(
        _ application: ApplicationID,
        hireDate: String? = nil,
        startDate: String? = nil,
        wait: ATSWaitPolicy = .verified
    ) async throws -> HiringResult {
        let operation = ATSOperation.markAsHired
        for (name, value) in [("hire date", hireDate), ("start date", startDate)] {
            guard let value, !Self.isCalendarDate(value) else { continue }
            throw inputError(
                operation, "The \(name) '\(value)' is not a date; nothing was sent.",
                suggestion: "Give it as YYYY-MM-DD, e.g. 2026-12-01.")
        }
        let request = TrackerActionCreateRequest.markAsHired(
            TrackerApplicationID(rawValue: application.rawValue), hireDate: hireDate, startDate: startDate)
        let action = try await sendAction(request, operation: operation, subject: "application \(application)")
        var readBack: TrackerApplication?
        let state = try await awaitWrite([action.id], application: application, wait: wait, operation: operation) {
            wire in
            readBack = wire
            guard wire.hiredAt != nil else { return "it is not marked as hired" }
            if let startDate, wire.startDate != startDate {
                return "its start date is '\(wire.startDate ?? "none")', not '\(startDate)'"
            }
            return nil
        }
        return HiringResult(
            application: application, isHired: true, hiredAt: readBack?.hiredAt?.date,
            startDate: readBack?.startDate ?? startDate, state: state, reference: action.id.rawValue)
    }

    /// Undoes ``markAsHired(_:hireDate:startDate:wait:)`` with Tracker's `un_mark_as_hired` action,
    /// which clears `hired_at` and `start_date` and fires `applicant_unmarked_as_hired`.
    /// - Parameters:
    ///   - application: The application.
    ///   - managerID: The manager the account notifies, when it wants one.
    ///   - wait: What to wait for (default: verified by reading back).
    /// - Returns: What the write did.
    /// - Throws: `ATSError`: `ATSError.Code.providerError` when the action failed,
    ///   `ATSError.Code.conflict` when the read-back still shows a hire, `ATSError.Code.timedOut`.
    public func unmarkAsHired(
        _ application: ApplicationID,
        managerID: Int64? = nil,
        wait: ATSWaitPolicy = .verified
    ) async throws -> HiringResult {
        let operation = ATSOperation.markAsHired
        let request = TrackerActionCreateRequest.unMarkAsHired(
            TrackerApplicationID(rawValue: application.rawValue), managerID: managerID)
        let action = try await sendAction(request, operation: operation, subject: "application \(application)")
        let state = try await awaitWrite([action.id], application: application, wait: wait, operation: operation) {
            wire in
            wire.hiredAt == nil && wire.startDate == nil ? nil : "it is still marked as hired"
        }
        return HiringResult(
            application: application, isHired: false, hiredAt: nil, startDate: nil, state: state,
            reference: action.id.rawValue)
    }

    /// Sends a hired applicant to an integration partner with Tracker's `send_app_to_integration`
    /// action; Tracker runs it only for an applicant marked as hired.
    /// - Parameters:
    ///   - application: The application.
    ///   - partner: The integration partner.
    ///   - adminUserID: The admin user the integration acts as.
    ///   - wait: What to wait for (default: until the action has run).
    /// - Returns: The action as last read.
    /// - Throws: `ATSError`: `ATSError.Code.providerError` when the action failed (for example
    ///   because the applicant is not hired), `ATSError.Code.timedOut`.
    public func sendToIntegration(
        _ application: ApplicationID,
        partner: String,
        adminUserID: Int64? = nil,
        wait: ATSWaitPolicy = .executed
    ) async throws -> TrackerAction {
        let operation = ATSOperation.workflowActions
        let request = TrackerActionCreateRequest.sendAppToIntegration(
            TrackerApplicationID(rawValue: application.rawValue), partner: partner, adminUserID: adminUserID)
        let action = try await sendAction(request, operation: operation, subject: "application \(application)")
        guard wait.level != .accepted else { return action }
        return try await waitForAction(action.id, timeout: wait.timeout)
    }

    /// Whether text is a calendar date, `YYYY-MM-DD`, as the hiring actions take them.
    /// - Parameter text: The text.
    /// - Returns: Whether it is one.
    public static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
