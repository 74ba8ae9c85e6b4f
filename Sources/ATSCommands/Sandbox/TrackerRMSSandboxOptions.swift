import ArgumentParser
internal import Foundation
internal import ServiceLifecycle
internal import TrackerRMSSandbox
internal import UnixSignals

/// `ats sandbox --provider tracker-rms`: the Tracker RMS sandbox's own options (the knobs of
/// `RMSSandboxBehavior` and the seeded data's size), parsed from what `ats sandbox` passes on.
struct TrackerRMSSandboxOptions: ParsableArguments {
    static let discussion = """
        Tracker RMS (--provider tracker-rms): --timezone ZONE (default America/Chicago), --jobs N \
        (opportunities, 40), --resources N (250), --placements N (400), --activities N (300), --page-base \
        zero|one|one-zero-empty|one-zero-99, --page-size-cap N (500), --count page|total, \
        --placements-only-working, --settings-shape top-level|nested-lowercase|only-settings-data, \
        --rate-limit R (per second), --latency-ms N, --fault-rate P, --faults LIST \
        (server-error,bad-gateway-html,html-200,dropped-connection,status-99), --mutations-per-hour N, \
        --omit-record-id.
        """

    @Option(help: "The account's IANA time zone: naive date-times are written and read in it.")
    var timezone = "America/Chicago"
    @Option(name: [.customLong("jobs"), .customLong("opportunities")], help: "Opportunities (jobs) to seed.")
    var opportunities = 40
    @Option(help: "Resources (candidates) to seed.") var resources = 250
    @Option(help: "Placements (applications) to seed.") var placements = 400
    @Option(help: "Activities (notes, calls) to seed.") var activities = 300
    @Option(help: "How pages are numbered: zero, one, one-zero-empty or one-zero-99.") var pageBase = "zero"
    @Option(help: "The largest page served.") var pageSizeCap = 500
    @Option(help: "What count means: page or total.") var count = "page"
    @Flag(help: "List only placements in the Working, Offer and Complete groups, as a live account may.")
    var placementsOnlyWorking = false
    @Option(help: "The settings' shape: top-level, nested-lowercase or only-settings-data.")
    var settingsShape = "top-level"
    @Option(help: "Requests per second per credential before HTTP 429 (default: unlimited).") var rateLimit: Double?
    @Option(help: "Milliseconds added to every answer.") var latencyMs = 0
    @Option(help: "The share of requests (0…1) failed with one of --faults.") var faultRate = 0.0
    @Option(help: "The faults drawn from, comma-separated.") var faults: String?
    @Option(help: "Background changes per hour (moves, edits, notes).") var mutationsPerHour = 0.0
    @Flag(help: "Creates answer without recordId.") var omitRecordId = false

    /// The sandbox configuration these options describe.
    /// - Parameters:
    ///   - host: The address to listen on.
    ///   - port: The port (0: any free one).
    ///   - seed: The data's seed.
    /// - Throws: `ValidationError` naming the option that cannot be used.
    func configuration(host: String, port: Int, seed: UInt64) throws -> RMSSandboxConfiguration {
        try SandboxChoice.check(TimeZone(identifier: timezone) != nil, "--timezone: unknown time zone '\(timezone)'")
        try SandboxChoice.check(opportunities >= 1, "--jobs must be at least 1, not \(opportunities)")
        try SandboxChoice.check(resources >= 1, "--resources must be at least 1, not \(resources)")
        try SandboxChoice.check(placements >= 0, "--placements must not be negative")
        try SandboxChoice.check(activities >= 0, "--activities must not be negative")
        try SandboxChoice.check(pageSizeCap >= 1, "--page-size-cap must be at least 1")
        try SandboxChoice.check(latencyMs >= 0, "--latency-ms must not be negative")
        try SandboxChoice.check((0...1).contains(faultRate), "--fault-rate must be between 0 and 1, not \(faultRate)")
        try SandboxChoice.check(
            mutationsPerHour >= 0 && mutationsPerHour.isFinite, "--mutations-per-hour must be zero or positive")
        if let rateLimit {
            try SandboxChoice.check(
                rateLimit > 0 && rateLimit.isFinite, "--rate-limit must be a positive number of requests per second")
        }
        let behavior = RMSSandboxBehavior(
            pageBase: try SandboxChoice.parse(pageBase, flag: "--page-base"),
            pageSizeCap: pageSizeCap,
            countMeaning: try SandboxChoice.parse(count, flag: "--count"),
            placementsListOnlyWorkingStates: placementsOnlyWorking,
            settingsShape: try SandboxChoice.parse(settingsShape, flag: "--settings-shape"),
            rateLimit: rateLimit, latency: .milliseconds(latencyMs), faultRate: faultRate,
            faultKinds: try faults.map { try SandboxChoice.parseList($0, flag: "--faults") }
                ?? RMSSandboxFault.allCases,
            mutationsPerHour: mutationsPerHour, omitRecordIDOnCreate: omitRecordId)
        return RMSSandboxConfiguration(
            host: host, port: port, seed: seed, opportunityCount: opportunities, resourceCount: resources,
            placementCount: placements, activityCount: activities, timeZoneIdentifier: timezone, behavior: behavior)
    }

    /// Runs the sandbox until SIGINT or SIGTERM, with a banner on standard output.
    /// - Parameter request: The address and seed `ats sandbox` parsed.
    /// - Throws: `ValidationError` for a bad option, or the server's error (a taken port).
    static func run(_ request: SandboxRequest) async throws {
        let options: Self
        do {
            options = try parse(request.arguments)
        } catch {
            throw ValidationError("Tracker RMS sandbox: " + message(for: error))
        }
        let configuration = try options.configuration(host: request.host, port: request.port, seed: request.seed)
        let server: RMSSandboxServer
        do {
            server = try RMSSandboxServer(configuration: configuration)
        } catch let error as RMSSandboxConfigurationError {
            throw ValidationError(error.reason)
        }
        try await SandboxServing.serve(server, logger: RMSSandboxServer.loggingDisabled, name: "Tracker RMS") {
            banner(try await server.waitUntilRunning(), configuration: configuration)
        }
    }

    /// What the sandbox prints once it listens: where, how to sign in (the sandbox's own,
    /// published credentials) and a request to try.
    static func banner(_ running: RunningRMSSandbox, configuration: RMSSandboxConfiguration) -> String {
        let body =
            #"{"trackerrms":{"getRecords":{"credentials":{"apikey":""# + running.apiKey
            + #""},"instructions":{"recordtype":"O","numrecords":5,"pagenum":0}}}}"#
        return """
            Tracker RMS sandbox listening.
              Base URL:     \(running.baseURL) (widget API under /api/widget/OPERATION, REST documents under /api)
              Credentials:  API key \(running.apiKey); or username \(running.username), password \(running.password); \
            REST token \(running.restToken)
              Data:         seed \(configuration.seed), \(configuration.opportunityCount) opportunities, \
            \(configuration.resourceCount) resources, \(configuration.placementCount) placements, time zone \
            \(configuration.timeZoneIdentifier)
              Use it:       ats jobs list --provider tracker-rms --base-url \(running.baseURL) --api-key \(running.apiKey) \
            --timezone \(configuration.timeZoneIdentifier)
              Try:          curl -s -X POST \(running.baseURL)/api/widget/getRecords -H 'Content-Type: application/json' \
            -d '\(body)'
            Press Ctrl-C to stop.
            """
    }
}
