public import ATSCore
import Foundation
import Synchronization
import WorkableAPI

extension WorkableATSClient {
    /// Rejects many applications: Workable has no bulk endpoint, so each is one paced
    /// disqualification (the shared budget of 10 per 10 s sets the pace, not the concurrency).
    ///
    /// Per application: its record is read (already disqualified → reported, nothing sent, unless
    /// the journal says an earlier run may have sent it: then it counts as rejected); an `intent`
    /// entry is journaled, the disqualification sent, `accepted` journaled (or `unknown` when the
    /// answer was lost, settled by reading the record back); then `settled`. A run killed at any
    /// moment and started again with the same journal never acts twice: an application the journal
    /// holds as settled is reported from it, one held as sent is read before anything is sent.
    /// - Parameter request: The applications, options, concurrency, journal and progress.
    /// - Returns: One outcome per distinct application, in request order.
    /// - Throws: `ATSError` for a journal that cannot be read or written, or no write member;
    ///   `CancellationError`.
    public func bulkReject(_ request: BulkRejectionRequest) async throws -> BulkRejectionReport {
        let operation = ATSOperation.bulkRejectApplications
        var seen: Set<ApplicationID> = []
        let order = request.applications.filter { seen.insert($0).inserted }
        let latest = try await request.journal?.latestEntries() ?? [:]
        let reason = try await disqualificationReason(request.options.reason, operation: operation)
        let tally = BulkTally(total: order.count)
        let progress = request.progress
        func report(_ phase: BulkRejectionProgress.Phase) {
            let snapshot = tally.counts.withLock { $0 }
            progress?(
                BulkRejectionProgress(
                    phase: phase, total: snapshot.total, settled: snapshot.settled, sent: snapshot.sent,
                    failed: snapshot.failed))
        }
        var results: [ApplicationID: BulkRejectionItem] = [:]
        var work: [ApplicationID] = []
        for id in order {
            if let entry = latest[id], entry.step == .settled, let outcome = entry.outcome, outcome.failure == nil {
                results[id] = BulkRejectionItem(application: id, outcome: outcome, isFromJournal: true)
                tally.counts.withLock { $0.settled += 1 }
            } else {
                work.append(id)
            }
        }
        report(.checking)
        // The member is settled before anything is sent, so that a missing one fails the whole run at once.
        let member = work.isEmpty ? nil : try await directory.member(operation: operation.rawValue)
        report(.rejecting)
        let width = max(1, request.maximumConcurrency)
        try await withThrowingTaskGroup(of: BulkRejectionItem.self) { group in
            var pending = work.makeIterator()
            func addNext() -> Bool {
                guard let id = pending.next(), let member else { return false }
                let maySent = latest[id].map { $0.step != .settled } ?? false
                let journal = request.journal
                let memberID = member.id
                group.addTask { [self] in
                    try await rejectOne(
                        id, member: memberID, reason: reason, mayHaveBeenSent: maySent, journal: journal,
                        sent: { tally.counts.withLock { $0.sent += 1 } })
                }
                return true
            }
            for _ in 0..<width where !addNext() { break }
            while let item = try await group.next() {
                results[item.application] = item
                tally.counts.withLock {
                    $0.settled += 1
                    if item.outcome.failure != nil { $0.failed += 1 }
                }
                report(.rejecting)
                _ = addNext()
            }
        }
        report(.finished)
        return BulkRejectionReport(
            items: order.map { results[$0] ?? BulkRejectionItem(application: $0, outcome: .failed("not processed")) })
    }

    /// One application of a bulk rejection, journaled before and after the write.
    private func rejectOne(
        _ id: ApplicationID, member: WorkableMemberID, reason: WorkableAPI.Candidates.DisqualificationReason?,
        mayHaveBeenSent: Bool, journal: (any BulkRejectionJournal)?, sent: @Sendable () -> Void
    ) async throws -> BulkRejectionItem {
        let operation = ATSOperation.bulkRejectApplications
        func settle(_ outcome: BulkRejectionOutcome, journals: Bool = true) async throws -> BulkRejectionItem {
            if journals {
                try await journal?.record(BulkRejectionJournalEntry(application: id, step: .settled, outcome: outcome))
            }
            return BulkRejectionItem(application: id, outcome: outcome)
        }
        let record: WorkableCandidate
        do {
            record = try await api.candidates.get(WorkableCandidateID(id.rawValue), logger: logger)
        } catch let error as WorkableAPIError where error.code == .notFound {
            return try await settle(.notFound)
        } catch let error as WorkableAPIError where error.code == .cancelled {
            throw CancellationError()
        } catch {
            // Not journaled: a failed read says nothing about what an earlier run sent.
            return try await settle(.failed("Workable could not be read: \(error)"), journals: false)
        }
        if record.isDisqualified {
            return try await settle(mayHaveBeenSent ? .rejected : .alreadyRejected)
        }
        try await journal?.record(BulkRejectionJournalEntry(application: id, step: .intent))
        sent()
        do {
            try await sendConfirmed(operation, subject: "application \(id)") {
                try await self.api.candidates.disqualify(
                    WorkableCandidateID(id.rawValue), by: member, reason: reason, logger: self.logger)
            } isDone: {
                try await self.fullRecord(id, operation: operation).isDisqualified
            }
        } catch let error as ATSError where error.code == .outcomeUnknown {
            try await journal?.record(BulkRejectionJournalEntry(application: id, step: .unknown))
            return BulkRejectionItem(
                application: id,
                outcome: .failed("\(error.message) Run again with the same journal: it reads the record first."))
        } catch let error as ATSError {
            return try await settle(.failed("Workable refused the disqualification: \(error.message)"))
        }
        try await journal?.record(BulkRejectionJournalEntry(application: id, step: .accepted))
        return try await settle(.rejected)
    }
}

/// The counts a bulk rejection's progress reports, shared by its concurrent sends.
private final class BulkTally: Sendable {
    struct Counts: Sendable {
        var total: Int
        var settled = 0
        var sent = 0
        var failed = 0
    }

    let counts: Mutex<Counts>

    init(total: Int) { counts = Mutex(Counts(total: total)) }
}
