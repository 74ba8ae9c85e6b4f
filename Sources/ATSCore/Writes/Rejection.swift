/// How to reject: the reason, whether to keep it as a note, whether to archive, how long to wait.
public struct RejectionOptions: Sendable, Hashable {
    /// Why the application is rejected, for a person. Providers without rejection reasons (Tracker)
    /// can only keep it as a note (see ``recordsReasonAsNote``).
    public var reason: String?
    /// Whether to add the reason to the application as a plain-text note when the provider cannot
    /// store it as a rejection reason.
    public var recordsReasonAsNote: Bool
    /// Whether to archive (set aside) the application as well.
    public var archives: Bool
    /// How long to wait, and for what.
    public var wait: ATSWaitPolicy

    /// Creates rejection options.
    /// - Parameters:
    ///   - reason: Why, for a person (default none).
    ///   - recordsReasonAsNote: Keep the reason as a note (default true).
    ///   - archives: Archive too (default false).
    ///   - wait: What to wait for (default: applied and read back).
    public init(
        reason: String? = nil,
        recordsReasonAsNote: Bool = true,
        archives: Bool = false,
        wait: ATSWaitPolicy = .verified
    ) {
        self.reason = reason
        self.recordsReasonAsNote = recordsReasonAsNote
        self.archives = archives
        self.wait = wait
    }
}

/// What became of the rejection reason a caller gave.
public enum RejectionReasonRecord: Sendable, Hashable {
    /// No reason was given.
    case notGiven
    /// The provider stored it as the application's rejection reason.
    case providerReason
    /// It was added to the application as a note, since the provider has no rejection reasons.
    case note(NoteID)
    /// It was not stored anywhere; the text says why (for example, the caller asked for no note).
    case notRecorded(String)
}

/// Whether a rejection changed anything.
public enum RejectionOutcome: String, Sendable, Hashable, Codable {
    /// The application was rejected by this call.
    case rejected
    /// The application was already rejected (and archived, when asked): nothing was sent.
    case alreadyRejected
}

/// What rejecting one application did.
public struct RejectionResult: Sendable, Hashable {
    /// The application.
    public var application: ApplicationID
    /// Rejected now, or already rejected.
    public var outcome: RejectionOutcome
    /// The stage that means "rejected" (Tracker: the configured rejection status).
    public var stage: Stage
    /// Whether the application was archived as asked (false when archiving was not asked for).
    public var isArchived: Bool
    /// What became of the reason.
    public var reason: RejectionReasonRecord
    /// How far the rejection has got.
    public var state: ATSWriteState
    /// The provider's references for the writes sent (Tracker: workflow action ids).
    public var references: [String]

    /// Creates a result.
    /// - Parameters:
    ///   - application: The application.
    ///   - outcome: Rejected now or already.
    ///   - stage: The rejection stage.
    ///   - isArchived: Whether it was archived as asked.
    ///   - reason: What became of the reason.
    ///   - state: How far it got.
    ///   - references: The provider's references.
    public init(
        application: ApplicationID,
        outcome: RejectionOutcome,
        stage: Stage,
        isArchived: Bool,
        reason: RejectionReasonRecord,
        state: ATSWriteState,
        references: [String] = []
    ) {
        self.application = application
        self.outcome = outcome
        self.stage = stage
        self.isArchived = isArchived
        self.reason = reason
        self.state = state
        self.references = references
    }
}
