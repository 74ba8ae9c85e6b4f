internal import ATSCore
import ArgumentParser
internal import Foundation
internal import Logging
internal import ServiceLifecycle
internal import TrackerSandbox
internal import UnixSignals

/// `ats sandbox`: runs a local server that behaves like Tracker, quirks and faults included.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local server that behaves like Tracker (or Tracker RMS, or Workable).",
        discussion: """
            Serves the Tracker REST API under http://HOST:PORT/api/v1 with seeded, procedurally generated \
            data (the same seed gives the same account), local-time timestamps, offset paging, asynchronous \
            workflow actions, triggers and signed webhooks. The knobs below add the quirks and faults of a real \
            server. Stop it with Ctrl-C (SIGINT) or SIGTERM; it shuts down gracefully.

            With --provider tracker-rms or --provider workable, that provider's sandbox runs instead: --host, \
            --port and --seed apply to it, and so do --timezone, --jobs, --rate-limit, --latency-ms and \
            --fault-rate where it has them; its own options are:

            \(TrackerRMSSandboxOptions.discussion)

            \(WorkableSandboxOptions.discussion)
            """
    )

    @Option(
        help: """
            The provider whose sandbox to run (env ATS_PROVIDER; default tracker). The options below are \
            Tracker's; another provider's own options are passed to its sandbox.
            """)
    var provider: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free port).")
    var port = 8080

    @Option(help: "The seed of the generated data and of every random draw.")
    var seed: UInt64 = 1

    @Option(help: "How many jobs the account has (default: 40).")
    var jobs: Int?

    @Option(help: "How many applications the account has (up to 50,000,000; generation is instant).")
    var applications = 2_000

    @Option(help: "The API key clients authenticate with (the HTTP Basic user).")
    var apiKey = "sandbox"

    @Option(help: "The API password (the HTTP Basic password and the webhook signing key).")
    var apiPassword = "sandbox"

    @Option(
        help: """
            How webhook deliveries' X-ATS-Signature combines the API password and the body: hmac, password-body \
            or body-password. X-Hub-Signature (the password's SHA-256) is always sent as well.
            """)
    var webhookSignature: WebhookSignatureOption = .hmac

    @Option(help: "The account's IANA time zone (default: America/Los_Angeles).")
    var timezone: String?

    @Option(help: "How record timestamps are written: naive-local (local wall time, no offset) or utc (with Z).")
    var timestamps: TimestampsOption = .naiveLocal

    @Option(help: "How GET /jobs/{id} and /applications/{id} answer: object, or array (a one-element array).")
    var singleRecord: SingleRecordOption = .object

    @Flag(help: "Silently ignore updated_after, returning everything (default: honour it).")
    var ignoreUpdatedAfter = false

    @Option(help: "Requests per second allowed per credential; excess gets 429 with Retry-After. (default: unlimited)")
    var rateLimit: Double?

    @Option(help: "Milliseconds added to every response (default: 0).")
    var latencyMs: Int?

    @Option(help: "Up to this many further milliseconds, at random, added to every response.")
    var latencyJitterMs = 0

    @Option(
        help: """
            Probability (0…1) that a request fails: 500 with JSON, 502 with HTML, connection closed mid-body, \
            truncated JSON, or 200 with a non-JSON body. (default: 0)
            """
    )
    var faultRate: Double?

    @Option(help: "Background changes per second (status updates, insertions, deletions of applications).")
    var mutationRate = 0.0

    @Option(help: "Milliseconds before a workflow action runs.")
    var actionDelayMs = 1_000

    @Option(help: "Probability (0…1) that a workflow action fails when it runs.")
    var actionFailureRate = 0.0

    @Option(
        help: """
            Whether the endpoints Tracker does not document exist: present, missing-json (404 with a JSON \
            error) or missing-html (404 with an HTML page). Missing ones are POST /applications, \
            PUT /applications/{id}, the custom-field schemas, POST /notes, POST /files, \
            GET /files/{id}/download, DELETE /files/{id}, GET and DELETE /triggers, GET and DELETE /webhooks, \
            and GET /users.
            """
    )
    var modelEndpoints: ModelEndpointsOption = .present

    @Option(help: "The account's applicant statuses, comma-separated.")
    var statuses = SandboxConfiguration.defaultStatuses.joined(separator: ",")

    /// Options this command does not know: another provider's sandbox options, for its launcher.
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var providerArguments: [String] = []

    func validate() throws {
        // Another provider's sandbox checks its own options when it starts.
        guard chosenProviderName.lowercased() == "tracker" else { return }
        do {
            _ = try makeConfiguration()
        } catch let error as SandboxConfigurationError {
            throw ValidationError(error.message)
        }
    }

    /// `--provider`, else `ATS_PROVIDER`, else tracker.
    var chosenProviderName: String {
        let environment = ProcessInfo.processInfo.environment
        return provider ?? environment["ATS_PROVIDER"].flatMap { $0.isEmpty ? nil : $0 } ?? "tracker"
    }

    /// The options every sandbox may have that were given, as arguments for another provider's launcher.
    var sharedProviderArguments: [String] {
        var arguments: [String] = []
        if let timezone { arguments += ["--timezone", timezone] }
        if let jobs { arguments += ["--jobs", String(jobs)] }
        if let rateLimit { arguments += ["--rate-limit", String(rateLimit)] }
        if let latencyMs { arguments += ["--latency-ms", String(latencyMs)] }
        if let faultRate { arguments += ["--fault-rate", String(faultRate)] }
        return arguments
    }

    func run() async throws {
        let name = chosenProviderName
        let origin =
            provider != nil ? " (from flag --provider)" : name == "tracker" ? "" : " (from environment ATS_PROVIDER)"
        let registration: ProviderRegistration
        do {
            registration = try ProviderRegistry.active.registration(named: name, origin: origin)
        } catch let failure as CommandFailure {
            throw ValidationError(failure.message)
        }
        guard registration.name == .tracker else {
            try await registration.sandbox(
                SandboxRequest(
                    host: host, port: port, seed: seed, arguments: sharedProviderArguments + providerArguments))
            return
        }
        try await runTrackerSandbox()
    }

    /// Runs the Tracker sandbox with this command's options until SIGINT or SIGTERM.
    func runTrackerSandbox() async throws {
        if let unknown = providerArguments.first {
            throw ValidationError("Unknown option '\(unknown)' for the Tracker sandbox; see `ats sandbox --help`.")
        }
        let configuration = try makeConfiguration()
        let server = try SandboxServer(configuration: configuration)
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: server, successTerminationBehavior: .gracefullyShutdownGroup)],
            logger: SandboxServer.loggingDisabled
        )
        groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint]
        let group = ServiceGroup(configuration: groupConfiguration)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                guard let running = try? await server.waitUntilRunning() else { return }
                Self.printBanner(running, configuration: configuration)
            }
            try await tasks.waitForAll()
        }
        print("Tracker sandbox stopped.")
        fflush(nil)
    }

    private static func printBanner(_ running: RunningSandbox, configuration: SandboxConfiguration) {
        let behavior = configuration.behavior
        print(
            """
            Tracker sandbox listening.
              Base URL:     \(running.baseURL)
              Credentials:  API key \(running.apiKey), API password \(running.apiPassword) (HTTP Basic)
              Data:         seed \(configuration.seed), \(configuration.jobCount) jobs, \
            \(configuration.applicationCount) applications, time zone \(behavior.timeZone.identifier), \
            timestamps \(behavior.timestampMode.rawValue)
              Try:          curl -i -u \(running.apiKey):\(running.apiPassword) '\(running.baseURL)/applications?page=1&per_page=5'
            Press Ctrl-C to stop.
            """
        )
        // Standard output is fully buffered when redirected; show the banner now, not at exit.
        // (`nil` flushes every stream; naming `stdout` is not concurrency-safe in Swift 6.)
        fflush(nil)
    }
}
