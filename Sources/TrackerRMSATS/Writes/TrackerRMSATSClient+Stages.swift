public import ATSCore
import Foundation
import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// Moves a placement to a status: the stage (a status id or name) is resolved from the account's
    /// settings first — an unknown one is refused before anything is sent, listing the statuses that
    /// exist — then `updateRecord X` sets `opportunityresourcestatusid` and the placement is read back.
    /// - Parameter request: The application, the stage, the precondition (the wait is always
    ///   satisfied by the read-back: Tracker RMS applies moves at once).
    /// - Returns: What the move did (``ATSCore/ATSWriteState/unchanged`` when already there).
    /// - Throws: ``ATSCore/ATSError``: `invalidInput` for an unknown stage, `conflict` when the
    ///   precondition fails (nothing sent), `notFound`, `outcomeUnknown` when the answer was lost and
    ///   the read-back could not tell.
    public func moveToStage(_ request: StageMoveRequest) async throws -> StageMoveResult {
        let target = try await status(named: request.stage.rawValue, operation: .moveToStage)
        return try await RMSErrors.mapping(.moveToStage) {
            let metadata = try await metadata.current()
            let current = try await placement(request.application, operation: .moveToStage)
            let previous = metadata.stage(of: current)
            if let expected = request.onlyFromStage {
                let expectedStatus = metadata.placementStatus(matching: expected.rawValue)
                let matches =
                    previous.map { $0.id.rawValue == expectedStatus?.id.rawValue || $0.name == expected.rawValue }
                    ?? false
                guard matches else {
                    throw ATSError(
                        code: .conflict, operation: ATSOperation.moveToStage.rawValue, provider: .trackerRMS,
                        message: "Application \(request.application) is in \"\(previous?.name ?? "no stage")\", not "
                            + "\"\(expectedStatus?.name ?? expected.rawValue)\"; nothing was sent.",
                        suggestion: "Someone may have moved it meanwhile; read it again before moving it.")
                }
            }
            let stage = Stage(id: StageID(target.id.rawValue), name: target.name)
            if Self.isIn(current, target) {
                return StageMoveResult(
                    application: request.application, previousStage: previous, stage: stage, state: .unchanged)
            }
            try await move(current.id, to: target, operation: .moveToStage)
            return StageMoveResult(
                application: request.application, previousStage: previous, stage: stage, state: .verified)
        }
    }

    /// Sets a placement's status and confirms it by reading back. A lost answer is settled by the
    /// read-back: the update is harmless to repeat, so the wire library repeats it; if it still
    /// cannot tell, `outcomeUnknown` is thrown.
    func move(_ placementID: RMSRecordID, to status: RMSStatus, operation: ATSOperation) async throws {
        do {
            try await rms.movePlacement(placementID, to: status)
        } catch let error as TrackerRMSError where error.code == .outcomeUnknown || error.code == .transportFailure {
            // Look before saying anything: the move may have landed.
            if let placement = try? await rms.record(RMSPlacement.self, id: placementID), Self.isIn(placement, status) {
                return
            }
            throw ATSError(
                code: .outcomeUnknown, operation: operation.rawValue, provider: .trackerRMS,
                message: "The move of placement \(placementID) to \"\(status.name)\" was sent, but its answer was "
                    + "lost and the placement could not be read back.",
                suggestion: "Read the application again before repeating the move.", underlying: error)
        }
    }

    /// Whether a placement is in a status (by id when it has one, else by name).
    static func isIn(_ placement: RMSPlacement, _ status: RMSStatus) -> Bool {
        if let id = placement.statusID { return id == status.id }
        return placement.statusName?.lowercased() == status.name.lowercased()
    }

    /// The placement status a stage names, reading the settings again once if it is not known yet.
    func status(named stage: String, operation: ATSOperation) async throws -> RMSStatus {
        var metadata = try await metadata.current()
        if let status = metadata.placementStatus(matching: stage) { return status }
        metadata = try await self.metadata.refreshed()
        if let status = metadata.placementStatus(matching: stage) { return status }
        throw RMSErrors.invalidInput(
            "Tracker RMS has no placement status \"\(stage)\". Known statuses: \(metadata.statusList).",
            operation: operation,
            suggestion: metadata.placementStatuses.isEmpty
                ? "This account's statuses could not be read"
                    + (metadata.settingsFailure.map { " (\($0))" } ?? "")
                    + "; configure them as known stages (--known-stage NAME=ID)."
                : "Use one of the names or ids above.")
    }
}
