import ATSCore
import ArgumentParser
import TrackerATS

/// `ats applications move ID STAGE`: moves an application to another stage.
struct ApplicationsMoveCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move an application to another stage (status).",
        discussion: """
            Works with every provider that can move applications (`ats coverage` shows which). By default the \
            command waits until the move has been applied and reads the application back. With --only-from, \
            nothing is sent unless the application is still in that stage, so a recruiter's move is never \
            overwritten. A stage the provider does not know gets "did you mean" and nothing is sent. \
            Tracker runs the move as a set_app_status workflow action, asynchronously, and cannot list its \
            statuses: a stage must be one the account's applications are in (learned from the account, or \
            from the mirror given with --database), or named with --known-stage or known_stages in a profile. \
            Providers that list their stages (tracker-rms, workable) check the name against that list.
            """
    )

    static let writesAsAMember = true

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

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        await AccountFacts.observe(facts.knownStages, in: client)
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
                + "(\(Self.describe(result.state, provider: client.capabilities.provider))"
                + (result.reference.map { ", action \($0)" } ?? (client is TrackerATSClient ? ", action ?" : "")) + ")."
        output.line(summary)
    }

    /// What a write's state means, in the provider's words.
    static func describe(_ state: ATSWriteState, provider: ATSProvider = .tracker) -> String {
        let name = provider == .tracker ? "Tracker" : provider.rawValue
        switch state {
        case .unchanged: return "nothing to do"
        case .accepted: return "accepted; \(name) will run it shortly"
        case .executed: return "run by \(name)"
        case .verified: return "run and verified"
        }
    }
}
