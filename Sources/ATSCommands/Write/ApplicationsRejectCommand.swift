import ATSCore
import ArgumentParser
import TrackerATS

/// The options `reject` and `bulk-reject` share.
struct RejectionArguments: ParsableArguments {
    @Option(help: "Why, for a person. Tracker has no rejection reasons: it is kept as a note on the application.")
    var reason: String?
    @Flag(name: .customLong("no-note"), help: "Do not keep the reason as a note.") var noNote = false
    @Flag(help: "Archive the application too.") var archive = false

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
            Moves the application to the rejection status ("Not Selected" unless configured otherwise) and, \
            with --archive, archives it. An application already rejected is left alone.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The application's id.") var id: String
    @OptionGroup var rejection: RejectionArguments
    @OptionGroup var waiting: WaitOptions
    @Flag(help: "Print one JSON object.") var json = false

    func checkBeforeConnecting() throws {
        try waiting.check()
    }

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
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
                    + "\(ApplicationsMoveCommand.describe(result.state))). Reason: \(reasonText).")
        }
    }
}
