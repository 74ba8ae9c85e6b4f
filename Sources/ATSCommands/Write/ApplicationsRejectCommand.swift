import ATSCore
import ArgumentParser
import TrackerATS

/// The options `reject` and `bulk-reject` share.
struct RejectionArguments: ParsableArguments {
    @Option(
        help: """
            The status that means rejected, for providers that reject by moving (tracker: env \
            TRACKER_REJECTION_STATUS; tracker-rms: TRACKER_RMS_REJECTION_STATUS; or rejection_status in a \
            profile). Default: the account's one status that reads like a rejection (Rejected, Not Selected, \
            Declined…), or tracker-rms's Unsuccessful group.
            """)
    var rejectionStatus: String?
    @Option(
        help: """
            Why, for a person. Where the provider has rejection reasons (workable), a reason's id or text; where \
            it has none (tracker, tracker-rms), it is kept as a note on the application.
            """)
    var reason: String?
    @Flag(name: .customLong("no-note"), help: "Do not keep the reason as a note.") var noNote = false
    @Flag(help: "Archive the application too.") var archive = false

    /// The settings these flags give.
    var settingFlags: [SettingKey: SettingValue] {
        rejectionStatus.map { [.rejectionStatus: .text($0)] } ?? [:]
    }

    func options(wait: ATSWaitPolicy) -> RejectionOptions {
        RejectionOptions(reason: reason, recordsReasonAsNote: !noNote, archives: archive, wait: wait)
    }
}

/// `ats applications reject ID`: rejects one application.
struct ApplicationsRejectCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject one application.",
        discussion: """
            Rejects the application the provider's way: Tracker and Tracker RMS move it to the rejection status \
            (--rejection-status; by default the account's one status that reads like a rejection, such as \
            Rejected or Not Selected), Workable disqualifies it. With --archive (Tracker), it is archived too. An \
            application already rejected is left alone. Where the reason becomes a note, it is added once the \
            rejection has been applied, never before.
            """
    )

    static let writesAsAMember = true

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The application's id.") var id: String
    @OptionGroup var rejection: RejectionArguments
    @OptionGroup var waiting: WaitOptions
    @OptionGroup var facts: AccountFactsOptions
    @Flag(help: "Print one JSON object.") var json = false

    var settingFlags: [SettingKey: SettingValue] { facts.settingFlags.merging(rejection.settingFlags) { $1 } }

    func checkBeforeConnecting() throws {
        try waiting.check()
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        await AccountFacts.observe(facts.knownStages, in: client)
        let result = try await client.reject(ApplicationID(id), options: rejection.options(wait: waiting.policy))
        var reasonText = "no reason given"
        var noteID: String?
        switch result.reason {
        case .notGiven: break
        case .providerReason: reasonText = "stored as the rejection reason"
        case .note(let id):
            reasonText = "kept as note \(id)"
            noteID = id.rawValue
        case .notRecorded(let why): reasonText = "not recorded: \(why.withoutFinalFullStops)"
        }
        if json {
            output.line(
                try RecordJSON.line(
                    WriteJSON.RejectObject(
                        applicationId: id, outcome: result.outcome.rawValue, stage: result.stage.name,
                        archived: result.isArchived, state: result.state.rawValue, reason: reasonText,
                        reasonNoteId: noteID, actionIds: result.references)))
            return
        }
        switch result.outcome {
        case .alreadyRejected:
            output.line("Application \(id) was already rejected ('\(result.stage.name)'); nothing was sent.")
        case .rejected:
            output.line(
                "Application \(id) rejected ('\(result.stage.name)'\(result.isArchived ? ", archived" : ""); "
                    + "\(ApplicationsMoveCommand.describe(result.state, provider: client.capabilities.provider))). Reason: \(reasonText)."
            )
        }
    }
}
