/// A request to move an application to another stage of the workflow.
public struct StageMoveRequest: Sendable, Hashable {
    /// The application to move.
    public var application: ApplicationID
    /// The stage to move it to. For providers without stage objects (Tracker), the status name.
    public var stage: StageID
    /// Move only if the application is still in this stage: protects a recruiter's concurrent
    /// move from being overwritten. When it is elsewhere, nothing is sent and the call throws
    /// ``ATSError/Code/conflict``.
    public var onlyFromStage: StageID?
    /// How long to wait, and for what.
    public var wait: ATSWaitPolicy

    /// Creates a move request.
    /// - Parameters:
    ///   - application: The application.
    ///   - stage: The target stage.
    ///   - onlyFromStage: The stage the application must still be in (default: any).
    ///   - wait: What to wait for (default: applied and read back).
    public init(
        application: ApplicationID,
        to stage: StageID,
        onlyFromStage: StageID? = nil,
        wait: ATSWaitPolicy = .verified
    ) {
        self.application = application
        self.stage = stage
        self.onlyFromStage = onlyFromStage
        self.wait = wait
    }
}

/// What a stage move did.
public struct StageMoveResult: Sendable, Hashable {
    /// The application moved.
    public var application: ApplicationID
    /// The stage it was in before the move, as read just before sending it.
    public var previousStage: Stage?
    /// The stage it was moved to.
    public var stage: Stage
    /// How far the move has got: ``ATSWriteState/unchanged`` when it was already there.
    public var state: ATSWriteState
    /// The provider's reference for the write (Tracker: the workflow action's id), if any.
    public var reference: String?

    /// Creates a result.
    /// - Parameters:
    ///   - application: The application.
    ///   - previousStage: The stage before.
    ///   - stage: The stage after.
    ///   - state: How far the move got.
    ///   - reference: The provider's reference.
    public init(
        application: ApplicationID,
        previousStage: Stage?,
        stage: Stage,
        state: ATSWriteState,
        reference: String? = nil
    ) {
        self.application = application
        self.previousStage = previousStage
        self.stage = stage
        self.state = state
        self.reference = reference
    }
}
