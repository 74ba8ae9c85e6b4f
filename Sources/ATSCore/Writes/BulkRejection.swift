/// A request to reject many applications.
///
/// Each application is checked before anything is sent: one already rejected is reported as such
/// and left alone, one that does not exist is reported as not found. Failures are reported per
/// application and never stop the others. Give a ``journal`` to make the run resumable: a run
/// started again with the same journal skips what is finished and never acts twice on the rest.
public struct BulkRejectionRequest: Sendable {
    /// The applications, in the order the report lists them; repeats are rejected once.
    public var applications: [ApplicationID]
    /// The reason, the note and the archiving, as for one rejection. Its ``RejectionOptions/wait``
    /// timeout bounds how long the run waits for its writes to be confirmed.
    public var options: RejectionOptions
    /// How many applications are worked on at once (at least 1). The provider's rate limit still
    /// paces the requests; concurrency hides each request's latency.
    public var maximumConcurrency: Int
    /// Where each step is recorded before and after it is taken, so an interrupted run can resume.
    public var journal: (any BulkRejectionJournal)?
    /// Called as the run progresses, from any task; keep it quick.
    public var progress: (@Sendable (BulkRejectionProgress) -> Void)?

    /// Creates a bulk rejection.
    /// - Parameters:
    ///   - applications: The applications.
    ///   - options: Reason, note, archiving and wait (the wait's timeout bounds confirmation).
    ///   - maximumConcurrency: Applications worked on at once (default 8).
    ///   - journal: The resumption journal (default none: the run cannot be resumed).
    ///   - progress: The progress callback.
    public init(
        applications: [ApplicationID],
        options: RejectionOptions = RejectionOptions(wait: .init(level: .verified, timeout: .seconds(300))),
        maximumConcurrency: Int = 8,
        journal: (any BulkRejectionJournal)? = nil,
        progress: (@Sendable (BulkRejectionProgress) -> Void)? = nil
    ) {
        self.applications = applications
        self.options = options
        self.maximumConcurrency = maximumConcurrency
        self.journal = journal
        self.progress = progress
    }
}

/// What became of one application in a bulk rejection.
public enum BulkRejectionOutcome: Sendable, Hashable, CustomStringConvertible {
    /// Rejected by this run (or by an earlier run with the same journal).
    case rejected
    /// It was already rejected; nothing was sent.
    case alreadyRejected
    /// The provider has no such application.
    case notFound
    /// It could not be rejected, or its rejection could not be confirmed; the text says why and
    /// what to do.
    case failed(String)

    /// The outcome's stable name: `rejected`, `already_rejected`, `not_found` or `failed`.
    public var name: String {
        switch self {
        case .rejected: "rejected"
        case .alreadyRejected: "already_rejected"
        case .notFound: "not_found"
        case .failed: "failed"
        }
    }

    /// Why it failed, for ``failed(_:)``.
    public var failure: String? {
        if case .failed(let why) = self { return why }
        return nil
    }

    /// The name, and the reason for a failure.
    public var description: String { failure.map { "failed: \($0)" } ?? name }
}

/// One application of a bulk rejection and its outcome.
public struct BulkRejectionItem: Sendable, Hashable {
    /// The application.
    public var application: ApplicationID
    /// What became of it.
    public var outcome: BulkRejectionOutcome
    /// Whether the outcome was settled by an earlier run and read from the journal.
    public var isFromJournal: Bool
    /// The provider's references for the writes sent (Tracker: workflow action ids).
    public var references: [String]
    /// The note that keeps the reason, when one was added.
    public var reasonNote: NoteID?
    /// Something that went wrong besides the outcome (for example, the reason note failed).
    public var warning: String?

    /// Creates an item.
    /// - Parameters:
    ///   - application: The application.
    ///   - outcome: Its outcome.
    ///   - isFromJournal: Whether an earlier run settled it.
    ///   - references: The provider's references.
    ///   - reasonNote: The reason's note.
    ///   - warning: A side problem.
    public init(
        application: ApplicationID,
        outcome: BulkRejectionOutcome,
        isFromJournal: Bool = false,
        references: [String] = [],
        reasonNote: NoteID? = nil,
        warning: String? = nil
    ) {
        self.application = application
        self.outcome = outcome
        self.isFromJournal = isFromJournal
        self.references = references
        self.reasonNote = reasonNote
        self.warning = warning
    }
}

/// The result of a bulk rejection: one item per distinct application, in request order.
public struct BulkRejectionReport: Sendable, Hashable {
    /// The items.
    public var items: [BulkRejectionItem]

    /// Creates a report.
    /// - Parameter items: The items.
    public init(items: [BulkRejectionItem]) {
        self.items = items
    }

    /// How many items have an outcome with this name (`rejected`, `already_rejected`, `not_found`,
    /// `failed`).
    /// - Parameter name: The outcome's name.
    /// - Returns: The count.
    public func count(_ name: String) -> Int {
        items.count { $0.outcome.name == name }
    }

    /// The items that failed.
    public var failures: [BulkRejectionItem] { items.filter { $0.outcome.failure != nil } }

    /// Whether every application ended rejected, already rejected or not found.
    public var isComplete: Bool { failures.isEmpty }
}

/// How far a bulk rejection has got.
public struct BulkRejectionProgress: Sendable, Hashable {
    /// What the run is doing.
    public enum Phase: String, Sendable, Hashable {
        /// Reading the applications' current state.
        case checking
        /// Sending rejections.
        case rejecting
        /// Waiting for the provider to apply them, and reading back.
        case confirming
        /// Done.
        case finished
    }

    /// What the run is doing.
    public var phase: Phase
    /// The distinct applications in the run.
    public var total: Int
    /// How many have their final outcome.
    public var settled: Int
    /// How many rejections have been sent so far in this run.
    public var sent: Int
    /// How many have failed so far.
    public var failed: Int

    /// Creates a progress value.
    /// - Parameters:
    ///   - phase: The phase.
    ///   - total: The total.
    ///   - settled: How many are settled.
    ///   - sent: How many were sent.
    ///   - failed: How many failed.
    public init(phase: Phase, total: Int, settled: Int, sent: Int, failed: Int) {
        self.phase = phase
        self.total = total
        self.settled = settled
        self.sent = sent
        self.failed = failed
    }
}
