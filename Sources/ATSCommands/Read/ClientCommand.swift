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
    /// - Throws: ``CommandFailure`` (usage) naming the chosen provider.
    func checkProviderIsTracker(environment: [String: String]) throws {
        let registration = try connection.providerRegistration(environment: environment, flags: settingFlags)
        guard registration.name == .tracker else {
            throw CommandFailure.usage(
                "`ats \(Self.configuration.commandName ?? "")` uses what only Tracker has and works with provider "
                    + "tracker only; provider '\(registration.name)' was chosen. `ats coverage` shows what "
                    + "\(registration.name) supports.")
        }
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
