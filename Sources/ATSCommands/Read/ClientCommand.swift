import ArgumentParser
import TrackerAPI
import TrackerATS

/// A command that talks to Tracker: it checks its own flags, connects (or starts `--sandbox`), does
/// its work, and turns any failure into one paragraph on standard error and a non-zero exit.
protocol ClientCommand: AsyncParsableCommand {
    /// The server and credentials.
    var connection: ConnectionOptions { get }

    /// Settings given by the command's own flags, which override the environment and the profile.
    var settingFlags: [SettingKey: SettingValue] { get }

    /// Checks the flags that only make sense together, before anything is connected or started.
    func checkBeforeConnecting() throws

    /// The command's work, given a connected client; tests call it with their own output.
    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws
}

extension ClientCommand {
    var settingFlags: [SettingKey: SettingValue] { [:] }

    func checkBeforeConnecting() throws {}

    func run() async throws {
        try await reporting {
            try checkBeforeConnecting()
            try await connection.withClient(flags: settingFlags) { client in
                try await execute(client, output: .standard)
                MissingEndpointWarnings.print(client.api.missingEndpoints)
                if let note = TimeZoneAdvice.note(for: client) { standardError(note) }
            }
        }
    }
}
