public import ATSCore
import Foundation
import Synchronization
import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// Rejects many applications with bounded concurrency, through ATSCore's journaled bulk rejection:
    /// each application is read first (already rejected: reported, nothing sent; missing: not
    /// found), an `intent` is journaled before its move and `accepted` (or `unknown`) after, then the
    /// outcome. A run started again with the same journal skips what is settled and reads back what
    /// was in doubt before sending anything: a move already applied is reported as rejected, never
    /// sent twice. Moves are applied at once by Tracker RMS and confirmed by reading back.
    /// - Parameter request: The applications, options, concurrency, journal and progress.
    /// - Returns: One outcome per distinct application, in request order.
    /// - Throws: ``ATSCore/ATSError`` for a rejection status that cannot be settled or archiving asked
    ///   (nothing sent), a journal that cannot be read or written, `CancellationError`.
    public func bulkReject(_ request: BulkRejectionRequest) async throws -> BulkRejectionReport {
        let target = try await rejectionStatus(.bulkRejectApplications)
        try Self.refuseArchiving(request.options, operation: .bulkRejectApplications)
        var seen: Set<ApplicationID> = []
        let order = request.applications.filter { seen.insert($0).inserted }
        let latest = try await request.journal?.latestEntries() ?? [:]
        let progress = BulkProgress(total: order.count, callback: request.progress)
        var items: [ApplicationID: BulkRejectionItem] = [:]
        var work: [(ApplicationID, BulkRejectionJournalEntry?)] = []
        for id in order {
            if let entry = latest[id], entry.step == .settled, let outcome = entry.outcome, outcome.failure == nil {
                items[id] = BulkRejectionItem(
                    application: id, outcome: outcome, isFromJournal: true, references: entry.references,
                    reasonNote: entry.reasonNote.map(NoteID.init))
                progress.settle(failed: false)
            } else {
                // An intent, accepted or unknown entry: the move may have been sent already.
                work.append((id, latest[id]))
            }
        }
        progress.report(.checking)
        let client = self
        try await withThrowingTaskGroup(of: BulkRejectionItem.self) { group in
            var pending = work.makeIterator()
            func addNext() -> Bool {
                guard let (id, earlier) = pending.next() else { return false }
                group.addTask {
                    try await client.rejectOne(
                        id, target: target, earlier: earlier, request: request, progress: progress)
                }
                return true
            }
            for _ in 0..<max(1, request.maximumConcurrency) where !addNext() { break }
            while let item = try await group.next() {
                items[item.application] = item
                progress.settle(failed: item.outcome.failure != nil)
                _ = addNext()
            }
        }
        progress.report(.finished)
        return BulkRejectionReport(
            items: order.map { items[$0] ?? BulkRejectionItem(application: $0, outcome: .failed("not processed")) })
    }

    private func rejectOne(
        _ id: ApplicationID, target: RMSStatus, earlier: BulkRejectionJournalEntry?, request: BulkRejectionRequest,
        progress: BulkProgress
    ) async throws -> BulkRejectionItem {
        let journal = request.journal
        let mayHaveBeenSent = earlier.map { $0.step != .settled } ?? false
        let earlierNote = earlier?.reasonNote.map(NoteID.init)
        func settle(_ outcome: BulkRejectionOutcome, note: NoteID? = nil, warning: String? = nil, journals: Bool = true)
            async throws -> BulkRejectionItem
        {
            if journals {
                try await journal?.record(
                    BulkRejectionJournalEntry(application: id, step: .settled, outcome: outcome, reasonNote: note))
            }
            return BulkRejectionItem(application: id, outcome: outcome, reasonNote: note, warning: warning)
        }
        let current: RMSPlacement?
        do {
            current = try await rms.record(RMSPlacement.self, id: RMSRecordID(rawValue: id.rawValue))
        } catch let error as TrackerRMSError where error.code == .cancelled {
            throw CancellationError()
        } catch {
            // Not journaled: a failed read says nothing about what an earlier run sent.
            return try await settle(.failed("It could not be read: \(error)"), journals: false)
        }
        guard let current else { return try await settle(.notFound) }
        if Self.isIn(current, target) {
            guard mayHaveBeenSent else { return try await settle(.alreadyRejected) }
            return try await settleRejected(id, current, earlierNote: earlierNote, request: request, settle: settle)
        }
        try await journal?.record(BulkRejectionJournalEntry(application: id, step: .intent))
        progress.sent()
        do {
            try await move(current.id, to: target, operation: .bulkRejectApplications)
        } catch let error as ATSError where error.code == .outcomeUnknown {
            try await journal?.record(BulkRejectionJournalEntry(application: id, step: .unknown))
            return try await settle(
                .failed(
                    "The rejection was sent but its answer was lost and the placement could not be read back; run "
                        + "again with the same journal to finish without acting twice."), journals: false)
        } catch let error as ATSError {
            return try await settle(.failed("Tracker RMS refused the rejection: \(error.message)"))
        }
        try await journal?.record(BulkRejectionJournalEntry(application: id, step: .accepted))
        return try await settleRejected(id, current, earlierNote: earlierNote, request: request, settle: settle)
    }

    /// Settles an application that shows the rejection, writing the reason note first when asked
    /// (unless an earlier run journaled one), and journaling the note before settling, so that a run
    /// killed in between does not write it twice.
    private func settleRejected(
        _ id: ApplicationID, _ placement: RMSPlacement, earlierNote: NoteID?, request: BulkRejectionRequest,
        settle: (BulkRejectionOutcome, NoteID?, String?, Bool) async throws -> BulkRejectionItem
    ) async throws -> BulkRejectionItem {
        if let earlierNote { return try await settle(.rejected, earlierNote, nil, true) }
        switch await reasonNote(request.options, on: placement) {
        case .note(let note):
            try await request.journal?.record(
                BulkRejectionJournalEntry(application: id, step: .accepted, reasonNote: note))
            return try await settle(.rejected, note, nil, true)
        case .notRecorded(let why) where request.options.recordsReasonAsNote:
            return try await settle(.rejected, nil, why, true)
        default: return try await settle(.rejected, nil, nil, true)
        }
    }
}

/// Counts a bulk rejection's progress across its tasks and reports it.
final class BulkProgress: Sendable {
    private let state: Mutex<BulkRejectionProgress>
    private let callback: (@Sendable (BulkRejectionProgress) -> Void)?

    init(total: Int, callback: (@Sendable (BulkRejectionProgress) -> Void)?) {
        state = Mutex(BulkRejectionProgress(phase: .checking, total: total, settled: 0, sent: 0, failed: 0))
        self.callback = callback
    }

    func settle(failed: Bool) {
        let now = state.withLock { progress in
            progress.settled += 1
            if failed { progress.failed += 1 }
            return progress
        }
        callback?(now)
    }

    func sent() {
        let now = state.withLock { progress in
            progress.phase = .rejecting
            progress.sent += 1
            return progress
        }
        callback?(now)
    }

    func report(_ phase: BulkRejectionProgress.Phase) {
        let now = state.withLock { progress in
            progress.phase = phase
            return progress
        }
        callback?(now)
    }
}
