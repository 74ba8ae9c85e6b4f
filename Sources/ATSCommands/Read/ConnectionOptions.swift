import ATSCore
import ArgumentParser
import Foundation
import Logging
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// The options every command that talks to an ATS shares: the provider, where it is and how to
/// sign in, or `--sandbox`.
struct ConnectionOptions: ParsableArguments {
    @Option(
        help: """
            The provider to talk to: tracker (the ATS Anywhere API; the default), tracker-rms (Tracker RMS's \
            widget API) or workable (Workable's SPI v3); env ATS_PROVIDER, or provider in a profile. \
            `ats coverage` shows what each one supports. Each provider reads its own environment variables: \
            TRACKER_…, TRACKER_RMS_…, WORKABLE_….
            """
    )
    var provider: String?

    @Option(
        help: """
            The API root: tracker https://api.applicant-tracking.com/api/v1 (env TRACKER_BASE_URL); tracker-rms \
            the region's widget root, e.g. https://evoapius.tracker-rms.com (env TRACKER_RMS_BASE_URL); \
            workable https://SUBDOMAIN.workable.com/spi/v3 (env WORKABLE_BASE_URL).
            """)
    var baseURL: String?

    @Option(
        help: """
            tracker: the API key, the HTTP Basic user (env TRACKER_API_KEY). tracker-rms: the account's API key \
            from Tracker's support, acting as the administrator (env TRACKER_RMS_API_KEY); or use --username. \
            Never printed.
            """)
    var apiKey: String?

    @Option(help: "tracker: the API password, the HTTP Basic password (env TRACKER_API_PASSWORD). Never printed.")
    var apiPassword: String?

    @Option(
        help:
            "tracker-rms: the user's e-mail address, with --password, instead of --api-key (env TRACKER_RMS_USERNAME).")
    var username: String?

    @Option(
        help: """
            tracker-rms: the user's password (env TRACKER_RMS_PASSWORD, or password_env in a profile naming the \
            variable that holds it). Never printed.
            """)
    var password: String?

    @Option(
        help: """
            tracker-rms: the REST API token that lists and downloads documents (env TRACKER_RMS_REST_TOKEN, or \
            rest_token_env in a profile). Never printed.
            """)
    var restToken: String?

    @Option(
        help: """
            workable: the account's API access token (env WORKABLE_API_TOKEN, or api_token_env in a profile \
            naming the variable that holds it). Never printed.
            """)
    var apiToken: String?

    @Option(
        help: """
            workable: the member whom moves, rejections and notes are recorded against (env WORKABLE_MEMBER_ID, \
            or member_id in a profile). Default: the account's first active admin, named in the output.
            """)
    var memberId: String?

    @Option(
        help: """
            The account's IANA time zone, e.g. America/Los_Angeles (env TRACKER_TIMEZONE; tracker-rms: \
            TRACKER_RMS_TIMEZONE, the zone of its naive local times). Workable's times are UTC.
            """)
    var timezone: String?

    @Option(
        help: """
            A secret that keys candidate ids (env ATS_CANDIDATE_ID_SECRET). Default: derived from the API key, \
            so ids stay the same as long as the key does. Set it to keep ids stable across key rotations; \
            every run on one mirror must use the same. Never printed.
            """
    )
    var candidateIdSecret: String?

    @Flag(help: "Start an embedded sandbox of the chosen provider, with seeded data, and use it.")
    var sandbox = false

    @Option(
        help: """
            Log requests, retries and sync progress to standard error from this level up: trace, debug, info, \
            notice, warning, error or critical (env ATS_LOG_LEVEL). Passwords are never logged.
            """
    )
    var logLevel: String?

    /// `--config` and `--profile`: the configuration file and the profile in it.
    @OptionGroup var profileOptions: ProfileOptions

    /// Where to connect, resolved from the flags, then the environment, then the profile.
    struct Resolved {
        var configuration: TrackerAPI.Configuration?
        var timeZone: TimeZone?
        var candidateIDSecret: [UInt8]?
        var logLevel: Logger.Level?
        /// Every setting with where it came from.
        var settings: ResolvedSettings
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
        /// The resolved settings (rejection status, known stages, mirror…), when they were resolved.
        var settings: ResolvedSettings?

        /// How candidate ids are derived: the same rule as ``TrackerATSClient``'s.
        var identity: CandidateIdentity {
            candidateIDSecret.map(CandidateIdentity.init(secret:))
                ?? CandidateIdentity(apiKey: configuration.apiKey, companyID: configuration.companyID?.rawValue)
        }
    }

    /// The settings the flags, the environment and the profile give.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - flags: Settings given by the command's own flags (such as `--rejection-status`).
    /// - Throws: ``CommandFailure`` for a bad configuration file or profile.
    func settings(environment: [String: String], flags: [SettingKey: SettingValue] = [:]) throws -> ResolvedSettings {
        var given = flags
        if let provider { given[.provider] = .text(provider) }
        if let baseURL { given[.baseURL] = .text(baseURL) }
        if let apiKey { given[.apiKey] = .text(apiKey) }
        if let apiPassword { given[.apiPassword] = .text(apiPassword) }
        if let username { given[.username] = .text(username) }
        if let password { given[.password] = .text(password) }
        if let restToken { given[.restToken] = .text(restToken) }
        if let apiToken { given[.apiToken] = .text(apiToken) }
        if let memberId { given[.memberID] = .text(memberId) }
        if let timezone { given[.timezone] = .text(timezone) }
        let settings = try SettingsResolver.resolve(
            configFlag: profileOptions.config, profileFlag: profileOptions.profile, flags: given,
            environment: environment, implicitProfile: !sandbox)
        try Self.checkFlags(given, apply: settings)
        return settings
    }

    /// Refuses a flag that the chosen provider does not read, naming the ones it does.
    /// - Throws: ``CommandFailure`` (usage).
    static func checkFlags(_ given: [SettingKey: SettingValue], apply settings: ResolvedSettings) throws {
        let provider = settings.provider
        let foreign = SettingKey.allCases.filter { given[$0] != nil && !$0.applies(to: provider) }
        guard let first = foreign.first else { return }
        let own = SettingKey.keys(for: provider).filter { $0.applies(to: provider) && $0 != .provider }
            .compactMap(\.flag)
        let owners = ["tracker", "tracker-rms", "workable"].filter { first.applies(to: ATSProvider(rawValue: $0)) }
        throw CommandFailure.usage(
            "\(first.flag ?? first.rawValue) is not a setting of provider \(provider)\(settings.origin(of: .provider))"
                + (owners.isEmpty ? "" : "; it is \(owners.joined(separator: " and "))'s")
                + ". Provider \(provider) takes: \(own.joined(separator: ", ")).")
    }

    /// The connection the flags, the environment and the profile describe.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - flags: Settings given by the command's own flags.
    /// - Throws: ``CommandFailure`` naming what is missing or wrong, and where it came from.
    func resolve(environment: [String: String], flags: [SettingKey: SettingValue] = [:]) throws -> Resolved {
        let settings = try settings(environment: environment, flags: flags)
        var zone: TimeZone?
        if let zoneName = settings.text(.timezone) {
            guard let known = TimeZone(identifier: zoneName) else {
                throw CommandFailure.usage(
                    "Unknown time zone '\(zoneName)'\(settings.origin(of: .timezone)). "
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
            return Resolved(
                configuration: nil, timeZone: zone, candidateIDSecret: secret, logLevel: level, settings: settings)
        }
        guard let url = settings.text(.baseURL) else {
            throw CommandFailure.usage(
                "No Tracker server given. Pass --base-url (or set TRACKER_BASE_URL, or base_url in a profile) to the "
                    + "API root, such as https://api.applicant-tracking.com/api/v1, or add --sandbox to try a local "
                    + "sandbox.")
        }
        guard let key = settings.text(.apiKey), let password = settings.text(.apiPassword) else {
            if let profile = settings.profile, let variable = profile.apiPasswordEnv, settings.text(.apiKey) != nil {
                throw CommandFailure.usage(
                    "Profile '\(profile.name)' takes the API password from the environment variable \(variable), "
                        + "which is not set. Set it (export \(variable)=…) or pass --api-password.")
            }
            throw CommandFailure.usage(
                "No Tracker credentials given. Pass --api-key and --api-password (or set TRACKER_API_KEY and "
                    + "TRACKER_API_PASSWORD, or api_key and api_password_env in a profile) from Tracker's "
                    + "\"Account Details → API\" page, or add --sandbox.")
        }
        var configuration = TrackerAPI.Configuration(
            baseURL: url, apiKey: key, apiPassword: password, accountTimeZone: zone)
        // A person is waiting: an unreachable server should be reported in seconds, not minutes.
        configuration.timeouts.connect = .seconds(5)
        configuration.retryPolicy = InteractiveRequests.retryPolicy
        if let rate = settings.rateLimit {
            configuration.rateLimit = TrackerRateLimit(requestsPerSecond: rate, burst: max(1, Int(rate)))
        }
        if let level { configuration.logger = CommandLogging.logger(label: "ats.tracker", level: level) }
        return Resolved(
            configuration: configuration, timeZone: zone, candidateIDSecret: secret, logLevel: level,
            settings: settings)
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
        flags: [SettingKey: SettingValue] = [:],
        sandboxConfiguration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (Connection) async throws -> Void
    ) async throws {
        let resolved = try resolve(environment: environment, flags: flags)
        if let configuration = resolved.configuration {
            try await body(
                Connection(
                    configuration: configuration, timeZone: resolved.timeZone, knownStatuses: [],
                    candidateIDSecret: resolved.candidateIDSecret, settings: resolved.settings))
            return
        }
        var settings = try EmbeddedSandboxEnvironment.apply(environment, to: sandboxConfiguration)
        if let zone = resolved.timeZone { settings.behavior.timeZone = zone }
        let zone = settings.behavior.timeZone
        try await withTrackerSandbox(settings) { sandbox in
            var configuration = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                accountTimeZone: zone)
            configuration.retryPolicy = InteractiveRequests.retryPolicy
            if let level = resolved.logLevel {
                configuration.logger = CommandLogging.logger(label: "ats.tracker", level: level)
            }
            try await body(
                Connection(
                    configuration: configuration, timeZone: zone, knownStatuses: sandbox.control.statuses,
                    candidateIDSecret: resolved.candidateIDSecret, sandbox: sandbox, settings: resolved.settings))
        }
    }

    /// Runs `body` with a client: against the configured server, or an embedded sandbox.
    ///
    /// The client knows the account's statuses from the known stages setting and, when a SQLite
    /// mirror is given (`--database`, `ATS_DATABASE` or a profile's `database`) and exists, from
    /// the mirror; it learns the rest from the account when a command needs them.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - flags: Settings given by the command's own flags (such as `--rejection-status`).
    ///   - writes: How the client's writes wait and resend; its rejection status, when nil, is the
    ///     resolved setting.
    ///   - adjust: Changes to the API settings (unattended commands' retry policy and rate).
    ///   - body: The work.
    /// - Throws: ``CommandFailure`` or what `body` throws.
    func withClient(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        flags: [SettingKey: SettingValue] = [:],
        writes: TrackerATSClient.WriteSettings = TrackerATSClient.WriteSettings(),
        adjusting adjust: (inout TrackerAPI.Configuration) -> Void = { _ in },
        _ body: (TrackerATSClient) async throws -> Void
    ) async throws {
        try await withConnection(environment: environment, flags: flags) { connection in
            var writes = writes
            if writes.rejectionStatus == nil { writes.rejectionStatus = connection.settings?.text(.rejectionStatus) }
            let statuses = connection.knownStatuses + (connection.settings?.knownStages ?? [])
            var api = connection.configuration
            adjust(&api)
            try await TrackerATSClient.withTrackerATSClient(
                api: api,
                configuration: TrackerATSClient.Configuration(
                    knownStatuses: statuses, candidateIDSecret: connection.candidateIDSecret,
                    logger: connection.configuration.logger, writes: writes)
            ) { client in
                await MirrorStatuses.observe(in: connection, client: client)
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
