public import ATSCore

/// What the bridge did with one source application.
public enum BridgeOutcome: Sendable, Hashable {
    /// The person had no application on the mapped target job; this run created one.
    case created(ApplicationID)
    /// The person already had an application on the mapped target job (the oldest one when there
    /// are several; ``BridgeRow/duplicates`` names the others). Nothing was sent.
    case existing(ApplicationID)
    /// A dry run found no application on the mapped target job: a real run would create one.
    case wouldCreate
    /// The application was left alone on purpose (its job is not mapped).
    case skipped
    /// The application could not be bridged; ``BridgeRow/reason`` says why.
    case failed

    /// The outcome's stable name in reports: `created`, `existing`, `would_create`, `skipped`, `failed`.
    public var name: String {
        switch self {
        case .created: "created"
        case .existing: "existing"
        case .wouldCreate: "would_create"
        case .skipped: "skipped"
        case .failed: "failed"
        }
    }

    /// The target application, when there is one.
    public var targetID: ApplicationID? {
        switch self {
        case .created(let id), .existing(let id): id
        case .wouldCreate, .skipped, .failed: nil
        }
    }
}

/// Why a row was skipped or failed, or how an existing one was found: a stable name for scripts.
public struct BridgeReason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stable name.
    public let rawValue: String
    /// Creates a reason from its stable name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The source application's job is not in the job mapping.
    public static let unmappedJob = BridgeReason(rawValue: "unmapped_job")
    /// The source application has no e-mail address; the bridge never matches people by name.
    public static let noEmail = BridgeReason(rawValue: "no_email")
    /// The target refused or failed the create; the row's detail has its message.
    public static let createFailed = BridgeReason(rawValue: "create_failed")
    /// The create's answer was lost and the target, read again, does not show the application:
    /// it may still arrive. The next run settles it by reading the target before any create.
    public static let outcomeUnknown = BridgeReason(rawValue: "outcome_unknown")
    /// The target's applications of the job could not be read, so nothing was decided.
    public static let targetUnreadable = BridgeReason(rawValue: "target_unreadable")
    /// The create's answer was lost; reading the target found the application it made.
    public static let answerLostFoundOnTarget = BridgeReason(rawValue: "answer_lost_found_on_target")
    /// An earlier run recorded the intent to create and was interrupted; the target showed the
    /// application it made, so nothing was sent.
    public static let settledInterruptedCreate = BridgeReason(rawValue: "settled_interrupted_create")
    /// A dry run: the same person on the same target job as an earlier row, whose create would
    /// serve this row too (a real run reports it `existing`).
    public static let samePersonAsEarlierRow = BridgeReason(rawValue: "same_person_as_earlier_row")
    /// The person has several applications on the target job: the oldest is reported.
    public static let duplicatesOnTarget = BridgeReason(rawValue: "duplicates_on_target")

    /// The stable name.
    public var description: String { rawValue }
}

/// One line of the bridge's report: a source application and what became of it.
public struct BridgeRow: Sendable, Hashable {
    /// The source application.
    public var sourceID: ApplicationID
    /// Its job on the source.
    public var sourceJob: JobID
    /// The mapped target job; nil when the job is not mapped.
    public var targetJob: JobID?
    /// What the bridge did.
    public var outcome: BridgeOutcome
    /// Why, for skipped and failed rows, and for existing rows found in a notable way.
    public var reason: BridgeReason?
    /// A sentence for a person (the target's error message for a failed create).
    public var detail: String?
    /// Other applications of the same person on the target job, besides the one reported (oldest first).
    public var duplicates: [ApplicationID]

    /// Creates a row.
    public init(
        sourceID: ApplicationID,
        sourceJob: JobID,
        targetJob: JobID?,
        outcome: BridgeOutcome,
        reason: BridgeReason? = nil,
        detail: String? = nil,
        duplicates: [ApplicationID] = []
    ) {
        self.sourceID = sourceID
        self.sourceJob = sourceJob
        self.targetJob = targetJob
        self.outcome = outcome
        self.reason = reason
        self.detail = detail
        self.duplicates = duplicates
    }
}

/// The whole run: every row, in source order, and the totals.
public struct BridgeReport: Sendable, Hashable {
    /// Every source application's row, in the order the source listed them.
    public var rows: [BridgeRow]
    /// Whether the run was a dry run (nothing was written, not even the journal).
    public var isDryRun: Bool

    /// Creates a report.
    public init(rows: [BridgeRow] = [], isDryRun: Bool = false) {
        self.rows = rows
        self.isDryRun = isDryRun
    }

    /// How many rows have each outcome name.
    public var counts: [String: Int] {
        rows.reduce(into: [:]) { $0[$1.outcome.name, default: 0] += 1 }
    }

    /// How many applications the run created, or (a dry run) would create: one per person and
    /// target job, however many source applications share them.
    public var creates: Int {
        rows.count { row in
            row.outcome.name == "created" || (row.outcome == .wouldCreate && row.reason != .samePersonAsEarlierRow)
        }
    }

    /// Whether any row failed.
    public var hasFailures: Bool { rows.contains { $0.outcome == .failed } }
}
