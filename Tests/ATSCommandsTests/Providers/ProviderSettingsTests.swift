import ATSCore
import ArgumentParser
import Foundation
import Testing

@testable import ATSCommands

/// The registry these tests resolve settings against: every provider the command line speaks.
private let providers = ProviderRegistry.standard

private func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
    try #require(try ATSCommand.parseAsRoot(arguments) as? Command)
}

/// A configuration file in a folder of its own, removed afterwards.
private struct ProfileFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ats-providers-\(UUID().uuidString)")

    func write(_ text: String) throws -> String {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let file = url.appendingPathComponent("config.toml").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        return file
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

private let secrets = [
    "rms-key-SECRET-1", "rms-pw-SECRET-2", "rms-rest-SECRET-3", "wk-token-SECRET-4", "tracker-key-SECRET-5",
    "tracker-pw-SECRET-6",
]

private let twoAccounts = """
    [profiles.harbour]
    provider = "tracker-rms"
    base_url = "https://evoapius.tracker-rms.com"
    username = "dana@harbour.example"
    password_env = "HARBOUR_RMS_PASSWORD"
    rest_token_env = "HARBOUR_RMS_REST"
    timezone = "Pacific/Honolulu"

    [profiles.careers]
    provider = "workable"
    base_url = "https://acme.workable.com/spi/v3"
    api_token_env = "ACME_WORKABLE_TOKEN"
    member_id = "13e0e7"
    """

@Suite struct ProviderSettingsTests {
    @Test func eachProviderReadsItsOwnEnvironmentVariables() throws {
        let environment = [
            "TRACKER_API_KEY": "tracker-key-SECRET-5", "TRACKER_API_PASSWORD": "tracker-pw-SECRET-6",
            "TRACKER_BASE_URL": "https://tracker.example/api/v1", "TRACKER_TIMEZONE": "America/Chicago",
            "TRACKER_RMS_API_KEY": "rms-key-SECRET-1", "TRACKER_RMS_BASE_URL": "https://evoapi.tracker-rms.com",
            "TRACKER_RMS_TIMEZONE": "America/Adak", "WORKABLE_API_TOKEN": "wk-token-SECRET-4",
            "WORKABLE_BASE_URL": "https://acme.workable.com/spi/v3", "WORKABLE_MEMBER_ID": "42ab",
        ]
        try ProviderRegistry.$active.withValue(providers) {
            let rms = try ConnectionOptions.parse(["--provider", "tracker-rms"]).settings(environment: environment)
            #expect(rms.text(.baseURL) == "https://evoapi.tracker-rms.com")
            #expect(rms.text(.apiKey) == "rms-key-SECRET-1")
            #expect(rms.text(.timezone) == "America/Adak")
            #expect(rms.source(of: .apiKey) == .environment("TRACKER_RMS_API_KEY"))
            #expect(rms.text(.apiToken) == nil)

            let workable = try ConnectionOptions.parse(["--provider", "workable"]).settings(environment: environment)
            #expect(workable.text(.baseURL) == "https://acme.workable.com/spi/v3")
            #expect(workable.text(.apiToken) == "wk-token-SECRET-4")
            #expect(workable.text(.memberID) == "42ab")
            #expect(workable.source(of: .memberID) == .environment("WORKABLE_MEMBER_ID"))
            #expect(workable.text(.apiKey) == nil)

            let tracker = try ConnectionOptions.parse([]).settings(environment: environment)
            #expect(tracker.text(.baseURL) == "https://tracker.example/api/v1")
            #expect(tracker.text(.apiKey) == "tracker-key-SECRET-5")
        }
    }

    @Test func aFlagAnotherProviderReadsIsRefusedNamingTheRightOnes() throws {
        try ProviderRegistry.$active.withValue(providers) {
            let token = try ConnectionOptions.parse(["--api-token", "wk-token-SECRET-4"])
            let error = try #require(throws: CommandFailure.self) { try token.settings(environment: [:]) }
            #expect(error.message.contains("--api-token is not a setting of provider tracker"))
            #expect(error.message.contains("it is workable's"))
            #expect(error.message.contains("Provider tracker takes: --base-url, --api-key, --api-password"))
            #expect(!error.message.contains("SECRET"))

            let password = try ConnectionOptions.parse(["--provider", "workable", "--api-password", "x"])
            let refusal = try #require(throws: CommandFailure.self) { try password.settings(environment: [:]) }
            #expect(refusal.message.contains("--api-password is not a setting of provider workable"))
            #expect(refusal.message.contains("--api-token, --member-id"))

            let username = try ConnectionOptions.parse(["--username", "dana@harbour.example"])
            let wrong = try #require(throws: CommandFailure.self) {
                try username.settings(environment: ["ATS_PROVIDER": "workable"])
            }
            #expect(wrong.message.contains("provider workable (from environment ATS_PROVIDER)"))
            #expect(wrong.message.contains("it is tracker-rms's"))
        }
    }

    @Test func profilesNameTheVariablesThatHoldSecretsAndConfigShowNeverPrintsThem() throws {
        let folder = ProfileFolder()
        defer { folder.remove() }
        let path = try folder.write(twoAccounts)
        let environment = [
            "HARBOUR_RMS_PASSWORD": "rms-pw-SECRET-2", "HARBOUR_RMS_REST": "rms-rest-SECRET-3",
            "ACME_WORKABLE_TOKEN": "wk-token-SECRET-4",
        ]
        try ProviderRegistry.$active.withValue(providers) {
            let harbour = try parse(
                ["config", "show", "--config", path, "--profile", "harbour"], as: ConfigShowCommand.self)
            let text = CapturedOutput()
            try harbour.execute(environment: environment, output: text.output)
            let rows = text.lines
            #expect(rows.contains { $0.hasPrefix("provider") && $0.contains("tracker-rms") })
            #expect(rows.contains { $0.hasPrefix("username") && $0.contains("dana@harbour.example") })
            #expect(
                rows.contains {
                    $0.hasPrefix("password ") && $0.contains("(set, redacted)")
                        && $0.contains("environment HARBOUR_RMS_PASSWORD (password_env of 'harbour')")
                })
            #expect(rows.contains { $0.hasPrefix("rest_token") && $0.contains("(set, redacted)") })
            #expect(rows.contains { $0.hasPrefix("timezone") && $0.contains("Pacific/Honolulu") })
            #expect(!rows.contains { $0.hasPrefix("api_password") || $0.hasPrefix("api_token") })

            let careers = try parse(
                ["config", "show", "--config", path, "--profile", "careers", "--json"], as: ConfigShowCommand.self)
            let json = CapturedOutput()
            try careers.execute(environment: environment, output: json.output)
            let object = try #require(
                JSONSerialization.jsonObject(with: Data((json.lines.first ?? "").utf8)) as? [String: Any])
            let settings = try #require(object["settings"] as? [String: [String: Any]])
            #expect(settings["api_token"]?["value"] as? String == "(set, redacted)")
            #expect(settings["member_id"]?["value"] as? String == "13e0e7")
            #expect(settings["api_key"] == nil && settings["timezone"] == nil)

            for line in rows + json.lines {
                for secret in secrets { #expect(!line.contains(secret)) }
            }
        }
    }

    @Test func aProfileThatWouldHoldATokenIsRefused() throws {
        let folder = ProfileFolder()
        defer { folder.remove() }
        let path = try folder.write(
            """
            [profiles.careers]
            provider = "workable"
            api_token = "wk-token-SECRET-4"
            """)
        let command = try parse(
            ["config", "show", "--config", path, "--profile", "careers"], as: ConfigShowCommand.self)
        let error = try #require(throws: CommandFailure.self) {
            try command.execute(environment: [:], output: CapturedOutput().output)
        }
        #expect(error.message.contains("'api_token' would keep a secret in the file"))
        #expect(error.message.contains("api_token_env (workable)"))
        #expect(!error.message.contains("SECRET"))
    }
}
