import ArgumentParser
import Foundation

/// `ats config`: where the configuration file is, and the settings a command would use.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the configuration file and the settings resolved from it.",
        discussion: """
            Settings come from flags, then environment variables, then the chosen profile of the configuration \
            file (TOML, with [profiles.NAME] sections), then defaults. Each provider reads its own environment \
            variables (TRACKER_…, TRACKER_RMS_…, WORKABLE_…) and `config show` lists the settings of the chosen \
            one (--provider). A profile names the environment variable that holds a secret (api_password_env, \
            password_env, rest_token_env, api_token_env), never the secret. See docs/CONFIGURATION.md.
            """,
        subcommands: [ConfigShowCommand.self, ConfigPathCommand.self]
    )
}

/// `ats config path`: the configuration file's path.
struct ConfigPathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Print the configuration file's path (from --config, ATS_CONFIG or the platform's default).")

    @Option(help: "The configuration file (env ATS_CONFIG).") var config: String?

    func run() async throws {
        try await reporting { execute(environment: ProcessInfo.processInfo.environment, output: .standard) }
    }

    /// Prints the path; tests call it with their own environment and output.
    func execute(environment: [String: String], output: CommandOutput) {
        output.line(ConfigLocation.resolve(flag: config, environment: environment).path)
    }
}

/// `ats config show`: every setting, its value (secrets redacted) and where it came from.
struct ConfigShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the resolved settings and where each came from; secrets are never shown.")

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The status that means rejected, as reject would take it.") var rejectionStatus: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        try await reporting { try execute(environment: ProcessInfo.processInfo.environment, output: .standard) }
    }

    /// Prints the settings; tests call it with their own environment and output.
    func execute(environment: [String: String], output: CommandOutput) throws {
        let flags: [SettingKey: SettingValue] = rejectionStatus.map { [.rejectionStatus: .text($0)] } ?? [:]
        let settings = try connection.settings(environment: environment, flags: flags)
        let file =
            settings.location.path + " (" + settings.location.originDescription
            + (settings.fileExists ? ")" : "; not there)")
        let profile = settings.profile.map { "\($0.name) (from \(settings.profileChosenBy ?? "?"))" } ?? "none"
        // The settings the chosen provider reads: `--provider workable` shows api_token, not api_password.
        let rows = SettingKey.keys(for: settings.provider).map { key in
            (key.rawValue, Self.shown(key, settings), settings.source(of: key).brief)
        }
        if json {
            output.line(
                try RecordJSON.line(
                    ShowObject(
                        configFile: settings.location.path, configFileExists: settings.fileExists,
                        profile: settings.profile?.name,
                        settings: Dictionary(
                            uniqueKeysWithValues: rows.map { ($0.0, SettingObject(value: $0.1, source: $0.2)) }))))
            return
        }
        output.line("Configuration file: \(file)")
        output.line("Profile: \(profile)")
        // Plain columns, never cut: a value or a source is what a person checks here.
        let width = max(5, rows.map { ($0.1 ?? "-").count }.max() ?? 0)
        output.line("SETTING           " + "VALUE".padding(toLength: width, withPad: " ", startingAt: 0) + "  FROM")
        for row in rows {
            output.line(
                row.0.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + (row.1 ?? "-").padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.2)
        }
    }

    /// The value as shown: secrets redacted, a database URL without its password.
    static func shown(_ key: SettingKey, _ settings: ResolvedSettings) -> String? {
        guard let value = settings.entries[key]?.value else { return nil }
        if key.isSecret { return "(set, redacted)" }
        switch value {
        case .text(let text): return key == .database ? SecretText.redactingPassword(text) : text
        case .list(let list): return list.joined(separator: ", ")
        case .number(let number): return number == number.rounded() ? String(Int(number)) : String(number)
        }
    }

    struct SettingObject: Encodable {
        var value: String?
        var source: String
    }

    struct ShowObject: Encodable {
        var configFile: String
        var configFileExists: Bool
        var profile: String?
        var settings: [String: SettingObject]
    }
}
