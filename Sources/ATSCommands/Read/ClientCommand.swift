import ATSCore
import ArgumentParser
import Foundation
import TrackerAPI
import TrackerATS
import WorkableATS

/// A command that talks to an ATS through ATSKit's neutral client, whichever provider `--provider`
/// chooses: it checks its own flags, connects (or starts `--sandbox`), does its work, and turns any
/// failure into one paragraph on standard error and a non-zero exit.
protocol ClientCommand: AsyncParsableCommand {
    /// The provider, server and credentials.
    var connection: ConnectionOptions { get }

    /// Settings given by the command's own flags, which override the environment and the profile.
    var settingFlags: [SettingKey: SettingValue] { get }

    /// Checks the flags that only make sense together, before anything is connected or started.
    func checkBeforeConnecting() throws

    /// The command's work, given a connected client; tests call it with their own output.
    func execute(_ client: any ATSClient, output: CommandOutput) async throws

    /// Whether the command writes in a person's name where the provider records one (Workable's
    /// member), so that the output says whose.
    static var writesAsAMember: Bool { get }
}

extension ClientCommand {
    var settingFlags: [SettingKey: SettingValue] { [:] }

    static var writesAsAMember: Bool { false }

    func checkBeforeConnecting() throws {}

    func run() async throws {
        try await reporting {
            try checkBeforeConnecting()
            try await connection.withATSClient(flags: settingFlags) { client in
                try await execute(client, output: .standard)
                await ProviderCommandNotes.print(after: client, wrote: Self.writesAsAMember)
            }
        }
    }
}

/// A command that uses what only Tracker has (workflow actions, triggers, its status bookkeeping):
/// it runs with provider `tracker` and refuses any other, naming the provider.
protocol TrackerClientCommand: AsyncParsableCommand {
    /// The provider, server and credentials.
    var connection: ConnectionOptions { get }

    /// Settings given by the command's own flags, which override the environment and the profile.
    var settingFlags: [SettingKey: SettingValue] { get }

    /// Checks the flags that only make sense together, before anything is connected or started.
    func checkBeforeConnecting() throws

    /// The command's work, given a connected client; tests call it with their own output.
    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws
}

extension TrackerClientCommand {
    var settingFlags: [SettingKey: SettingValue] { [:] }

    func checkBeforeConnecting() throws {}

    func run() async throws {
        try await reporting {
            try checkBeforeConnecting()
            try checkProviderIsTracker(environment: ProcessInfo.processInfo.environment)
            try await connection.withClient(flags: settingFlags) { client in
                try await execute(client, output: .standard)
                TrackerCommandNotes.print(after: client)
            }
        }
    }
}

extension TrackerClientCommand {
    /// Refuses a provider other than Tracker, before anything is connected.
    /// - Throws: ``CommandFailure`` (usage, exit status 64) naming the command, the chosen provider,
    ///   where it was chosen and what to use instead.
    func checkProviderIsTracker(environment: [String: String]) throws {
        let settings = try connection.settings(environment: environment, flags: settingFlags)
        let registration = try ProviderRegistry.active.registration(for: settings)
        guard registration.name == .tracker else {
            throw CommandFailure.usage(
                TrackerOnlyCommands.refusal(
                    command: Self.self, provider: registration.name.rawValue,
                    origin: settings.origin(of: .provider)))
        }
    }
}

/// What the commands only Tracker can run say to a person who chose another provider.
enum TrackerOnlyCommands {
    /// The refusal: the whole command, the provider and where it was chosen, and what to use instead.
    static func refusal(command: any ParsableCommand.Type, provider: String, origin: String) -> String {
        let path = ATSCommand.path(of: command) ?? (command.configuration.commandName ?? "")
        return "`ats \(path)` works with provider tracker only; provider \(provider)\(origin) has no "
            + "\(lacking(path)). \(instead(path, provider: provider)) `ats coverage` shows what \(provider) supports."
    }

    /// What the other providers lack, in the words of the command's group.
    private static func lacking(_ path: String) -> String {
        if path.hasPrefix("actions") { return "workflow actions" }
        if path.hasPrefix("triggers") { return "workflow triggers" }
        return "hire marking (hired_at, start_date)"
    }

    /// What to run instead on `provider`.
    private static func instead(_ path: String, provider: String) -> String {
        if path.hasPrefix("triggers") {
            return provider == "workable"
                ? "Instead, receive Workable's webhooks with `ats webhooks listen --provider workable`."
                : "Instead, poll for changes with `ats sync --provider \(provider)`."
        }
        if path.hasPrefix("actions") {
            return "Instead, use the commands that write directly: `ats applications move`, "
                + "`ats applications reject`, `ats notes add` (with --provider \(provider))."
        }
        return "Instead, move the application to the account's hired stage with `ats applications move ID STAGE "
            + "--provider \(provider)` (`ats stages list --provider \(provider)` names the stages)."
    }
}

/// What a command tells a person after talking to any provider.
enum ProviderCommandNotes {
    /// Tracker's notes after a Tracker client; after a write through Workable, the member it was
    /// recorded against (configured, or the account's first active admin).
    static func print(after client: any ATSClient, wrote: Bool) async {
        if let tracker = client as? TrackerATSClient { TrackerCommandNotes.print(after: tracker) }
        if wrote, let workable = client as? WorkableATSClient, let member = try? await workable.writeMember() {
            standardError("Workable: \(member.summary)")
        }
    }
}

/// What a command tells a person after talking to Tracker: endpoints the server lacks, and a time
/// zone to configure.
enum TrackerCommandNotes {
    static func print(after client: TrackerATSClient) {
        MissingEndpointWarnings.print(client.api.missingEndpoints)
        if let note = TimeZoneAdvice.note(for: client) { standardError(note) }
    }
}

extension ATSCommand {
    /// The words after `ats` that run `command`, such as `applications hire`; nil for a command
    /// that is not in the tree.
    static func path(of command: any ParsableCommand.Type) -> String? {
        func find(_ node: any ParsableCommand.Type, _ words: [String]) -> [String]? {
            let here = words + [node.configuration.commandName ?? ""]
            if node == command { return here }
            for child in node.configuration.subcommands {
                if let found = find(child, here) { return found }
            }
            return nil
        }
        for top in configuration.subcommands {
            if let found = find(top, []) { return found.joined(separator: " ") }
        }
        return nil
    }
}
