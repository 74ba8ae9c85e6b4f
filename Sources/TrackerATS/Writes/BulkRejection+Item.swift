import ATSCore
import Foundation
import TrackerAPI

/// Where one application of a bulk rejection stands.
struct BulkRejectionItemState: Sendable {
    enum Phase: Sendable {
        /// Its current state must be read before anything is decided.
        case check
        /// It must be sent (status and/or archive).
        case send
        /// Sent (in this run or an earlier one); waiting to see the effect.
        case confirming
        /// Final.
        case settled(BulkRejectionOutcome)
    }

    var phase: Phase = .check
    /// Whether a rejection may already have been sent (this run, or an earlier run's journal).
    var mayHaveBeenSent = false
    /// Whether the last send's answer was lost for some part.
    var isInDoubt = false
    /// When the last send happened, on the wait clock.
    var sentAt: Duration?
    var references: [String] = []
    var reasonNote: NoteID?
    var warning: String?
    var isFromJournal = false
    var sends = 0
    /// Rounds in which every action had run but the application did not show the change.
    var roundsWithoutEffect = 0
    /// Confirmation rounds since the last send in which the application did not show the change.
    var unchangedRounds = 0

    var outcome: BulkRejectionOutcome? {
        if case .settled(let outcome) = phase { return outcome }
        return nil
    }

    /// The state a journal entry leaves an application in.
    init(entry: BulkRejectionJournalEntry?, now: Duration, settle: Duration) {
        guard let entry else { return }
        references = entry.references
        reasonNote = entry.reasonNote.map(NoteID.init)
        switch entry.step {
        case .settled:
            if let outcome = entry.outcome, outcome.failure == nil {
                phase = .settled(outcome)
                isFromJournal = true
            }
        case .intent, .unknown, .accepted:
            mayHaveBeenSent = true
            isInDoubt = entry.step != .accepted
            // The wall clock says how long ago it was sent; it only ever shortens the settle wait.
            let elapsed = Duration.seconds(max(0, Date().timeIntervalSince(entry.recordedAt)))
            sentAt = now - min(elapsed, settle)
        }
    }

    init() {}
}

/// What sending one application's rejection gave.
struct BulkRejectionSendResult: Sendable {
    enum Answer: Sendable {
        /// Every part was accepted.
        case accepted
        /// Some part was sent and its answer lost.
        case inDoubt
        /// Refused before anything could take effect; the text says why.
        case refused(String)
    }

    let application: ApplicationID
    let answer: Answer
    let references: [String]
    let warning: String?
}

/// What an application needs to count as rejected.
struct BulkRejectionTarget: Sendable {
    let status: String
    let archives: Bool

    func isRejected(_ snapshot: ApplicationSnapshot) -> Bool {
        guard case .found(let status, let isArchived) = snapshot else { return false }
        return TrackerATSClient.sameStatus(status, self.status) && (!archives || isArchived)
    }

    /// The actions still needed, given the current state.
    func actions(for snapshot: ApplicationSnapshot, application: ApplicationID) -> [TrackerActionCreateRequest] {
        let appID = TrackerATSClient.applicationIDValue(application)
        var actions: [TrackerActionCreateRequest] = []
        if case .found(let current, let isArchived) = snapshot {
            if !TrackerATSClient.sameStatus(current, status) {
                actions.append(.init(type: .setAppStatus, data: ["app_id": appID, "status": .string(status)]))
            }
            if archives, !isArchived { actions.append(.init(type: .markAsArchived, data: ["app_id": appID])) }
        }
        return actions
    }
}
