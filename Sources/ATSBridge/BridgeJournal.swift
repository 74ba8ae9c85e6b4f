public import ATSCore
public import Foundation

/// Where the bridge records each create: the intent *before* the request is sent and the result
/// after, so that a run killed at any moment leaves a trace the next run settles.
///
/// The target is the truth, not the journal: every run matches people against the target's
/// current applications. What the journal adds is the memory of creates whose fate is unknown (the
/// process died, or the answer was lost, between the request and the result): the next run reads
/// the target job again, just before deciding, for each of them. Losing the journal loses that
/// extra read and the history, never the guarantee. `record(_:)` must not return before the entry
/// would survive the process being killed.
public protocol BridgeJournal: Sendable {
    /// Every entry recorded so far, oldest first.
    /// - Returns: The entries.
    /// - Throws: When the journal cannot be read.
    func entries() async throws -> [BridgeJournalEntry]

    /// Records an entry durably.
    /// - Parameter entry: The entry.
    /// - Throws: When it cannot be recorded; the bridge then stops before acting.
    func record(_ entry: BridgeJournalEntry) async throws
}

/// One person on one target job: what a create is about, and what the journal settles.
public struct BridgeIntentKey: Sendable, Hashable, CustomStringConvertible {
    /// The target job.
    public var targetJob: JobID
    /// The person's normalised e-mail address (``BridgeEmail/normalized(_:)``).
    public var email: String

    /// Creates a key.
    public init(targetJob: JobID, email: String) {
        self.targetJob = targetJob
        self.email = email
    }

    /// "job 12, ada@example.com".
    public var description: String { "job \(targetJob), \(email)" }
}

/// One step of one create in a bridge journal.
public struct BridgeJournalEntry: Sendable, Hashable, Codable {
    /// The step recorded.
    public enum Step: String, Sendable, Hashable, Codable {
        /// About to send the create; if no later entry follows, its fate is unknown.
        case intent
        /// The target answered: the application was created (``BridgeJournalEntry/targetID``).
        case created
        /// The application was found on the target; nothing was (or needed to be) created.
        case existing
        /// The create was sent and its answer lost, and reading the target did not show it.
        case unknown
        /// The target refused the create; nothing was created.
        case failed
    }

    /// The step.
    public var step: Step
    /// The source application that asked for the create.
    public var sourceID: ApplicationID
    /// The target job.
    public var targetJob: JobID
    /// The person's normalised e-mail address.
    public var email: String
    /// The target application, for ``Step-swift.enum/created`` and ``Step-swift.enum/existing``.
    public var targetID: ApplicationID?
    /// For a failure: why.
    public var detail: String?
    /// When the step was recorded (wall clock).
    public var recordedAt: Date

    /// Creates an entry.
    public init(
        step: Step,
        sourceID: ApplicationID,
        key: BridgeIntentKey,
        targetID: ApplicationID? = nil,
        detail: String? = nil,
        recordedAt: Date = Date()
    ) {
        self.step = step
        self.sourceID = sourceID
        self.targetJob = key.targetJob
        self.email = key.email
        self.targetID = targetID
        self.detail = detail
        self.recordedAt = recordedAt
    }

    /// The person and job the entry is about.
    public var key: BridgeIntentKey { BridgeIntentKey(targetJob: targetJob, email: email) }

    /// Whether the create this entry describes may have happened without the journal knowing.
    public var leavesCreateInDoubt: Bool { step == .intent || step == .unknown }

    enum CodingKeys: String, CodingKey {
        case step
        case sourceID = "source_id"
        case targetJob = "target_job"
        case email
        case targetID = "target_id"
        case detail
        case recordedAt = "recorded_at"
    }
}

extension BridgeJournal {
    /// The creates left in doubt: people and jobs whose latest entry is an intent or an unknown answer.
    /// - Returns: Their keys.
    /// - Throws: When the journal cannot be read.
    public func createsInDoubt() async throws -> Set<BridgeIntentKey> {
        var latest: [BridgeIntentKey: BridgeJournalEntry] = [:]
        for entry in try await entries() { latest[entry.key] = entry }
        return Set(latest.values.filter(\.leavesCreateInDoubt).map(\.key))
    }
}

/// A journal kept in memory: for one process, and for runs that keep no file (the target alone
/// then guards against duplicates).
public actor InMemoryBridgeJournal: BridgeJournal {
    private var recorded: [BridgeJournalEntry] = []

    /// Creates an empty journal.
    public init() {}

    /// Every entry, oldest first.
    public func entries() -> [BridgeJournalEntry] { recorded }

    /// Appends an entry.
    /// - Parameter entry: The entry.
    public func record(_ entry: BridgeJournalEntry) {
        recorded.append(entry)
    }
}

/// How the bridge compares people: by e-mail address, trimmed and lower-cased.
public enum BridgeEmail {
    /// An e-mail address with surrounding white space removed and letters lower-cased; nil when
    /// nothing is left. The same rule as the Tracker provider's candidate grouping.
    /// - Parameter raw: The address as a provider stores it.
    /// - Returns: The normalised address.
    public static func normalized(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }
}
