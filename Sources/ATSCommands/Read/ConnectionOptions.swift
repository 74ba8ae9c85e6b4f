import ArgumentParser
import Foundation
import Logging
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// The options every read command shares: where Tracker is and how to sign in, or `--sandbox`.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The Tracker API root, e.g. https://api.applicant-tracking.com/api/v1 (env TRACKER_BASE_URL).")
    var baseURL: String?

    @Option(help: "The API key, the HTTP Basic user (env TRACKER_API_KEY).")
    var apiKey: String?

    @Option(help: "The API password, the HTTP Basic password (env TRACKER_API_PASSWORD). Never printed.")
    var apiPassword: String?

    @Option(help: "The account's IANA time zone, e.g. America/Los_Angeles (env TRACKER_TIMEZONE).")
    var timezone: String?

    @Option(
        help: """
            A secret that keys candidate ids (env ATS_CANDIDATE_ID_SECRET). Default: derived from the API key, \
            so ids stay the same as long as the key does. Set it to keep ids stable across key rotations; \
            every run on one mirror must use the same. Never printed.
            """
    )
    var candidateIdSecret: String?

    @Flag(help: "Start an embedded Tracker sandbox with seeded data and use it.")
    var sandbox = false

    @Option(
        help: """
            Log requests, retries and sync progress to standard error from this level up: trace, debug, info, \
            notice, warning, error or critical (env ATS_LOG_LEVEL). Passwords are never logged.
            """
    )
    var logLevel: String?

    /// Where to connect, resolved from the flags, then the environment.
    struct Resolved {
        var configuration: TrackerAPI.Configuration?
        var timeZone: TimeZone?
        var candidateIDSecret: [UInt8]?
        var logLevel: Logger.Level?
    }

    /// A Tracker server to talk to: a real one, or the embedded sandbox.
    struct Connection {
        /// How to reach it.
        var configuration: TrackerAPI.Configuration
        /// The account's time zone, when known.
        var timeZone: TimeZone?
        /// The statuses the account is known to use (the sandbox's; empty for a real account).
        var knownStatuses: [String]
        /// The key of candidate ids, when given.
        var candidateIDSecret: [UInt8]?
        /// The embedded sandbox, when that is what this is.
        var sandbox: RunningSandbox?

        /// How candidate ids are derived: the same rule as ``TrackerATSClient``'s.
        var identity: CandidateIdentity {
            candidateIDSecret.map(CandidateIdentity.init(secret:))
                ?? CandidateIdentity(apiKey: configuration.apiKey, companyID: configuration.companyID?.rawValue)
        }
    }

    /// The connection the flags and the environment describe.
    /// - Parameter environment: The process environment.
    /// - Throws: ``CommandFailure`` naming what is missing or wrong.
    func resolve(environment: [String: String]) throws -> Resolved {
        let zoneName = timezone ?? environment["TRACKER_TIMEZONE"]
        var zone: TimeZone?
        if let zoneName, !zoneName.isEmpty {
            guard let known = TimeZone(identifier: zoneName) else {
                throw CommandFailure.usage(
                    "Unknown time zone '\(zoneName)' (from \(timezone == nil ? "TRACKER_TIMEZONE" : "--timezone")). "
                        + "Use an IANA name such as America/Los_Angeles, Pacific/Honolulu or UTC.")
            }
            zone = known
        }
        let secret = candidateIDSecret(environment: environment)
        let level = try CommandLogging.level(flag: logLevel, environment: environment)
        if sandbox {
            if baseURL != nil || apiKey != nil || apiPassword != nil {
                throw CommandFailure.usage(
                    "--sandbox starts its own server with its own credentials; drop --base-url, --api-key and "
                        + "--api-password, or drop --sandbox to use them.")
            }
            return Resolved(configuration: nil, timeZone: zone, candidateIDSecret: secret, logLevel: level)
        }
        let url = baseURL ?? environment["TRACKER_BASE_URL"]
        let key = apiKey ?? environment["TRACKER_API_KEY"]
        let password = apiPassword ?? environment["TRACKER_API_PASSWORD"]
        guard let url, !url.isEmpty else {
            throw CommandFailure.usage(
                "No Tracker server given. Pass --base-url (or set TRACKER_BASE_URL) to the API root, such as "
                    + "https://api.applicant-tracking.com/api/v1, or add --sandbox to try a local sandbox.")
        }
        guard let key, !key.isEmpty, let password, !password.isEmpty else {
            throw CommandFailure.usage(
                "No Tracker credentials given. Pass --api-key and --api-password (or set TRACKER_API_KEY and "
                    + "TRACKER_API_PASSWORD) from Tracker's \"Account Details → API\" page, or add --sandbox.")
        }
        var configuration = TrackerAPI.Configuration(
            baseURL: url, apiKey: key, apiPassword: password, accountTimeZone: zone)
        // A person is waiting: an unreachable server should be reported in seconds, not minutes.
        configuration.timeouts.connect = .seconds(5)
        configuration.retryPolicy.maximumAttempts = 3
        if let level { configuration.logger = CommandLogging.logger(label: "ats.tracker", level: level) }
        return Resolved(configuration: configuration, timeZone: zone, candidateIDSecret: secret, logLevel: level)
    }

    /// The candidate-id key from `--candidate-id-secret` or `ATS_CANDIDATE_ID_SECRET`, when given.
    func candidateIDSecret(environment: [String: String]) -> [UInt8]? {
        (candidateIdSecret ?? environment["ATS_CANDIDATE_ID_SECRET"]).flatMap { $0.isEmpty ? nil : Array($0.utf8) }
    }

    /// Runs `body` with a connection: to the configured server, or to an embedded sandbox that
    /// lives as long as `body` runs.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - sandboxConfiguration: The embedded sandbox's settings, when `--sandbox` is given.
    ///   - body: The work.
    /// - Throws: ``CommandFailure`` or what `body` throws.
    func withConnection(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sandboxConfiguration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (Connection) async throws -> Void
    ) async throws {
        let resolved = try resolve(environment: environment)
        if let configuration = resolved.configuration {
            try await body(
                Connection(
                    configuration: configuration, timeZone: resolved.timeZone, knownStatuses: [],
                    candidateIDSecret: resolved.candidateIDSecret))
            return
        }
        var settings = try EmbeddedSandboxEnvironment.apply(environment, to: sandboxConfiguration)
        if let zone = resolved.timeZone { settings.behavior.timeZone = zone }
        let zone = settings.behavior.timeZone
        try await withTrackerSandbox(settings) { sandbox in
            var configuration = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                accountTimeZone: zone)
            if let level = resolved.logLevel {
                configuration.logger = CommandLogging.logger(label: "ats.tracker", level: level)
            }
            try await body(
                Connection(
                    configuration: configuration, timeZone: zone, knownStatuses: sandbox.control.statuses,
                    candidateIDSecret: resolved.candidateIDSecret, sandbox: sandbox))
        }
    }

    /// Runs `body` with a client: against the configured server, or an embedded sandbox.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - writes: How the client's writes wait and resend.
    ///   - body: The work.
    /// - Throws: ``CommandFailure`` or what `body` throws.
    func withClient(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        writes: TrackerATSClient.WriteSettings = TrackerATSClient.WriteSettings(),
        _ body: (TrackerATSClient) async throws -> Void
    ) async throws {
        try await withConnection(environment: environment) { connection in
            try await TrackerATSClient.withTrackerATSClient(
                api: connection.configuration,
                configuration: TrackerATSClient.Configuration(
                    knownStatuses: connection.knownStatuses, candidateIDSecret: connection.candidateIDSecret,
                    logger: connection.configuration.logger, writes: writes)
            ) { client in
                try await body(client)
            }
        }
    }
}

/// The `--updated-after` option of list commands.
struct UpdatedAfterOption: ParsableArguments {
    @Option(
        help: """
            Only records changed at or after this ISO-8601 moment, e.g. 2024-03-01T09:15:00Z or \
            2024-03-01T09:15:00-08:00 (without an offset: the account's time zone).
            """
    )
    var updatedAfter: String?

    /// The moment, read in the account's time zone when it has no offset.
    /// - Parameter zone: The account's time zone.
    /// - Returns: The moment, or nil when not given.
    /// - Throws: ``CommandFailure`` for text that is not ISO-8601.
    func date(in zone: TimeZone?) throws -> Date? {
        guard let updatedAfter else { return nil }
        guard let stamp = TrackerTimestamp.parse(updatedAfter, accountTimeZone: zone) else {
            throw CommandFailure.usage(
                "--updated-after '\(updatedAfter)' is not an ISO-8601 moment; write it like 2024-03-01T09:15:00Z "
                    + "or 2024-03-01T09:15:00-08:00.")
        }
        return stamp.date
    }
}
