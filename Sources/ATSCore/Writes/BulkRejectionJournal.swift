public import Foundation

/// Where a bulk rejection records each step, so that a run interrupted at any point (the process
/// killed, the machine rebooted) can be resumed without acting twice on an application.
///
/// The run records an ``BulkRejectionJournalEntry/Step-swift.enum/intent`` *before* it sends a
/// rejection and the provider's answer after, then the final outcome. A resumed run reads the
/// latest entry of each application: settled ones are reported without a request; ones left in
/// doubt (intent recorded, answer lost) are read back from the provider before anything is sent
/// again. `record(_:)` must not return before the entry would survive the process being killed.
public protocol BulkRejectionJournal: Sendable {
    /// Every entry recorded so far, oldest first.
    /// - Returns: The entries.
    /// - Throws: When the journal cannot be read.
    func entries() async throws -> [BulkRejectionJournalEntry]

    /// Records an entry durably.
    /// - Parameter entry: The entry.
    /// - Throws: When it cannot be recorded; the run then stops before acting.
    func record(_ entry: BulkRejectionJournalEntry) async throws
}

extension BulkRejectionJournal {
    /// The latest entry of each application.
    /// - Returns: The entries by application.
    /// - Throws: When the journal cannot be read.
    public func latestEntries() async throws -> [ApplicationID: BulkRejectionJournalEntry] {
        var latest: [ApplicationID: BulkRejectionJournalEntry] = [:]
        for entry in try await entries() { latest[entry.application] = entry }
        return latest
    }
}

/// One step of one application in a bulk rejection journal.
public struct BulkRejectionJournalEntry: Sendable, Hashable, Codable {
    /// The step recorded.
    public enum Step: String, Sendable, Hashable, Codable {
        /// About to send the rejection: if no later entry follows, its fate is unknown.
        case intent
        /// The provider accepted the rejection; ``BulkRejectionJournalEntry/references`` name it.
        case accepted
        /// The rejection was sent but the answer was lost: it may or may not have been applied.
        case unknown
        /// The application's outcome is final (``BulkRejectionJournalEntry/outcome``).
        case settled
    }

    /// The application.
    public var application: ApplicationID
    /// The step.
    public var step: Step
    /// The provider's references of the writes sent (Tracker: action ids).
    public var references: [String]
    /// For ``Step-swift.enum/settled``: the outcome's name (``BulkRejectionOutcome/name``).
    public var outcomeName: String?
    /// For a failure: why.
    public var detail: String?
    /// The note that keeps the reason, when one was added.
    public var reasonNote: String?
    /// When the step was recorded (wall clock).
    public var recordedAt: Date

    /// Creates an entry.
    /// - Parameters:
    ///   - application: The application.
    ///   - step: The step.
    ///   - references: The provider's references.
    ///   - outcome: The final outcome, for a settled step.
    ///   - reasonNote: The reason's note.
    ///   - recordedAt: When (default now).
    public init(
        application: ApplicationID,
        step: Step,
        references: [String] = [],
        outcome: BulkRejectionOutcome? = nil,
        reasonNote: NoteID? = nil,
        recordedAt: Date = Date()
    ) {
        self.application = application
        self.step = step
        self.references = references
        self.outcomeName = outcome?.name
        self.detail = outcome?.failure
        self.reasonNote = reasonNote?.rawValue
        self.recordedAt = recordedAt
    }

    /// The final outcome, for a settled entry whose outcome name is known.
    public var outcome: BulkRejectionOutcome? {
        switch outcomeName {
        case "rejected": .rejected
        case "already_rejected": .alreadyRejected
        case "not_found": .notFound
        case "failed": .failed(detail ?? "failed in an earlier run")
        default: nil
        }
    }
}

/// A journal kept in memory: resumable within one process (for example after cancelling a task).
public actor InMemoryBulkRejectionJournal: BulkRejectionJournal {
    private var recorded: [BulkRejectionJournalEntry] = []

    /// Creates an empty journal.
    public init() {}

    /// Every entry, oldest first.
    /// - Returns: The entries.
    public func entries() -> [BulkRejectionJournalEntry] { recorded }

    /// Appends an entry.
    /// - Parameter entry: The entry.
    public func record(_ entry: BulkRejectionJournalEntry) {
        recorded.append(entry)
    }
}
