import ATSTestSupport
import Foundation
import Testing
import TrackerRMSSandbox
import WorkableSandbox

/// The command-line matrix for `--provider tracker-rms` and `--provider workable`: every leaf that
/// talks to a server, with each provider's missing settings, an unreachable server, and its own
/// sandbox (configured unlike its defaults) answering with the provider's failure shapes; and every
/// leaf only Tracker can run, refused with the provider's name and what to use instead.
extension CommandLineBadInputTests {
    /// The leaves that talk to a server and that `provider` runs.
    static func providerLeaves(_ leaf: CommandMatrix.Leaf) -> Bool {
        leaf.usesServer && ProviderMatrix.runs(leaf)
    }

    /// The leaf's arguments on `provider`, with a fresh mirror path for the leaves that write one.
    static func arguments(
        _ leaf: CommandMatrix.Leaf, provider: ProviderMatrix.Provider, scratch: URL, database: URL
    ) throws -> [String] {
        ProviderMatrix.arguments(try arguments(leaf, scratch: scratch), provider: provider)
            + (leaf.usesDatabase ? ["--database", database.path] : [])
    }

    /// The checks every provider case makes besides its own: no crash, no secret, no mirror left.
    static func commonChecks(
        _ outcome: CommandProcess.Outcome, secret: String, database: URL
    ) -> [(Bool, String)] {
        [
            (!ProviderMatrix.looksLikeACrash(outcome.standardError), "no crash or stack trace"),
            (
                !outcome.standardError.contains(secret) && !outcome.standardOutput.contains(secret),
                "the secret is not printed"
            ),
            (
                !FileManager.default.fileExists(atPath: database.path),
                "a failed first sync leaves no mirror behind"
            ),
        ]
    }

    @Test(arguments: ProviderMatrix.Provider.allCases)
    func trackerOnlyCommandsNameTheProviderAndWhatToUseInstead(_ provider: ProviderMatrix.Provider) async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        CLIFigures.shared.recordProvider(provider.rawValue)
        let secret = "unused-\(provider.rawValue)-Secret-31"
        try await Self.forEachLeaf(where: { !ProviderMatrix.runs($0) }) { leaf in
            let name = leaf.path.joined(separator: " ")
            let database = scratch.appendingPathComponent("refused-\(UUID().uuidString).sqlite")
            let outcome = try await CommandProcess.run(
                try Self.arguments(leaf, provider: provider, scratch: scratch, database: database)
                    + ProviderMatrix.server("http://127.0.0.1:1", provider: provider, secret: secret))
            let message = outcome.standardError
            Self.expectCase(
                "\(name) on \(provider): refused", outcome,
                [
                    (outcome.status == 64, "exit status 64 (usage), as for any setting that does not fit"),
                    (message.contains("`ats \(name)`"), "names the whole command"),
                    (message.contains("provider \(provider.rawValue)"), "names the provider chosen"),
                    (message.contains("Instead,"), "says what to use instead"),
                    (!message.contains("127.0.0.1:1"), "refused before anything is connected"),
                ] + Self.commonChecks(outcome, secret: secret, database: database))
        }
    }

    @Test(arguments: ProviderMatrix.Provider.allCases)
    func missingSettingsNameTheProvidersFlagsAndVariables(_ provider: ProviderMatrix.Provider) async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        CLIFigures.shared.recordProvider(provider.rawValue)
        try await Self.forEachLeaf(where: Self.providerLeaves) { leaf in
            let name = leaf.path.joined(separator: " ")
            let database = scratch.appendingPathComponent("missing-\(UUID().uuidString).sqlite")
            let base =
                try Self.arguments(leaf, provider: provider, scratch: scratch, database: database)
                + ["--provider", provider.rawValue]
            let noServer = try await CommandProcess.run(base)
            Self.expectCase(
                "\(name) on \(provider): no server", noServer,
                [
                    (noServer.status == 64, "exit status 64 (usage)"),
                    (noServer.standardError.contains("--base-url"), "names --base-url"),
                    (noServer.standardError.contains(provider.baseURLVariable), "names \(provider.baseURLVariable)"),
                    (noServer.standardError.contains(provider.displayName), "names \(provider.displayName)"),
                ] + Self.commonChecks(noServer, secret: Self.password, database: database))
            let noCredentials = try await CommandProcess.run(
                base, environment: [provider.baseURLVariable: "http://127.0.0.1:1"])
            Self.expectCase(
                "\(name) on \(provider): no credentials", noCredentials,
                [
                    (noCredentials.status == 64, "exit status 64 (usage)"),
                    (
                        provider.credentialNames.allSatisfy { noCredentials.standardError.contains($0) },
                        "names \(provider.credentialNames.joined(separator: ", "))"
                    ),
                ] + Self.commonChecks(noCredentials, secret: Self.password, database: database))
        }
    }

    @Test(arguments: ProviderMatrix.Provider.allCases)
    func anUnreachableProviderServerIsNamed(_ provider: ProviderMatrix.Provider) async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        CLIFigures.shared.recordProvider(provider.rawValue)
        let quickLeaves: Set<String> = ["jobs list", "sync", "applications move", "notes add"]
        let secret = "unreachable-\(provider.rawValue)-Secret-08"
        try await Self.forEachLeaf(where: {
            Self.providerLeaves($0)
                && (ReliabilityRun.isFull || quickLeaves.contains($0.path.joined(separator: " ")))
        }) { leaf in
            let database = scratch.appendingPathComponent("unreachable-\(UUID().uuidString).sqlite")
            let outcome = try await CommandProcess.run(
                try Self.arguments(leaf, provider: provider, scratch: scratch, database: database)
                    + ProviderMatrix.server("http://127.0.0.1:1", provider: provider, secret: secret))
            let message = outcome.standardError
            let checks: [(Bool, String)] =
                ProviderMatrix.lacksTheOperation(leaf, on: provider)
                ? [
                    (
                        message.contains("\(provider.rawValue) does not support"),
                        "says the provider has no such operation"
                    )
                ]
                : [
                    (message.contains("could not be reached"), "says the server could not be reached"),
                    (message.contains("127.0.0.1:1"), "names the server"),
                    (message.contains("--base-url"), "says to check --base-url"),
                ]
            Self.expectCase(
                "\(leaf.path.joined(separator: " ")) on \(provider): unreachable server", outcome,
                [(outcome.status == 1, "exit status 1")] + checks
                    + Self.commonChecks(outcome, secret: secret, database: database))
            CLIFigures.shared.recordUnreachable(seconds: outcome.seconds)
        }
    }

    @Test(arguments: ProviderServerCase.cases(of: .trackerRMS) + ProviderServerCase.cases(of: .workable))
    func theProvidersOwnFailuresAreExplained(_ serverCase: ProviderServerCase) async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let provider = serverCase.provider
        CLIFigures.shared.recordProvider(provider.rawValue)
        try await Self.withProviderServer(serverCase) { url, credentials, secret in
            let rateLimited = serverCase == .rmsRateLimited || serverCase == .workable429
            try await Self.forEachLeaf(
                where: { Self.providerLeaves($0) && serverCase.runs($0) }, concurrency: rateLimited ? 1 : 4
            ) { leaf in
                let database = scratch.appendingPathComponent("case-\(UUID().uuidString).sqlite")
                let outcome = try await CommandProcess.run(
                    try Self.arguments(leaf, provider: provider, scratch: scratch, database: database)
                        + ["--provider", provider.rawValue, "--base-url", url] + credentials)
                let message = outcome.standardError
                let lacking = ProviderMatrix.lacksTheOperation(leaf, on: provider)
                let warned =
                    ProviderServerCase.listsConfiguredStagesWithAWarning(leaf) && outcome.status == 0
                    && message.contains("Warning:") && message.contains("Only the configured stages")
                Self.expectCase(
                    "\(leaf.path.joined(separator: " ")): \(serverCase)", outcome,
                    (warned
                        ? [(message.contains(provider.displayName), "the warning names \(provider.displayName)")]
                        : [
                            (outcome.status == 1, "exit status 1"),
                            (
                                message.contains(provider.displayName) || message.contains(provider.rawValue),
                                "names \(provider.displayName)"
                            ),
                            lacking
                                ? (message.contains("does not support"), "says the provider has no such operation")
                                : serverCase.expectation(message, posts: leaf.posts),
                            (outcome.standardOutput.isEmpty || !leaf.posts, "no success printed for a write"),
                        ]) + Self.commonChecks(outcome, secret: secret, database: database),
                    knownIssue: leaf.knownIssue)
            }
        }
    }

    /// Runs `body` with the provider's sandbox answering as `serverCase` says, configured unlike
    /// its defaults, and the connection flags that reach it.
    static func withProviderServer(
        _ serverCase: ProviderServerCase,
        _ body: (_ url: String, _ credentials: [String], _ secret: String) async throws -> Void
    ) async throws {
        switch serverCase.provider {
        case .trackerRMS:
            var behavior = RMSSandboxBehavior(
                pageBase: .oneReadingZeroAsOne, pageSizeCap: 25, countMeaning: .total, settingsShape: .nestedLowercase)
            let fault: RMSSandboxFault? =
                switch serverCase {
                case .rmsStatus99: .status99
                case .rmsHTML200: .htmlSuccess
                case .rmsServerError: .serverError
                case .rmsBadGateway: .badGatewayHTML
                case .rmsDropped: .droppedConnection
                default: nil
                }
            if let fault {
                behavior.faultRate = 1
                behavior.faultKinds = [fault]
            }
            if serverCase == .rmsRateLimited { behavior.rateLimit = 1.0 / 600 }
            let configuration = RMSSandboxConfiguration(
                seed: 5, opportunityCount: 4, resourceCount: 12, placementCount: 20, activityCount: 10,
                timeZoneIdentifier: "Pacific/Auckland", behavior: behavior)
            try await withTrackerRMSSandbox(configuration) { sandbox in
                let credentials: [String] =
                    switch serverCase {
                    case .rmsStatus1: ["--api-key", "rms-wrong-key-Secret-19"]
                    case .rmsStatus2:
                        [
                            "--username", RMSSandboxConfiguration.inactiveUsername, "--password",
                            sandbox.password,
                        ]
                    default: ["--api-key", sandbox.apiKey]
                    }
                let secret = serverCase == .rmsStatus1 ? "rms-wrong-key-Secret-19" : sandbox.apiKey
                // Status 2 is the inactive user's: the secret on the command line is the password.
                try await body(
                    sandbox.baseURL, credentials + ["--timezone", "Pacific/Auckland"],
                    serverCase == .rmsStatus2 ? sandbox.password : secret)
            }
        case .workable:
            var behavior = WorkableSandboxBehavior(rateLimit: nil)
            behavior.resetFormat = .secondsFromNow
            behavior.nextLinks = .modernPath
            behavior.membersWithSingleRole = true
            switch serverCase {
            case .workableServerError: behavior.faultKinds = [.serverError]
            case .workableBadGateway: behavior.faultKinds = [.badGatewayHTML]
            case .workableUnavailable: behavior.faultKinds = [.serviceUnavailable]
            case .workableDropped: behavior.faultKinds = [.droppedConnection]
            default: behavior.faultKinds = []
            }
            behavior.faultRate = behavior.faultKinds.isEmpty ? 0 : 1
            if serverCase == .workable429 {
                behavior.rateLimit = 5
                behavior.rateWindowSeconds = 3_600
            }
            var configuration = WorkableSandboxConfiguration(personCount: 6, jobCount: 2, seed: 7, behavior: behavior)
            if serverCase == .workable429 {
                // The sandbox's windows are aligned on Unix time, so on the real clock the exhausted
                // hour ends at the next full hour: a case run in its last minutes sees a reset shorter
                // than the client's 5-minute deadline, rightly waits it out and then succeeds (or
                // outlasts the process deadline). A clock stopped a minute into a window keeps every
                // reset an hour away, as the case means.
                let now = Date().timeIntervalSince1970
                configuration.clock = ManualWorkableSandboxClock(
                    start: Date(timeIntervalSince1970: (now / 3_600).rounded(.down) * 3_600 + 60))
            }
            try await withWorkableSandbox(configuration) { sandbox in
                if serverCase == .workable429 { sandbox.control.exhaustRateLimit() }
                let token = serverCase == .workable401 ? "wk-wrong-token-Secret-44" : sandbox.token
                try await body(sandbox.baseURL, ["--api-token", token], token)
            }
        }
    }
}
