import ATSCore
import ATSSync
import Foundation
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

extension ProviderRegistration {
    /// Tracker RMS, through its widget API: its client (``TrackerRMSATSClient``), its sandbox
    /// (`ats sandbox --provider tracker-rms`) and its sync source (`TrackerRMSSyncSource`).
    static let trackerRMS = ProviderRegistration(
        name: .trackerRMS,
        summary: "Tracker RMS's widget API",
        capabilities: .trackerRMS,
        withClient: TrackerRMSConnection.withClient,
        sandbox: TrackerRMSSandboxOptions.run,
        withSyncSource: { request, body in
            try await TrackerRMSConnection.withClient(request) { client in
                try await body(
                    ProviderSyncSession(defaultAccountName: ATSProvider.trackerRMS.rawValue) { pass in
                        // Tracker RMS's own source: the client's streams plus the run report's warnings
                        // (placements a live list may hide, times not placed without the zone).
                        guard let rms = client as? TrackerRMSATSClient else {
                            return try await pass.run(ATSClientSyncSource(client: client, account: pass.account))
                        }
                        return try await pass.run(TrackerRMSSyncSource(client: rms, account: pass.account))
                    })
            }
        })
}

/// How the command line connects to Tracker RMS: the resolved settings turned into the client's
/// configuration, or the embedded sandbox for `--sandbox`.
enum TrackerRMSConnection {
    /// The widget roots of Tracker RMS's regions, for messages.
    static let regions =
        "https://evoapius.tracker-rms.com (United States), https://evoapica.tracker-rms.com (Canada) or "
        + "https://evoapi.tracker-rms.com (United Kingdom and everywhere else)"

    /// Runs `body` with a Tracker RMS client.
    /// - Throws: ``CommandFailure`` naming a missing or wrong setting, or what `body` throws.
    @Sendable static func withClient(
        _ request: ProviderRequest, _ body: (any ATSClient) async throws -> Void
    ) async throws {
        let options = request.options
        let settings = try options.settings(environment: request.environment, flags: request.flags)
        let zone = try ProviderSettings.timeZone(settings)
        var clientSettings = TrackerRMSATSClient.Settings(
            rejectionStatus: settings.text(.rejectionStatus), knownStages: try knownStages(settings))
        let level = try CommandLogging.level(flag: options.logLevel, environment: request.environment)
        if let level { clientSettings.logger = CommandLogging.logger(label: "ats.tracker-rms", level: level) }
        let rate = settings.rateLimit
        let configure: (inout TrackerRMSClient.Configuration) -> Void = { configuration in
            // A person is waiting: an unreachable server should be reported in seconds, not minutes.
            configuration.connectTimeout = .seconds(5)
            if let rate { configuration.rateLimit = RMSRateLimit(requestsPerSecond: rate, burst: max(1, Int(rate))) }
        }
        if options.sandbox {
            try ProviderSettings.refuseConnectionFlags(
                with: options, named: [.baseURL, .apiKey, .username, .password, .restToken], settings: settings)
            let embedded = try embeddedConfiguration(environment: request.environment, zone: zone)
            // The embedded sandbox lists every placement, as a checked account would.
            var sandboxSettings = clientSettings
            sandboxSettings.placementListing = .complete
            try await withTrackerRMSSandbox(embedded) { sandbox in
                try await TrackerRMSATSClient.withClient(
                    baseURL: sandbox.baseURL, credentials: .apiKey(sandbox.apiKey),
                    accountTimeZone: TimeZone(identifier: sandbox.control.timeZoneIdentifier),
                    restToken: sandbox.restToken, settings: sandboxSettings, configure: configure
                ) { try await body($0) }
            }
            return
        }
        guard let baseURL = settings.text(.baseURL) else {
            throw CommandFailure.usage(
                "No Tracker RMS server given. Pass --base-url (or set TRACKER_RMS_BASE_URL, or base_url in a "
                    + "profile) with your account's region: \(regions); or add --sandbox to try a local sandbox.")
        }
        try await TrackerRMSATSClient.withClient(
            baseURL: baseURL, credentials: try credentials(settings), accountTimeZone: zone,
            restToken: settings.text(.restToken), settings: clientSettings, configure: configure
        ) { client in
            try await ProviderErrors.explaining(provider: "Tracker RMS", settings: settings, advice: advice) {
                try await body(client)
            }
        }
    }

    /// What to do when Tracker RMS refuses the credentials or cannot be reached.
    static let advice = ProviderErrors.Advice(
        credentials: "Check --api-key (TRACKER_RMS_API_KEY), or --username and --password "
            + "(TRACKER_RMS_USERNAME, TRACKER_RMS_PASSWORD): the key comes from Tracker's support, the username is "
            + "the user's e-mail address. An account answers only in its own region, so a right key on the wrong "
            + "region's --base-url is refused too: use \(regions).",
        baseURL: "Check --base-url: it is the widget root of the account's region, \(regions), without "
            + "/api/widget.")

    /// The API key, or the username and password.
    /// - Throws: ``CommandFailure`` saying which is missing and where to give it.
    static func credentials(_ settings: ResolvedSettings) throws -> TrackerRMSCredentials {
        let key = settings.text(.apiKey)
        let username = settings.text(.username)
        let password = settings.text(.password)
        if key != nil, username != nil {
            throw CommandFailure.usage(
                "Give Tracker RMS one way to sign in: an API key (from \(settings.source(of: .apiKey))) or a "
                    + "username (from \(settings.source(of: .username))) with its password, not both.")
        }
        if let key { return .apiKey(key) }
        if let username {
            guard let password else {
                if let profile = settings.profile, let variable = profile.passwordEnv {
                    throw CommandFailure.usage(
                        "Profile '\(profile.name)' takes the Tracker RMS password from the environment variable "
                            + "\(variable), which is not set. Set it (export \(variable)=…) or pass --password.")
                }
                throw CommandFailure.usage(
                    "The Tracker RMS username \(username)\(settings.origin(of: .username)) needs its password: pass "
                        + "--password, set TRACKER_RMS_PASSWORD, or name the variable that holds it with password_env "
                        + "in a profile.")
            }
            return .usernamePassword(username: username, password: password)
        }
        throw CommandFailure.usage(
            "No Tracker RMS credentials given. Pass --api-key (or set TRACKER_RMS_API_KEY; the account's key from "
                + "Tracker's support), or --username and --password (TRACKER_RMS_USERNAME and TRACKER_RMS_PASSWORD, "
                + "or username and password_env in a profile); or add --sandbox.")
    }

    /// `--known-stage NAME=ID` entries as statuses.
    /// - Throws: ``CommandFailure`` naming an entry that is not `NAME=ID`.
    static func knownStages(_ settings: ResolvedSettings) throws -> [RMSStatus] {
        try settings.knownStages.map { entry in
            guard let equals = entry.lastIndex(of: "="),
                case let name = entry[..<equals].trimmingCharacters(in: .whitespaces), !name.isEmpty,
                case let id = entry[entry.index(after: equals)...].trimmingCharacters(in: .whitespaces), !id.isEmpty
            else {
                throw CommandFailure.usage(
                    "Known stage '\(entry)'\(settings.origin(of: .knownStages)) is not NAME=ID: Tracker RMS moves "
                        + "placements by status id, so give each status's name and id, e.g. --known-stage "
                        + "\"Interview=4\" (the ids are in Tracker's settings, or `ats stages list` on an account "
                        + "that exposes them).")
            }
            return RMSStatus(id: RMSRecordID(rawValue: id), name: name, group: nil)
        }
    }

    /// The embedded sandbox of `--sandbox`, as the `ATS_SANDBOX_*` variables and `--timezone` make it.
    /// - Throws: ``CommandFailure`` naming a variable that cannot be used here.
    static func embeddedConfiguration(environment: [String: String], zone: TimeZone?) throws
        -> RMSSandboxConfiguration
    {
        let knobs = try EmbeddedSandboxEnvironment.sharedKnobs(environment, provider: "tracker-rms")
        var configuration = RMSSandboxConfiguration()
        if let zone { configuration.timeZoneIdentifier = zone.identifier }
        configuration.behavior.rateLimit = knobs.rateLimit
        configuration.behavior.faultRate = knobs.faultRate ?? 0
        // A fault that drops the connection after the write landed makes the write's outcome unknown;
        // the embedded sandbox draws only faults that a retry recovers from.
        configuration.behavior.faultKinds = [.serverError, .badGatewayHTML, .status99]
        return configuration
    }
}
