import ATSCore
import ArgumentParser
import TrackerATS

/// `ats applications move ID STAGE`: moves an application to another stage.
struct ApplicationsMoveCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move an application to another stage (status).",
        discussion: """
            Tracker runs the move as a set_app_status workflow action, asynchronously; by default the command \
            waits until it has run and reads the application back. With --only-from, nothing is sent unless the \
            application is still in that stage, so a recruiter's move is never overwritten. Tracker cannot list \
            its statuses: a stage must be one the account's applications are in (learned from the account, or \
            from the mirror given with --database), or named with --known-stage or known_stages in a profile; \
            a name that is not gets "did you mean" and nothing is sent.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The application's id.") var id: String
    @Argument(help: "The stage (status name) to move it to.") var stage: String
    @Option(name: .customLong("only-from"), help: "Move only if the application is still in this stage.")
    var onlyFrom: String?
    @OptionGroup var facts: AccountFactsOptions
    @OptionGroup var waiting: WaitOptions
    @Flag(help: "Print one JSON object.") var json = false

    func checkBeforeConnecting() throws {
        try waiting.check()
    }

    var settingFlags: [SettingKey: SettingValue] { facts.settingFlags }

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        await client.metadata.observe(statuses: facts.knownStages)
        let result = try await client.moveToStage(
            StageMoveRequest(
                application: ApplicationID(id), to: StageID(stage), onlyFromStage: onlyFrom.map(StageID.init),
                wait: waiting.policy))
        if json {
            output.line(
                try RecordJSON.line(
                    WriteJSON.MoveObject(
                        applicationId: result.application.rawValue, previousStage: result.previousStage?.name,
                        stage: result.stage.name, state: result.state.rawValue, actionId: result.reference)))
            return
        }
        let summary =
            result.state == .unchanged
            ? "Application \(id) is already in stage '\(result.stage.name)'; nothing was sent."
            : "Application \(id) moved from '\(result.previousStage?.name ?? "none")' to '\(result.stage.name)' "
                + "(\(Self.describe(result.state)), action \(result.reference ?? "?"))."
        output.line(summary)
    }

    static func describe(_ state: ATSWriteState) -> String {
        switch state {
        case .unchanged: "nothing to do"
        case .accepted: "accepted; Tracker will run it shortly"
        case .executed: "run by Tracker"
        case .verified: "run and verified"
        }
    }
}
