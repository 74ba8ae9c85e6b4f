import ATSCore
import ATSSync
import Foundation
import WorkableAPI
import WorkableATS
import WorkableSandbox
import WorkableSync

extension ProviderRegistration {
    /// Workable, through its SPI v3: its client (``WorkableATSClient``), its sandbox
    /// (`ats sandbox --provider workable`) and its sync source (`WorkableSyncSource`).
    static let workable = ProviderRegistration(
        name: .workable,
        summary: "Workable's SPI v3",
        capabilities: .workable,
        withClient: WorkableConnection.withClient,
        sandbox: WorkableSandboxOptions.run,
        withSyncSource: { request, body in
            try await WorkableConnection.withClient(request) { client in
                try await body(
                    ProviderSyncSession(defaultAccountName: ATSProvider.workable.rawValue) { pass in
                        guard let workable = client as? WorkableATSClient else {
                            return try await pass.run(ATSClientSyncSource(client: client, account: pass.account))
                        }
                        // Notes and files cost one request per candidate record (at 10 requests per 10 s):
                        // a sync without --streams mirrors the list streams only, and the sweep runs when
                        // asked for (--streams notes,files), resumable from the engine's checkpoint.
                        var pass = pass
                        if !pass.streamsChosen {
                            pass.streams = pass.streams.filter(WorkableSyncSource.recordStreams.contains)
                        }
                        return try await pass.run(WorkableSyncSource(client: workable, account: pass.account))
                    })
            }
        })
}

/// How the command line connects to Workable: the resolved settings turned into the client's
/// configuration, or the embedded sandbox for `--sandbox`.
enum WorkableConnection {
    /// Runs `body` with a Workable client.
    /// - Throws: ``CommandFailure`` naming a missing or wrong setting, or what `body` throws.
    @Sendable static func withClient(
        _ request: ProviderRequest, _ body: (any ATSClient) async throws -> Void
    ) async throws {
        let options = request.options
        let settings = try options.settings(environment: request.environment, flags: request.flags)
        var clientSettings = WorkableATSClient.Settings(
            memberID: settings.text(.memberID).map { WorkableMemberID($0) },
            candidateIDSecret: options.candidateIDSecret(environment: request.environment))
        let level = try CommandLogging.level(flag: options.logLevel, environment: request.environment)
        if let level { clientSettings.logger = CommandLogging.logger(label: "ats.workable", level: level) }
        if options.sandbox {
            try ProviderSettings.refuseConnectionFlags(
                with: options, named: [.baseURL, .apiToken], settings: settings)
            let embedded = try embeddedConfiguration(environment: request.environment)
            try await withWorkableSandbox(embedded) { sandbox in
                var configuration = WorkableAPI.Configuration(baseURL: sandbox.baseURL, token: sandbox.token)
                configuration.logger = clientSettings.logger
                configuration.rateLimit = rateLimit(settings.rateLimit) ?? embeddedClientLimit(embedded)
                try await WorkableATSClient.withWorkableATSClient(
                    configuration: configuration, settings: clientSettings
                ) { try await body($0) }
            }
            return
        }
        guard let baseURL = settings.text(.baseURL) else {
            throw CommandFailure.usage(
                "No Workable account given. Pass --base-url https://SUBDOMAIN.workable.com/spi/v3 (or set "
                    + "WORKABLE_BASE_URL, or base_url in a profile), where SUBDOMAIN names the account; or add "
                    + "--sandbox to try a local sandbox.")
        }
        guard let token = settings.text(.apiToken) else {
            if let profile = settings.profile, let variable = profile.apiTokenEnv {
                throw CommandFailure.usage(
                    "Profile '\(profile.name)' takes the Workable API token from the environment variable "
                        + "\(variable), which is not set. Set it (export \(variable)=…) or pass --api-token.")
            }
            throw CommandFailure.usage(
                "No Workable API token given. Pass --api-token (or set WORKABLE_API_TOKEN, or name the variable "
                    + "that holds it with api_token_env in a profile): an account token from Workable's settings, "
                    + "Integrations → API access tokens, with the scopes r_jobs, r_candidates and w_candidates.")
        }
        var configuration = WorkableAPI.Configuration(baseURL: baseURL, token: token)
        configuration.logger = clientSettings.logger
        // A person is waiting: an unreachable server should be reported in seconds, not minutes.
        configuration.timeouts.connect = .seconds(5)
        if let limit = rateLimit(settings.rateLimit) { configuration.rateLimit = limit }
        try await WorkableATSClient.withWorkableATSClient(configuration: configuration, settings: clientSettings) {
            client in
            try await ProviderErrors.explaining(provider: "Workable", settings: settings, advice: advice) {
                try await body(client)
            }
        }
    }

    /// What to do when Workable refuses the token or cannot be reached.
    static let advice = ProviderErrors.Advice(
        credentials: "Check --api-token (WORKABLE_API_TOKEN, or api_token_env in a profile): an account token "
            + "from Workable's settings, Integrations → API access tokens, for this account's subdomain, with the "
            + "scopes r_jobs, r_candidates and w_candidates (scopes cannot be added to a token later).",
        baseURL: "Check --base-url: it is https://SUBDOMAIN.workable.com/spi/v3, where SUBDOMAIN names the "
            + "account.")

    /// `rate_limit` (requests per second) as Workable's budget of requests per 10-second window.
    static func rateLimit(_ perSecond: Double?) -> WorkableRateLimit? {
        perSecond.map { WorkableRateLimit(requests: max(1, Int(($0 * 10).rounded(.down)))) }
    }

    /// The client's budget for the embedded sandbox: the sandbox's own limit, or none to speak of.
    static func embeddedClientLimit(_ configuration: WorkableSandboxConfiguration) -> WorkableRateLimit {
        guard let limit = configuration.behavior.rateLimit else { return WorkableRateLimit(requests: 10_000) }
        return WorkableRateLimit(requests: limit, window: .seconds(configuration.behavior.rateWindowSeconds))
    }

    /// The embedded sandbox of `--sandbox`, as the `ATS_SANDBOX_*` variables make it: no rate limit
    /// unless `ATS_SANDBOX_RATE_LIMIT` asks for one (requests per second, served per 10-second window).
    /// - Throws: ``CommandFailure`` naming a variable that cannot be used here.
    static func embeddedConfiguration(environment: [String: String]) throws -> WorkableSandboxConfiguration {
        let knobs = try EmbeddedSandboxEnvironment.sharedKnobs(environment, provider: "workable")
        var behavior = WorkableSandboxBehavior(rateLimit: knobs.rateLimit.map { max(1, Int(($0 * 10).rounded())) })
        behavior.faultRate = knobs.faultRate ?? 0
        // Faults that a retry recovers from; a dropped connection after a write would leave its outcome unknown.
        behavior.faultKinds = [.serverError, .badGatewayHTML, .serviceUnavailable]
        return WorkableSandboxConfiguration(behavior: behavior)
    }
}
