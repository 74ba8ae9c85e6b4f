import ArgumentParser
internal import Foundation
internal import ServiceLifecycle
internal import UnixSignals
internal import WorkableSandbox

/// `ats sandbox --provider workable`: the Workable sandbox's own options (the knobs of
/// `WorkableSandboxBehavior` and the seeded data's size), parsed from what `ats sandbox` passes on.
struct WorkableSandboxOptions: ParsableArguments {
    static let discussion = """
        Workable (--provider workable): --people N (40; each applies to one to three jobs), --jobs N (4), \
        --subdomain NAME (sandbox), --file-port N (the pre-signed file host; 0 any), --rate-limit N (requests \
        per window; Workable's 10), --no-rate-limit, --rate-window-seconds N (10), --reset-format \
        unixSeconds|secondsFromNow|iso8601, --sends-retry-after, --latency-ms N, --fault-rate P, --faults LIST \
        (serverError,badGatewayHTML,serviceUnavailable,droppedConnection,rateLimited), --next-links \
        legacyPath|modernPath|otherHost|nullOnLastPage, --wraps-single-job, --ignores-time-filters, \
        --members-with-single-role, --writes-answer-202, --mutation-interval-seconds N, \
        --mutations-per-interval N.
        """

    @Option(help: "People to seed; each applies to one to three jobs.") var people = 40
    @Option(help: "Jobs to seed (at least 3).") var jobs = 4
    @Option(help: "The account's subdomain.") var subdomain = "sandbox"
    @Option(help: "The pre-signed file host's port (0 picks a free one).") var filePort = 0
    @Option(help: "Requests per token per window before 429 (Workable's account tokens: 10).") var rateLimit: Double?
    @Flag(help: "No rate limit.") var noRateLimit = false
    @Option(help: "The rate-limit window in seconds.") var rateWindowSeconds = 10
    @Option(help: "How X-Rate-Limit-Reset is written: unixSeconds, secondsFromNow or iso8601.")
    var resetFormat = "unixSeconds"
    @Flag(help: "429 answers also carry Retry-After.") var sendsRetryAfter = false
    @Option(help: "Milliseconds added to every answer.") var latencyMs = 0
    @Option(help: "The share of requests (0…1) failed with one of --faults.") var faultRate = 0.0
    @Option(help: "The faults drawn from, comma-separated.") var faults: String?
    @Option(help: "How paging.next is written: legacyPath, modernPath, otherHost or nullOnLastPage.")
    var nextLinks = "legacyPath"
    @Flag(help: "GET /jobs/{shortcode} answers {\"job\": {...}}.") var wrapsSingleJob = false
    @Flag(help: "updated_after and created_after are ignored.") var ignoresTimeFilters = false
    @Flag(help: "Members come in the older shape (role, no active).") var membersWithSingleRole = false
    @Flag(name: .customLong("writes-answer-202"), help: "Moves, disqualifications and reverts answer 202.")
    var writesAnswer202 = false
    @Option(help: "Seconds of sandbox time between background changes (default: none).")
    var mutationIntervalSeconds: Int?
    @Option(help: "Background changes per interval.") var mutationsPerInterval = 1

    /// The sandbox configuration these options describe.
    /// - Parameters:
    ///   - host: The address to listen on.
    ///   - port: The API port (0: any free one).
    ///   - seed: The data's seed.
    /// - Throws: `ValidationError` naming the option that cannot be used.
    func configuration(host: String, port: Int, seed: UInt64) throws -> WorkableSandboxConfiguration {
        try SandboxChoice.check(people >= 1, "--people must be at least 1, not \(people)")
        try SandboxChoice.check(jobs >= 3, "--jobs must be at least 3 for the Workable sandbox, not \(jobs)")
        try SandboxChoice.check(
            !subdomain.isEmpty && subdomain.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" },
            "--subdomain must be letters, digits and '-', not '\(subdomain)'")
        try SandboxChoice.check((0...65_535).contains(filePort), "--file-port must be between 0 and 65535")
        try SandboxChoice.check(rateWindowSeconds >= 1, "--rate-window-seconds must be at least 1")
        try SandboxChoice.check(latencyMs >= 0, "--latency-ms must not be negative")
        try SandboxChoice.check((0...1).contains(faultRate), "--fault-rate must be between 0 and 1, not \(faultRate)")
        try SandboxChoice.check(mutationsPerInterval >= 1, "--mutations-per-interval must be at least 1")
        var limit: Int? = 10
        if let rateLimit {
            try SandboxChoice.check(
                !noRateLimit, "--rate-limit and --no-rate-limit contradict each other; give one of them")
            try SandboxChoice.check(
                rateLimit >= 1 && rateLimit == rateLimit.rounded() && rateLimit < 1_000_000,
                "--rate-limit for the Workable sandbox is a whole number of requests per window (10 s), such as 10")
            limit = Int(rateLimit)
        }
        if noRateLimit { limit = nil }
        var behavior = WorkableSandboxBehavior(rateLimit: limit, latency: .milliseconds(latencyMs))
        behavior.rateWindowSeconds = rateWindowSeconds
        behavior.resetFormat = try SandboxChoice.parse(resetFormat, flag: "--reset-format")
        behavior.sendsRetryAfter = sendsRetryAfter
        behavior.faultRate = faultRate
        if let faults { behavior.faultKinds = try SandboxChoice.parseList(faults, flag: "--faults") }
        behavior.nextLinks = try SandboxChoice.parse(nextLinks, flag: "--next-links")
        behavior.wrapsSingleJob = wrapsSingleJob
        behavior.ignoresTimeFilters = ignoresTimeFilters
        behavior.membersWithSingleRole = membersWithSingleRole
        behavior.writesAnswer202 = writesAnswer202
        if let mutationIntervalSeconds {
            try SandboxChoice.check(mutationIntervalSeconds >= 1, "--mutation-interval-seconds must be at least 1")
            behavior.mutationInterval = .seconds(mutationIntervalSeconds)
        }
        behavior.mutationsPerInterval = mutationsPerInterval
        var configuration = WorkableSandboxConfiguration(
            personCount: people, jobCount: jobs, seed: seed, behavior: behavior)
        configuration.host = host
        configuration.port = port
        configuration.filePort = filePort
        configuration.subdomain = subdomain
        return configuration
    }

    /// Runs the sandbox until SIGINT or SIGTERM, with a banner on standard output.
    /// - Parameter request: The address and seed `ats sandbox` parsed.
    /// - Throws: `ValidationError` for a bad option, or the servers' error (a taken port).
    static func run(_ request: SandboxRequest) async throws {
        let options: Self
        do {
            options = try parse(request.arguments)
        } catch {
            throw ValidationError("Workable sandbox: " + message(for: error))
        }
        let configuration = try options.configuration(host: request.host, port: request.port, seed: request.seed)
        let server = WorkableSandboxServer(configuration: configuration)
        try await SandboxServing.serve(server, logger: WorkableSandboxServer.loggingDisabled, name: "Workable") {
            banner(try await server.waitUntilRunning(), configuration: configuration)
        }
    }

    /// What the sandbox prints once it listens: where, the sandbox's own published token, and a
    /// request to try.
    static func banner(_ running: RunningWorkableSandbox, configuration: WorkableSandboxConfiguration) -> String {
        let limit =
            configuration.behavior.rateLimit.map {
                "\($0) requests per \(configuration.behavior.rateWindowSeconds) s"
            } ?? "none"
        return """
            Workable sandbox listening.
              Base URL:     \(running.baseURL) (also \(running.legacyBaseURL)); files on \(running.fileOrigin)
              Token:        \(running.token) (Bearer; read-only: \(running.readOnlyToken))
              Data:         seed \(configuration.seed), \(configuration.personCount) people, \
            \(configuration.jobCount) jobs, rate limit \(limit)
              Use it:       ats jobs list --provider workable --base-url \(running.baseURL) --api-token \(running.token)
              Try:          curl -s -H 'Authorization: Bearer \(running.token)' '\(running.baseURL)/candidates?limit=5'
            Press Ctrl-C to stop.
            """
    }
}
