public import ArgumentParser

/// The `ats` command line: the root command that holds every subcommand.
public struct ATSCommand: AsyncParsableCommand {
    /// The command's name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "ats",
        abstract: "Integrate with applicant tracking systems (Tracker first; see `ats coverage`).",
        discussion: """
            Every command talks to the provider --provider names (env ATS_PROVIDER, or provider in a profile; \
            default tracker). For Tracker it reads the server and credentials from --base-url, --api-key, \
            --api-password and \
            --timezone, or from TRACKER_BASE_URL, TRACKER_API_KEY, TRACKER_API_PASSWORD and TRACKER_TIMEZONE, or \
            from a profile of the configuration file (--profile, ATS_PROFILE; see `ats config show`).
            """,
        version: ATSVersion.current,
        subcommands: [
            DemoCommand.self, SyncCommand.self, SandboxCommand.self, CoverageCommand.self, JobsCommand.self,
            ApplicationsCommand.self, StagesCommand.self,
            CandidatesCommand.self, NotesCommand.self, FilesCommand.self, CustomFieldsCommand.self,
            ActionsCommand.self, TriggersCommand.self, WebhooksCommand.self, ConfigCommand.self,
            BridgeCommand.self,
        ]
    )

    /// Creates the root command; ArgumentParser calls this when it parses a command line.
    public init() {}
}

extension ATSCommand {
    /// Parses the process's arguments, runs the chosen subcommand, and exits with its status.
    ///
    /// Called from the `ats` executable. It exists because a plain `ATSCommand.main()` at top level
    /// can resolve to the synchronous `ParsableCommand.main()`, which cannot run async subcommands.
    public static func start() async {
        await runAsynchronously(Self.self)
    }
}

private func runAsynchronously<Command: AsyncParsableCommand>(_ command: Command.Type) async {
    await command.main(nil)
}
