import ATSCore
import TrackerAPI

/// One bulk rejection: check every application, send what is needed, confirm by reading back.
///
/// The order of steps per application is what makes a run safe to kill and resume:
/// 1. its current state is read; already rejected → reported, nothing sent;
/// 2. an `intent` entry is journaled, then the actions are sent, then `accepted` (or `unknown`
///    when an answer was lost) is journaled;
/// 3. one polling loop reads back every application still unconfirmed (a page of 5,000 at a
///    time, see ``TrackerATSClient/snapshots(of:)``) and the actions of those that do not show
///    the change yet, until each is settled or the timeout passes.
///
/// A resumed run treats an application whose latest entry is `intent`, `unknown` or `accepted`
/// as possibly sent: it reads it and only waits for the effect; it sends again only once the
/// actions are known to have failed, or, when no action is known, after
/// ``TrackerATSClient/WriteSettings/inDoubtSettleTime`` has passed since it was sent without the
/// application showing the change. A confirmation timeout is not journaled as a failure, so
/// the next run keeps treating it as possibly sent.
struct BulkRejectionRun {
    let client: TrackerATSClient
    let request: BulkRejectionRequest
    let target: BulkRejectionTarget
    let settle: Duration
    let order: [ApplicationID]
    private var items: [ApplicationID: BulkRejectionItemState] = [:]
    private var snapshots: [ApplicationID: ApplicationSnapshot] = [:]
    private var sentCount = 0
    private var settledCount = 0
    private var failedCount = 0
    private var phase = BulkRejectionProgress.Phase.checking

    init(client: TrackerATSClient, request: BulkRejectionRequest, status: String) {
        self.client = client
        self.request = request
        self.target = BulkRejectionTarget(status: status, archives: request.options.archives)
        self.settle = client.configuration.writes.inDoubtSettleTime
        var seen: Set<ApplicationID> = []
        self.order = request.applications.filter { seen.insert($0).inserted }
    }

    mutating func run() async throws -> BulkRejectionReport {
        let latest = try await request.journal?.latestEntries() ?? [:]
        let now = client.waitClock.now()
        for id in order {
            let item = BulkRejectionItemState(entry: latest[id], now: now, settle: settle)
            items[id] = item
            if item.outcome != nil { settledCount += 1 }
        }
        report(.checking)
        try await check(order.filter { items[$0]?.isChecking == true })
        report(.rejecting)
        try await send(order.filter { items[$0]?.isSending == true })
        report(.confirming)
        try await confirm()
        report(.finished)
        return BulkRejectionReport(
            items: order.map { id in
                let item = items[id] ?? BulkRejectionItemState()
                return BulkRejectionItem(
                    application: id, outcome: item.outcome ?? .failed("not processed"),
                    isFromJournal: item.isFromJournal,
                    references: item.references, reasonNote: item.reasonNote, warning: item.warning)
            })
    }

    // MARK: Steps

    private mutating func check(_ ids: [ApplicationID]) async throws {
        guard !ids.isEmpty else { return }
        let read = try await client.snapshots(of: ids)
        var rejectedNow: [ApplicationID] = []
        for id in ids {
            let snapshot = read[id] ?? .unreadable("Tracker did not answer for it.")
            snapshots[id] = snapshot
            switch snapshot {
            case .missing:
                try await settle(id, .notFound)
            case .unreadable(let why):
                // Not journaled: a read that failed says nothing about what an earlier run sent.
                try await settle(id, .failed(why), journals: false)
            case .found:
                let wasSent = items[id]?.mayHaveBeenSent ?? false
                if target.isRejected(snapshot) {
                    if wasSent { rejectedNow.append(id) } else { try await settle(id, .alreadyRejected) }
                } else {
                    items[id]?.phase = wasSent ? .confirming : .send
                }
            }
        }
        try await settleRejected(rejectedNow)
    }

    private mutating func send(_ ids: [ApplicationID]) async throws {
        guard !ids.isEmpty else { return }
        let jobs = ids.map { id in (id, target.actions(for: snapshots[id] ?? .missing, application: id)) }
        let (client, journal) = (client, request.journal)
        let width = max(1, request.maximumConcurrency)
        try await withThrowingTaskGroup(of: BulkRejectionSendResult.self) { group in
            var pending = jobs.makeIterator()
            func addNext() -> Bool {
                guard let (id, actions) = pending.next() else { return false }
                group.addTask { try await Self.send(actions, for: id, client: client, journal: journal) }
                return true
            }
            for _ in 0..<width {
                if !addNext() { break }
            }
            while let result = try await group.next() {
                try await apply(result)
                _ = addNext()
            }
        }
    }

    private mutating func apply(_ result: BulkRejectionSendResult) async throws {
        let id = result.application
        let now = client.waitClock.now()
        items[id]?.sends += 1
        items[id]?.sentAt = now
        items[id]?.mayHaveBeenSent = true
        items[id]?.references += result.references
        items[id]?.roundsWithoutEffect = 0
        items[id]?.unchangedRounds = 0
        if let warning = result.warning { items[id]?.warning = warning }
        sentCount += 1
        switch result.answer {
        case .accepted:
            items[id]?.isInDoubt = false
            items[id]?.phase = .confirming
        case .inDoubt:
            items[id]?.isInDoubt = true
            items[id]?.phase = .confirming
        case .refused(let why):
            try await settle(id, .failed(why))
        }
        report(phase)
    }

    private mutating func confirm() async throws {
        let writes = client.configuration.writes
        let deadline = client.waitClock.now() + request.options.wait.timeout
        var backoff = PollBackoff(first: writes.pollInterval, maximum: writes.maximumPollInterval)
        // The first round reads at once: most rejections sent early in the run have shown by the
        // time the last is sent, and lost ones that had time to show are sent again sooner.
        var isFirstRound = true
        while true {
            let pending = order.filter { items[$0]?.isConfirming == true }
            guard !pending.isEmpty else { break }
            if !isFirstRound {
                let now = client.waitClock.now()
                guard var wait = backoff.wait(now: now, deadline: deadline) else { break }
                // Wake when a lost send becomes due to be sent again, not a backoff step later.
                if let due = nextResendDue(pending), due > now { wait = min(wait, due - now) }
                try await client.waitClock.sleep(wait)
            }
            isFirstRound = false
            let sentBefore = sentCount
            let read = try await client.snapshots(of: pending)
            var unchanged: [ApplicationID] = []
            var rejectedNow: [ApplicationID] = []
            for id in pending {
                let snapshot = read[id] ?? .unreadable("not read")
                switch snapshot {
                case .missing: try await settle(id, .notFound)
                case .unreadable: continue
                case .found:
                    snapshots[id] = snapshot
                    if target.isRejected(snapshot) {
                        rejectedNow.append(id)
                    } else {
                        unchanged.append(id)
                    }
                }
            }
            try await settleRejected(rejectedNow)
            try await examine(unchanged)
            // Rejections sent again this round need Tracker's time to run: poll them from the start.
            if sentCount > sentBefore {
                backoff = PollBackoff(first: writes.pollInterval, maximum: writes.maximumPollInterval)
            }
        }
        for id in order where items[id]?.isConfirming == true {
            let actions = items[id]?.references ?? []
            try await settle(
                id,
                .failed(
                    "Not confirmed within \(request.options.wait.timeout): "
                        + (actions.isEmpty
                            ? "the rejection was sent but its answer was lost, and it has not shown yet. "
                            : "action(s) \(actions.joined(separator: ", ")) had not taken effect. ")
                        + "Tracker may still apply it: run again with the same journal to finish without acting twice."),
                journals: false)
        }
    }

    /// Looks at applications that do not show the rejection yet: a failed action settles them,
    /// a lost send is sent again once it had time to show, an action that ran without effect
    /// twice in a row means someone changed the application since.
    private mutating func examine(_ ids: [ApplicationID]) async throws {
        for id in ids { items[id]?.unchangedRounds += 1 }
        // Actions are read only for applications still unchanged after three rounds: just after
        // sending, Tracker has simply not run them yet, and reading them would spend the rate
        // limit for nothing.
        let references = ids.filter { (items[$0]?.unchangedRounds ?? 0) >= 3 }
            .flatMap { items[$0]?.references ?? [] }.map { TrackerActionID(rawValue: $0) }
        var states: [String: TrackerActionWait.State] = [:]
        for result in try await client.readActions(references) {
            // A read that failed for now says nothing about the action: wait as for a pending one.
            states[result.id.rawValue] = result.isFinal ? result.state : .pending
        }
        let now = client.waitClock.now()
        var resend: [ApplicationID] = []
        for id in ids {
            guard let item = items[id] else { continue }
            let results = item.references.map { states[$0] ?? .pending }
            if let failure = results.compactMap(Self.failure).first {
                try await settle(id, .failed(failure))
                continue
            }
            if results.contains(.pending) { continue }
            if item.isInDoubt || item.references.isEmpty {
                guard now - (item.sentAt ?? .zero) >= settle else { continue }
                if item.sends >= 3 {
                    try await settle(
                        id, .failed("Sent \(item.sends) times without an answer or an effect."), journals: false)
                } else {
                    resend.append(id)
                }
                continue
            }
            items[id]?.roundsWithoutEffect += 1
            if (items[id]?.roundsWithoutEffect ?? 0) >= 2 {
                let shown: String
                if case .found(let status, _) = snapshots[id] { shown = status ?? "no status" } else { shown = "?" }
                try await settle(
                    id,
                    .failed(
                        "Tracker ran action(s) \(item.references.joined(separator: ", ")), but the application shows "
                            + "'\(shown)': someone may have changed it since. It was not sent again."),
                    journals: false)
            }
        }
        for id in resend { items[id]?.phase = .send }
        try await send(resend)
    }

    /// Settles applications that show the rejection this run (or an earlier one) sent, writing the
    /// reason note first for those that need one: only now is the rejection known to have taken
    /// effect, so a rejection that failed never leaves a note. A note that cannot be written is a
    /// warning on a rejected application, not a failure.
    private mutating func settleRejected(_ ids: [ApplicationID]) async throws {
        guard !ids.isEmpty else { return }
        let reason = request.options.recordsReasonAsNote ? request.options.reason?.trimmingSpaces : nil
        if let reason, !reason.isEmpty {
            let needing = ids.filter { items[$0]?.reasonNote == nil }
            let written = try await BulkRejectionNotes.write(
                "Rejection reason: " + reason, on: needing, client: client, width: max(1, request.maximumConcurrency))
            for (id, result) in written {
                switch result {
                case .success(let note): items[id]?.reasonNote = note
                case .failure(let why):
                    let warning = "Rejected, but the reason note could not be added: \(why.message)"
                    let earlier = items[id]?.warning
                    items[id]?.warning = earlier.map { $0 + "; " + warning } ?? warning
                }
            }
        }
        for id in ids { try await settle(id, .rejected) }
    }

    /// When the earliest lost send among `ids` may be sent again.
    private func nextResendDue(_ ids: [ApplicationID]) -> Duration? {
        ids.compactMap { id -> Duration? in
            guard let item = items[id], item.isInDoubt || item.references.isEmpty else { return nil }
            return (item.sentAt ?? .zero) + settle
        }.min()
    }

    private static func failure(_ state: TrackerActionWait.State) -> String? {
        switch state {
        case .failed(let message): "Tracker ran the rejection and it failed: \(message)"
        case .unreadable(let message): message
        case .succeeded, .pending: nil
        }
    }

    // MARK: Bookkeeping

    private mutating func settle(_ id: ApplicationID, _ outcome: BulkRejectionOutcome, journals: Bool = true)
        async throws
    {
        var outcome = outcome
        // A failure says what was not done: the reason note is written only for a rejection that took effect.
        if case .failed(let why) = outcome, items[id]?.reasonNote == nil, request.options.recordsReasonAsNote,
            !(request.options.reason?.trimmingSpaces.isEmpty ?? true)
        {
            outcome = .failed(why + (why.hasSuffix(".") ? "" : ".") + " No reason note was written.")
        }
        if items[id]?.outcome == nil {
            settledCount += 1
            if outcome.failure != nil { failedCount += 1 }
        }
        items[id]?.phase = .settled(outcome)
        if journals, let journal = request.journal {
            try await journal.record(
                BulkRejectionJournalEntry(
                    application: id, step: .settled, references: items[id]?.references ?? [], outcome: outcome,
                    reasonNote: items[id]?.reasonNote))
        }
        report(phase)
    }

    private mutating func report(_ phase: BulkRejectionProgress.Phase) {
        self.phase = phase
        guard let progress = request.progress else { return }
        progress(
            BulkRejectionProgress(
                phase: phase, total: order.count, settled: settledCount, sent: sentCount, failed: failedCount))
    }

    /// Sends one application's actions, journaling before and after.
    private static func send(
        _ actions: [TrackerActionCreateRequest],
        for id: ApplicationID,
        client: TrackerATSClient,
        journal: (any BulkRejectionJournal)?
    ) async throws -> BulkRejectionSendResult {
        try await journal?.record(BulkRejectionJournalEntry(application: id, step: .intent))
        var references: [String] = []
        var inDoubt = false
        var warning: String?
        for action in actions {
            do {
                references.append(try await client.api.actions.create(action, logger: client.logger).id.rawValue)
            } catch let error as TrackerAPIError {
                if error.code == .cancelled { throw CancellationError() }
                if error.code == .outcomeUnknown || error.code == .malformedResponse {
                    inDoubt = true
                } else if references.isEmpty && !inDoubt {
                    let why = "Tracker refused the rejection: \(error)"
                    return BulkRejectionSendResult(application: id, answer: .refused(why), references: [], warning: nil)
                } else {
                    warning = "Part of the rejection was refused: \(error)"
                }
            }
        }
        try await journal?.record(
            BulkRejectionJournalEntry(application: id, step: inDoubt ? .unknown : .accepted, references: references))
        return BulkRejectionSendResult(
            application: id, answer: inDoubt ? .inDoubt : .accepted, references: references, warning: warning)
    }
}

extension BulkRejectionItemState {
    var isChecking: Bool {
        if case .check = phase { return true }
        return false
    }

    var isSending: Bool {
        if case .send = phase { return true }
        return false
    }

    var isConfirming: Bool {
        if case .confirming = phase { return true }
        return false
    }
}
