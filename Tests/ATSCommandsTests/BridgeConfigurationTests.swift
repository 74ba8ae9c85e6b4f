import ATSCore
import Foundation
import Testing

@testable import ATSCommands

/// `ats bridge --config`: a good file read whole, and every bad one refused with its key and line,
/// status 2, and without echoing a secret.
@Suite struct BridgeConfigurationTests {
    static let good = """
        {
          "source": {"provider": "workable", "base_url": "https://acme.workable.com/spi/v3",
                     "api_token_env": "WORKABLE_API_TOKEN"},
          "target": {"provider": "Tracker", "base_url": "https://api.applicant-tracking.com/api/v1",
                     "api_key": "acme", "api_password_env": "TRACKER_API_PASSWORD", "timezone": "UTC"},
          "jobs": {"GROOV005": "1204", "03FF356C8B": 1207},
          "source_label": "Workable careers"
        }
        """

    static func parse(_ text: String) throws -> BridgeConfiguration {
        try BridgeConfigurationReader.parse(Data(text.utf8), name: "bridge.json")
    }

    static func refusal(_ text: String) throws -> String {
        let failure = try #require(throws: CommandFailure.self) { try parse(text) }
        #expect(failure.exitCode == 2, "a configuration error exits with 2")
        return failure.message
    }

    @Test func aGoodConfigurationIsReadWhole() throws {
        let configuration = try Self.parse(Self.good)
        #expect(configuration.source.provider == "workable")
        #expect(configuration.source.apiTokenEnv == "WORKABLE_API_TOKEN")
        #expect(configuration.target.provider == "tracker")
        #expect(configuration.target.apiKey == "acme")
        #expect(configuration.jobs == [JobID("GROOV005"): JobID("1204"), JobID("03FF356C8B"): JobID("1207")])
        #expect(configuration.sourceLabel == "Workable careers")
        #expect(
            configuration.identity
                == "workable https://acme.workable.com/spi/v3 → tracker https://api.applicant-tracking.com/api/v1")
        #expect(configuration.target.lines["api_password_env"] == 5)
    }

    @Test func aSyntaxErrorNamesItsLineAndColumn() throws {
        let message = try Self.refusal("{\n  \"source\": {\"provider\": \"tracker\",\n  \"jobs\": }\n}\n")
        #expect(message.hasPrefix("bridge.json is not valid JSON, line 3, column"), "\(message)")
    }

    @Test func aSecretInTheFileIsRefusedSayingWhereToPutIt() throws {
        let inline = Self.good.replacingOccurrences(
            of: "\"api_key\": \"acme\",", with: "\"api_key\": \"acme\", \"api_password\": \"hunter2-hunter2\",")
        let message = try Self.refusal(inline)
        #expect(message.contains("line 5: target.api_password would hold a secret in the file"))
        #expect(message.contains("target.api_password_env"))
        #expect(!message.contains("hunter2"), "the secret is never repeated")

        let pasted = Self.good.replacingOccurrences(
            of: "\"WORKABLE_API_TOKEN\"", with: "\"ab12Cd34eF56gh78IJ90kl12MN34\"")
        let tokenMessage = try Self.refusal(pasted)
        #expect(tokenMessage.contains("line 3: source.api_token_env must name an environment variable"))
        #expect(!tokenMessage.contains("ab12Cd34eF56gh78IJ90kl12MN34"))

        let asKey = Self.good.replacingOccurrences(of: "\"acme\"", with: "\"9f8e7d6c5b4a39281706abcdef12\"")
        #expect(try Self.refusal(asKey).contains("line 5: target.api_key looks like a secret"))

        let inURL = Self.good.replacingOccurrences(
            of: "https://api.applicant-tracking.com", with: "https://acme:pw@api.applicant-tracking.com")
        #expect(try Self.refusal(inURL).contains("target.base_url carries credentials"))
    }

    @Test func unknownAndMissingKeysAreNamedWithTheirLines() throws {
        let typo = Self.good.replacingOccurrences(of: "\"timezone\"", with: "\"time_zone\"")
        #expect(try Self.refusal(typo).contains("line 5: unknown key 'target.time_zone'"))
        let noJobs =
            "{\"source\": {\"provider\": \"tracker\", \"base_url\": \"http://a\"},\n"
            + "\"target\": {\"provider\": \"tracker\", \"base_url\": \"http://b\"}}"
        #expect(try Self.refusal(noJobs).contains("the key 'jobs' is missing"))
        let badJob = Self.good.replacingOccurrences(of: "1207", with: "[1207]")
        #expect(try Self.refusal(badJob).contains("line 6: jobs.03FF356C8B must be the target job id"))
        let noProvider = Self.good.replacingOccurrences(of: "\"provider\": \"workable\", ", with: "")
        #expect(try Self.refusal(noProvider).contains("source.provider is missing"))
    }

    @Test func aMissingEnvironmentVariableIsNamedWithTheKeyThatNamesIt() async throws {
        let configuration = try Self.parse(
            Self.good.replacingOccurrences(of: "\"workable\"", with: "\"tracker\"")
                .replacingOccurrences(of: "\"api_token_env\"", with: "\"api_key\": \"k\", \"api_password_env\""))
        let failure = try await #require(throws: CommandFailure.self) {
            try await BridgeEndpoints.withClient(configuration.source, environment: [:]) { _ in }
        }
        #expect(failure.exitCode == 2)
        #expect(
            failure.message.contains(
                "The environment variable WORKABLE_API_TOKEN, named by source.api_password_env (line 3), is not set"))
    }

    @Test func aTrackerRMSSideTakesAnAPIKeyOrAUserFromTheEnvironment() async throws {
        let rms = Self.good.replacingOccurrences(of: "\"Tracker\"", with: "\"tracker-rms\"")
            .replacingOccurrences(of: "\"api_key\": \"acme\", ", with: "")
        let configuration = try Self.parse(rms)
        #expect(configuration.target.provider == "tracker-rms")
        let noKey = try await #require(throws: CommandFailure.self) {
            try await BridgeEndpoints.withClient(configuration.target, environment: [:]) { _ in }
        }
        #expect(noKey.exitCode == 2)
        #expect(noKey.message.contains("target.api_key_env is missing"))

        let withUser = try Self.parse(
            rms.replacingOccurrences(of: "\"timezone\"", with: "\"username\": \"ada\", \"timezone\""))
        let noPassword = try await #require(throws: CommandFailure.self) {
            try await BridgeEndpoints.withClient(withUser.target, environment: [:]) { _ in }
        }
        #expect(
            noPassword.message.contains(
                "The environment variable TRACKER_API_PASSWORD, named by target.api_password_env"))
    }
}
