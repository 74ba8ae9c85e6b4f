import ATSCore
import ArgumentParser
import Foundation
import TrackerAPI
import TrackerATS

/// `ats applications bulk-reject`: rejects many applications, resumably.
struct ApplicationsBulkRejectCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulk-reject",
        abstract: "Reject many applications, with a per-application report.",
        discussion: """
            Ids come from the arguments, from --file (one per line, or separated by spaces or commas; - for \
            standard input), or from standard input when it is not a terminal. Each application is checked \
            first: one already rejected is reported and left alone, one that does not exist is reported as not \
            found. Failures are reported per application and never stop the others; the command exits non-zero \
            when any failed. With --journal FILE, every step is recorded before it is taken: if the run is \
            interrupted (Ctrl-C, a crash, a lost connection), run the same command with the same journal to \
            finish it; nothing is rejected twice. Progress is shown on standard error. A rate-limited account \
            slows the run down but does not fail it: 429 answers are waited out, and halve the requests in \
            flight until Tracker accepts them again. Works with every provider that can reject (`ats coverage`); \
            Workable has no bulk endpoint, so its rejections are a loop paced to the account's limit.
            """
    )

    static let writesAsAMember = true

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "Application ids.") var ids: [String] = []
    @Option(help: "A file of application ids; - reads standard input.") var file: String?
    @OptionGroup var rejection: RejectionArguments
    @OptionGroup var facts: AccountFactsOptions
    @Option(help: "A journal file that makes the run resumable (created if missing).") var journal: String?
    @Option(help: "Applications worked on, and requests in flight, at once.") var concurrency: Int = 8
    @Option(
        help: """
            The longest wait, in seconds, for Tracker to apply the rejections once they are sent (default: \
            --resend-after plus 600, so a rejection whose answer was lost can be sent again and confirmed).
            """)
    var timeout: Int?
    @Option(
        help: """
            Seconds an application whose rejection was sent but not answered (a lost connection, a killed \
            run) is given to show the rejection before it is sent again.
            """)
    var resendAfter: Int = 300
    @Option(help: "At most this many requests per second to the provider (Tracker's default: 10).")
    var rateLimit: Double?
    @Flag(help: "Print JSON Lines, one application per line.") var json = false

    var settingFlags: [SettingKey: SettingValue] { facts.settingFlags.merging(rejection.settingFlags) { $1 } }

    /// The least time between sending a lost rejection again and giving up on confirming it.
    static let resendMargin = 60

    /// `--timeout`, or its default: long enough to send a lost rejection again and see it applied.
    var confirmationTimeout: Int { timeout ?? resendAfter + 600 }

    func checkBeforeConnecting() throws {
        guard concurrency >= 1 else { throw CommandFailure.usage("--concurrency must be at least 1.") }
        guard resendAfter > 0 else {
            throw CommandFailure.usage("--resend-after must be a positive number of seconds.")
        }
        if let timeout {
            guard timeout > 0 else { throw CommandFailure.usage("--timeout must be a positive number of seconds.") }
            // A rejection whose answer was lost is sent again only after --resend-after, and must
            // then show before --timeout: a shorter timeout turns one lost answer into a failure.
            guard timeout >= resendAfter + Self.resendMargin else {
                let smaller =
                    timeout > Self.resendMargin
                    ? ", or --resend-after \(timeout - Self.resendMargin) or less with this timeout" : ""
                throw CommandFailure.usage(
                    "--timeout \(timeout) is too short for --resend-after \(resendAfter): a rejection whose answer "
                        + "was lost is sent again only after \(resendAfter) s and must then show before the timeout. "
                        + "Give --timeout \(resendAfter + Self.resendMargin) or more\(smaller).")
            }
        }
        if let rateLimit, !(rateLimit > 0 && rateLimit.isFinite) {
            throw CommandFailure.usage("--rate-limit takes a number of requests per second above 0, not \(rateLimit).")
        }
    }

    /// Unattended settings: the patient retry policy, `--concurrency` requests in flight, `--rate-limit`.
    func adjust(_ configuration: inout TrackerAPI.Configuration) {
        UnattendedRequests.apply(to: &configuration)
        configuration.maximumRequestsInFlight = concurrency
        if let rateLimit { configuration.rateLimit = UnattendedRequests.rateLimit(rateLimit) }
    }

    func run() async throws {
        try await reporting {
            try checkBeforeConnecting()
            let environment = ProcessInfo.processInfo.environment
            let isTracker =
                try connection.providerRegistration(environment: environment, flags: settingFlags).name == .tracker
            let ids = try BulkRejectInput.ids(
                arguments: ids, file: file, standardInput: .standardInput,
                standardInputIsTerminal: BulkRejectProgressDisplay.standardInputIsTerminal, wholeNumbers: isTracker)
            guard isTracker else {
                // Another provider reads --rate-limit as its rate_limit setting, over the profile's.
                var flags = settingFlags
                if let rateLimit { flags[.rateLimit] = .number(rateLimit) }
                try await connection.withATSClient(environment: environment, flags: flags) { client in
                    try await execute(client, ids: ids, output: .standard, progress: .standardError)
                    await ProviderCommandNotes.print(after: client, wrote: true)
                }
                return
            }
            let writes = TrackerATSClient.WriteSettings(inDoubtSettleTime: .seconds(resendAfter))
            try await connection.withClient(flags: settingFlags, writes: writes, adjusting: { adjust(&$0) }) {
                try await execute($0, ids: ids, output: .standard, progress: .standardError)
            }
        }
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let ids = try BulkRejectInput.ids(
            arguments: ids, file: file, standardInput: .of([]), standardInputIsTerminal: true,
            wholeNumbers: client.capabilities.provider == .tracker)
        try await execute(client, ids: ids, output: output, progress: nil)
    }

    func execute(
        _ client: any ATSClient,
        ids: [String],
        output: CommandOutput,
        progress: BulkRejectProgressDisplay?
    ) async throws {
        await AccountFacts.observe(facts.knownStages, in: client)
        let journalFile = journal.map { FileBulkRejectionJournal(url: URL(fileURLWithPath: $0)) }
        var onProgress: (@Sendable (BulkRejectionProgress) -> Void)?
        if let progress { onProgress = { progress.update($0) } }
        let request = BulkRejectionRequest(
            applications: ids.map(ApplicationID.init),
            options: rejection.options(wait: ATSWaitPolicy(level: .verified, timeout: .seconds(confirmationTimeout))),
            maximumConcurrency: concurrency,
            journal: journalFile,
            progress: onProgress)
        let report = try await client.bulkReject(request)
        await journalFile?.close()
        try print(report, to: output)
        let failures = report.failures
        guard failures.isEmpty else {
            let resume =
                journal.map { " Run the same command with --journal \($0) to retry them; nothing is rejected twice." }
                ?? " Run again with --journal FILE to make a retry safe to repeat."
            // The report may be piped away; the first reasons also go with the error on standard error.
            let reasons = failures.prefix(3).map { item in
                "\(item.application.rawValue): \(item.outcome.failure ?? "failed")"
            }
            let more = failures.count > 3 ? "; and \(failures.count - 3) more (see the report)" : ""
            throw CommandFailure.failed(
                "\(failures.count) of \(report.items.count) applications were not rejected: "
                    + reasons.joined(separator: "; ") + more + "." + resume)
        }
    }

    private func print(_ report: BulkRejectionReport, to output: CommandOutput) throws {
        if json {
            for item in report.items { output.line(try RecordJSON.line(ItemObject(item))) }
            return
        }
        let table = TextTable(
            columns: [
                .init(title: "ID", width: 10), .init(title: "OUTCOME", width: 16), .init(title: "DETAIL", width: 80),
            ],
            output: output)
        table.header()
        for item in report.items {
            var detail = item.outcome.failure ?? (item.isFromJournal ? "settled in an earlier run" : "")
            if let warning = item.warning { detail += (detail.isEmpty ? "" : "; ") + warning }
            table.row([item.application.rawValue, item.outcome.name, detail])
        }
        output.line(
            "Rejected \(report.count("rejected")), already rejected \(report.count("already_rejected")), "
                + "not found \(report.count("not_found")), failed \(report.count("failed")).")
    }

    struct ItemObject: Encodable {
        var applicationId: String
        var outcome: String
        var detail: String?
        var fromJournal: Bool
        var actionIds: [String]
        var reasonNoteId: String?
        var warning: String?

        init(_ item: BulkRejectionItem) {
            applicationId = item.application.rawValue
            outcome = item.outcome.name
            detail = item.outcome.failure
            fromJournal = item.isFromJournal
            actionIds = item.references
            reasonNoteId = item.reasonNote?.rawValue
            warning = item.warning
        }
    }
}
