import ArgumentParser
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

@testable import ATSCommands

/// A folder with a configuration file, removed afterwards.
private struct ConfigFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ats-config-\(UUID().uuidString)")

    var file: String { url.appendingPathComponent("config.toml").path }

    /// Writes the file with the given permissions.
    func write(_ text: String, mode: Int = 0o600) throws -> String {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        return file
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

private func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
    try #require(try ATSCommand.parseAsRoot(arguments) as? Command)
}

private let acme = """
    # Accounts this machine syncs.
    default_profile = "acme"

    [profiles.acme]
    provider = "tracker"
    base_url = "https://acme.applicant-tracking.com/api/v1"
    api_key = "acme-key-123"
    api_password_env = "ACME_TRACKER_PASSWORD"
    timezone = "America/Chicago"
    rejection_status = "Rejected"
    known_stages = ["New", "Review", "Interview", "Hired", "Rejected"]
    rate_limit = 5
    database = "postgres://ats:db-pa55@db.internal/ats"

    [profiles.globex]
    base_url = "https://globex.applicant-tracking.com/api/v1"
    """

@Suite struct ProfileTests {
    @Test func aProfileGivesEverySettingAndSaysWhereItCameFrom() throws {
        let folder = ConfigFolder()
        defer { folder.remove() }
        let path = try folder.write(acme)
        let command = try parse(["jobs", "list", "--config", path], as: JobsListCommand.self)
        let resolved = try command.connection.resolve(environment: ["ACME_TRACKER_PASSWORD": "s3cret-pw"])
        let configuration = try #require(resolved.configuration)
        #expect(configuration.apiKey == "acme-key-123")
        #expect(configuration.apiPassword == "s3cret-pw")
        #expect(configuration.rateLimit?.requestsPerSecond == 5)
        #expect(resolved.timeZone?.identifier == "America/Chicago")
        let settings = resolved.settings
        #expect(settings.profile?.name == "acme")
        #expect(settings.profileChosenBy == "default_profile")
        #expect(settings.text(.rejectionStatus) == "Rejected")
        #expect(settings.knownStages == ["New", "Review", "Interview", "Hired", "Rejected"])
        #expect(settings.source(of: .baseURL) == .profile(name: "acme", path: path, line: 6))
        #expect(settings.source(of: .apiPassword) == .passwordVariable("ACME_TRACKER_PASSWORD", profile: "acme"))
    }

    @Test func flagsBeatTheEnvironmentWhichBeatsTheProfile() throws {
        let folder = ConfigFolder()
        defer { folder.remove() }
        let path = try folder.write(acme)
        let environment = [
            "ACME_TRACKER_PASSWORD": "s3cret-pw", "TRACKER_TIMEZONE": "Pacific/Honolulu",
            "TRACKER_BASE_URL": "https://env.example/api/v1", "TRACKER_REJECTION_STATUS": "Declined",
            "TRACKER_KNOWN_STAGES": "A, B",
        ]
        let command = try parse(
            ["jobs", "list", "--config", path, "--base-url", "https://flag.example/api/v1"], as: JobsListCommand.self)
        let settings = try command.connection.settings(
            environment: environment, flags: [.rejectionStatus: .text("Not a Fit")])
        #expect(settings.text(.baseURL) == "https://flag.example/api/v1")
        #expect(settings.source(of: .baseURL) == .flag("--base-url"))
        #expect(settings.text(.timezone) == "Pacific/Honolulu")
        #expect(settings.source(of: .timezone) == .environment("TRACKER_TIMEZONE"))
        #expect(settings.text(.rejectionStatus) == "Not a Fit")
        #expect(settings.knownStages == ["A", "B"])
        #expect(settings.text(.apiKey) == "acme-key-123")
        #expect(settings.text(.provider) == "tracker")

        let other = try parse(["jobs", "list", "--config", path, "--profile", "globex"], as: JobsListCommand.self)
        let globex = try other.connection.settings(environment: ["ATS_PROFILE": "acme"])
        #expect(globex.profile?.name == "globex")
        #expect(globex.text(.apiKey) == nil)
        #expect(globex.text(.database) == "tracker.sqlite")
        #expect(globex.source(of: .database) == .defaultValue)
        let chosenByEnvironment = try parse(["jobs", "list"], as: JobsListCommand.self).connection.settings(
            environment: ["ATS_CONFIG": path, "ATS_PROFILE": "globex"])
        #expect(chosenByEnvironment.profileChosenBy == "ATS_PROFILE")
    }

    @Test func theSandboxTakesNoProfileUnlessOneIsNamed() throws {
        let folder = ConfigFolder()
        defer { folder.remove() }
        let path = try folder.write(acme)
        let implicit = try parse(["sync", "--sandbox", "--config", path], as: SyncCommand.self)
        let settings = try implicit.connection.settings(environment: ["ATS_PROFILE": "acme"])
        #expect(settings.profile == nil)
        #expect(settings.text(.database) == "tracker.sqlite")
        let named = try parse(["sync", "--sandbox", "--config", path, "--profile", "globex"], as: SyncCommand.self)
        #expect(try named.connection.settings(environment: [:]).profile?.name == "globex")
    }

    @Test func configShowRedactsSecretsAndNamesSources() throws {
        let folder = ConfigFolder()
        defer { folder.remove() }
        let path = try folder.write(acme)
        let captured = CapturedOutput()
        try parse(["config", "show", "--config", path], as: ConfigShowCommand.self).execute(
            environment: ["ACME_TRACKER_PASSWORD": "s3cret-pw"], output: captured.output)
        let text = captured.lines.joined(separator: "\n")
        #expect(!text.contains("s3cret-pw"))
        #expect(!text.contains("acme-key-123"))
        #expect(!text.contains("db-pa55"))
        #expect(text.contains("Profile: acme (from default_profile)"))
        #expect(text.contains("https://acme.applicant-tracking.com/api/v1"))
        #expect(text.contains("environment ACME_TRACKER_PASSWORD (api_password_env of 'acme')"))
        #expect(text.contains("Rejected   ") && text.contains("profile 'acme', line 10"))

        let json = CapturedOutput()
        try parse(["config", "show", "--config", path, "--json"], as: ConfigShowCommand.self).execute(
            environment: [:], output: json.output)
        let object = try #require(
            JSONSerialization.jsonObject(with: Data((json.lines.first ?? "").utf8)) as? [String: Any])
        let settings = try #require(object["settings"] as? [String: [String: String]])
        #expect(settings["api_key"]?["value"] == "(set, redacted)")
        #expect(settings["api_password"]?["source"] == "not set")
        #expect(settings["rate_limit"]?["value"] == "5")
    }

    @Test func configPathFollowsTheFlagTheEnvironmentAndXDG() throws {
        func path(_ arguments: [String], _ environment: [String: String]) throws -> String? {
            let captured = CapturedOutput()
            try parse(["config", "path"] + arguments, as: ConfigPathCommand.self).execute(
                environment: environment, output: captured.output)
            return captured.lines.first
        }
        #if !os(macOS)
            #expect(try path([], ["HOME": "/home/ada"]) == "/home/ada/.config/ats/config.toml")
            #expect(try path([], ["HOME": "/home/ada", "XDG_CONFIG_HOME": "/cfg"]) == "/cfg/ats/config.toml")
            #expect(
                try path([], ["HOME": "/home/ada", "XDG_CONFIG_HOME": "relative"])
                    == "/home/ada/.config/ats/config.toml")
        #else
            #expect(try path([], ["HOME": "/Users/ada"]) == "/Users/ada/Library/Application Support/ats/config.toml")
        #endif
        #expect(try path([], ["HOME": "/home/ada", "ATS_CONFIG": "/etc/ats.toml"]) == "/etc/ats.toml")
        #expect(try path(["--config", "./mine.toml"], ["ATS_CONFIG": "/etc/ats.toml"]) == "./mine.toml")
    }

    @Test(arguments: [
        (
            "[profiles.acme]\nbase_url = \"https://x.example/api/v1\"\napi_password = \"hunter2\"\n", ":3:",
            "api_password_env"
        ),
        (
            "[profiles.acme]\nbase_url = \"https://x.example/api/v1\"\ntimezone = \"UTC\"\nbase_ulr = \"x\"\n", ":4:",
            "unknown key 'base_ulr' in [profiles.acme]"
        ),
        ("[profiles.acme]\nbase_url = \"https://x.example/api/v1\n", ":2:", "not valid TOML"),
        ("[profiles.acme]\nrate_limit = \"fast\"\n", ":2:", "rate_limit must be a number"),
        ("[profiles.acme]\nknown_stages = \"New\"\n", ":2:", "known_stages must be a list"),
        ("[profiles.acme]\napi_password_env = \"hunter2 !\"\n", ":2:", "NAME of an environment variable"),
        ("colour = \"blue\"\n", ":1:", "unknown key 'colour'"),
        ("default_profile = \"prod\"\n[profiles.acme]\n", ":1:", "no [profiles.prod] section"),
    ])
    func aBadFileIsExplainedWithItsPathAndLine(text: String, line: String, message: String) throws {
        let folder = ConfigFolder()
        defer { folder.remove() }
        let path = try folder.write(text)
        let command = try parse(["jobs", "list", "--config", path], as: JobsListCommand.self)
        let failure = try #require(throws: CommandFailure.self) { try command.connection.settings(environment: [:]) }
        #expect(failure.message.contains(path + line), "\(failure.message)")
        #expect(failure.message.contains(message), "\(failure.message)")
        #expect(!failure.message.contains("hunter2\""))
        #expect(failure.exitCode == ExitCode.validationFailure.rawValue)
    }

    @Test func aMissingProfileOrFileIsExplained() throws {
        let folder = ConfigFolder()
        defer { folder.remove() }
        let path = try folder.write(acme)
        let wrongProfile = try parse(
            ["jobs", "list", "--config", path, "--profile", "initech"], as: JobsListCommand.self)
        let missing = try #require(throws: CommandFailure.self) {
            try wrongProfile.connection.settings(environment: [:])
        }
        #expect(missing.message.contains("no [profiles.initech] section"))
        #expect(missing.message.contains("acme, globex"))

        let noFile = try parse(["jobs", "list", "--config", path + ".gone"], as: JobsListCommand.self)
        let gone = try #require(throws: CommandFailure.self) { try noFile.connection.settings(environment: [:]) }
        #expect(gone.message.contains("No configuration file at \(path).gone (from --config)"))

        let noDefault = try parse(["jobs", "list", "--profile", "acme"], as: JobsListCommand.self)
        let absent = try #require(throws: CommandFailure.self) {
            try noDefault.connection.settings(environment: ["HOME": folder.url.appendingPathComponent("home").path])
        }
        #expect(absent.message.contains("--profile names the profile 'acme', but there is no configuration file"))

        let unset = try parse(["jobs", "list", "--config", path], as: JobsListCommand.self)
        let noPassword = try #require(throws: CommandFailure.self) { try unset.connection.resolve(environment: [:]) }
        #expect(noPassword.message.contains("ACME_TRACKER_PASSWORD, which is not set"))
    }

    @Test func aFileOthersCanReadIsRefusedWhileItHoldsAKey() throws {
        let folder = ConfigFolder()
        defer { folder.remove() }
        let path = try folder.write(acme, mode: 0o644)
        let command = try parse(["jobs", "list", "--config", path], as: JobsListCommand.self)
        let failure = try #require(throws: CommandFailure.self) { try command.connection.settings(environment: [:]) }
        #expect(failure.message.contains("can be read by other users (mode 644)"))
        #expect(failure.message.contains("chmod 600 '\(path)'"))
        #expect(!failure.message.contains("acme-key-123"))

        // Without a key or a database password, the file holds nothing secret.
        _ = try folder.write("[profiles.public]\nbase_url = \"https://x.example/api/v1\"\n", mode: 0o644)
        #expect(try command.connection.settings(environment: [:]).profile == nil)
    }

    @Test func aBadValueFromTheEnvironmentNamesTheVariable() throws {
        let command = try parse(["jobs", "list"], as: JobsListCommand.self)
        let failure = try #require(throws: CommandFailure.self) {
            try command.connection.settings(environment: ["ATS_RATE_LIMIT": "fast"])
        }
        #expect(failure.message.contains("ATS_RATE_LIMIT"))
        let unsupported = try #require(throws: CommandFailure.self) {
            try command.connection.settings(environment: ["ATS_PROVIDER": "workday"])
        }
        #expect(unsupported.message.contains("Unknown provider 'workday' (from environment ATS_PROVIDER)"))
    }

    @Test func theReadmeMoveWorksAgainstARunningAccountWithoutKnownStages() async throws {
        var configuration = SandboxConfiguration(jobCount: 4, applicationCount: 60)
        configuration.statuses = ["New", "Review", "Interview", "Hired", "Rejected"]
        try await withTrackerSandbox(configuration) { sandbox in
            let environment = [
                "TRACKER_BASE_URL": sandbox.baseURL, "TRACKER_API_KEY": sandbox.apiKey,
                "TRACKER_API_PASSWORD": sandbox.apiPassword,
            ]
            let id = try #require(sandbox.control.applications().first { $0.status == "New" }?.id)
            let move = try parse(["applications", "move", "\(id)", "Interview"], as: ApplicationsMoveCommand.self)
            let moved = CapturedOutput()
            try await move.connection.withClient(environment: environment, flags: move.settingFlags) {
                try await move.execute($0, output: moved.output)
            }
            #expect(moved.lines.first?.contains("moved from 'New' to 'Interview'") == true)

            let typo = try parse(["applications", "move", "\(id)", "Hird"], as: ApplicationsMoveCommand.self)
            let error = try await #require(throws: (any Error).self) {
                try await typo.connection.withClient(environment: environment, flags: typo.settingFlags) {
                    try await typo.execute($0, output: CapturedOutput().output)
                }
            }
            #expect(CommandFailure.explaining(error).message.contains("Did you mean 'Hired'?"))

            let reject = try parse(
                ["applications", "reject", "\(id)", "--reason", "Filled"], as: ApplicationsRejectCommand.self)
            let rejected = CapturedOutput()
            try await reject.connection.withClient(environment: environment, flags: reject.settingFlags) {
                try await reject.execute($0, output: rejected.output)
            }
            #expect(rejected.lines.first?.contains("rejected ('Rejected'") == true)
            let again = CapturedOutput()
            try await reject.connection.withClient(environment: environment, flags: reject.settingFlags) {
                try await reject.execute($0, output: again.output)
            }
            #expect(again.lines.first?.contains("was already rejected ('Rejected')") == true)
            #expect(sandbox.control.application(id: id)?.status == "Rejected")
        }
    }

    @Test func aProfileGivesSyncItsMirrorAndTheMirrorGivesTheStages() async throws {
        let folder = ConfigFolder()
        defer { folder.remove() }
        var configuration = SandboxConfiguration(jobCount: 4, applicationCount: 60)
        configuration.statuses = ["New", "Review", "Interview", "Hired", "Rejected"]
        try await withTrackerSandbox(configuration) { sandbox in
            let mirror = folder.url.appendingPathComponent("acme.sqlite").path
            let path = try folder.write(
                """
                [profiles.acme]
                base_url = "\(sandbox.baseURL)"
                api_key = "\(sandbox.apiKey)"
                api_password_env = "ACME_TRACKER_PASSWORD"
                database = "\(mirror)"
                """)
            let environment = ["ATS_CONFIG": path, "ATS_PROFILE": "acme", "ACME_TRACKER_PASSWORD": sandbox.apiPassword]
            let sync = try parse(["sync", "--quiet"], as: SyncCommand.self)
            try await sync.execute(environment: environment, output: CapturedOutput().output)
            #expect(FileManager.default.fileExists(atPath: mirror))

            let id = try #require(sandbox.control.applications().first { $0.status == "New" }?.id)
            let move = try parse(["applications", "move", "\(id)", "Hired"], as: ApplicationsMoveCommand.self)
            let moved = CapturedOutput()
            try await move.connection.withClient(environment: environment, flags: move.settingFlags) { client in
                try await move.execute(client, output: moved.output)
                // The stages came from the mirror: the account's applications were not read for them.
                #expect(await client.metadata.loadCount(of: .applicationStatuses) == 0)
                #expect(Set(await client.metadata.applicationStatuses()).isSuperset(of: ["New", "Hired", "Rejected"]))
            }
            #expect(moved.lines.first?.contains("to 'Hired'") == true)
        }
    }
}
