import ATSCore
import Foundation
import Logging
import TrackerAPI
import TrackerATS
import TrackerRMSAPI
import TrackerRMSATS
import WorkableATS

/// Connects to one side of the bridge from its configuration and the environment.
///
/// The bridge builds its clients itself rather than through `--provider` and the profile: each side
/// has its own base URL and secrets, named in `bridge.json`, and no flag or profile of the other
/// side may leak into it.
enum BridgeEndpoints {
    /// The providers `ats bridge` can connect to.
    static let providers = ["tracker", "tracker-rms", "workable"]

    /// Runs `body` with a client for `endpoint`.
    /// - Throws: ``CommandFailure`` (status 2) for a missing variable or an unknown provider; what
    ///   `body` throws.
    static func withClient(
        _ endpoint: BridgeConfiguration.Endpoint,
        environment: [String: String],
        logLevel: Logger.Level? = nil,
        _ body: (any ATSClient) async throws -> Void
    ) async throws {
        let logger = logLevel.map { CommandLogging.logger(label: "ats.bridge.\(endpoint.side)", level: $0) }
        switch endpoint.provider {
        case "tracker":
            try await withTrackerClient(endpoint, environment: environment, logger: logger, body)
        case "tracker-rms":
            try await withTrackerRMSClient(endpoint, environment: environment, logger: logger, body)
        case "workable":
            guard let tokenVariable = endpoint.apiTokenEnv else {
                throw BridgeConfigurationReader.failure(
                    "\(endpoint.side) is a Workable account: give \(endpoint.side).api_token_env, the name of the "
                        + "environment variable that holds its API access token.")
            }
            let token = try variable(tokenVariable, key: "api_token_env", of: endpoint, environment)
            // The bridge only reads Workable, so no member is needed; the client paces itself to the
            // account's 10 requests per 10 seconds.
            var settings = WorkableATSClient.Settings()
            if let logger { settings.logger = logger }
            try await WorkableATSClient.withWorkableATSClient(
                baseURL: endpoint.baseURL, token: token, settings: settings
            ) { try await body($0) }
        default:
            throw BridgeConfigurationReader.failure(
                "\(endpoint.side).provider\(endpoint.lines["provider"].map { " (line \($0))" } ?? "") is "
                    + "'\(endpoint.provider)', which ats bridge cannot connect to; it speaks "
                    + providers.joined(separator: ", ") + ".")
        }
    }

    private static func withTrackerClient(
        _ endpoint: BridgeConfiguration.Endpoint,
        environment: [String: String],
        logger: Logger?,
        _ body: (any ATSClient) async throws -> Void
    ) async throws {
        let key = try endpoint.apiKey ?? variable(endpoint.apiKeyEnv, key: "api_key_env", of: endpoint, environment)
        guard let passwordVariable = endpoint.apiPasswordEnv else {
            throw BridgeConfigurationReader.failure(
                "\(endpoint.side) is a Tracker account: give \(endpoint.side).api_password_env, the name of the "
                    + "environment variable that holds its API password.")
        }
        let password = try variable(passwordVariable, key: "api_password_env", of: endpoint, environment)
        var zone: TimeZone?
        if let name = endpoint.timezone {
            guard let known = TimeZone(identifier: name) else {
                throw BridgeConfigurationReader.failure(
                    "Unknown time zone '\(name)'\(endpoint.origin("timezone")). Use an IANA name such as "
                        + "America/Los_Angeles or UTC.")
            }
            zone = known
        }
        var configuration = TrackerAPI.Configuration(
            baseURL: endpoint.baseURL, apiKey: key, apiPassword: password, accountTimeZone: zone)
        // Nobody waits at the screen for each request: ride out a rate-limited account.
        UnattendedRequests.apply(to: &configuration, environment: environment)
        configuration.timeouts.connect = .seconds(10)
        if let logger { configuration.logger = logger }
        try await TrackerATSClient.withTrackerATSClient(
            api: configuration, configuration: TrackerATSClient.Configuration(logger: configuration.logger)
        ) { try await body($0) }
    }

    /// Tracker RMS: an API key (`api_key_env`), or `username` with `api_password_env`; a REST token
    /// (`rest_token_env`) is optional.
    private static func withTrackerRMSClient(
        _ endpoint: BridgeConfiguration.Endpoint,
        environment: [String: String],
        logger: Logger?,
        _ body: (any ATSClient) async throws -> Void
    ) async throws {
        let credentials: TrackerRMSCredentials
        if let username = endpoint.username {
            credentials = .usernamePassword(
                username: username,
                password: try variable(endpoint.apiPasswordEnv, key: "api_password_env", of: endpoint, environment))
        } else {
            credentials = .apiKey(try variable(endpoint.apiKeyEnv, key: "api_key_env", of: endpoint, environment))
        }
        let restToken = try endpoint.restTokenEnv.map {
            try variable($0, key: "rest_token_env", of: endpoint, environment)
        }
        var zone: TimeZone?
        if let name = endpoint.timezone {
            guard let known = TimeZone(identifier: name) else {
                throw BridgeConfigurationReader.failure(
                    "Unknown time zone '\(name)'\(endpoint.origin("timezone")). Use an IANA name such as "
                        + "America/Chicago or UTC.")
            }
            zone = known
        }
        var settings = TrackerRMSATSClient.Settings()
        if let logger { settings.logger = logger }
        try await TrackerRMSATSClient.withClient(
            baseURL: endpoint.baseURL, credentials: credentials, accountTimeZone: zone, restToken: restToken,
            settings: settings
        ) { try await body($0) }
    }

    /// The value of the environment variable a key names.
    /// - Throws: ``CommandFailure`` (status 2) when the key is missing or the variable unset.
    static func variable(
        _ name: String?, key: String, of endpoint: BridgeConfiguration.Endpoint, _ environment: [String: String]
    ) throws -> String {
        guard let name else {
            throw BridgeConfigurationReader.failure(
                "\(endpoint.side).\(key) is missing: name the environment variable that holds the "
                    + "\(endpoint.side) account's \(key.dropLast(4).replacingOccurrences(of: "_", with: " ")).")
        }
        guard let value = environment[name], !value.isEmpty else {
            throw BridgeConfigurationReader.failure(
                "The environment variable \(name), named by \(endpoint.side).\(key)"
                    + "\(endpoint.lines[key].map { " (line \($0))" } ?? ""), is not set. Set it before running "
                    + "(export \(name)=…); the configuration file never holds the secret itself.")
        }
        return value
    }
}
