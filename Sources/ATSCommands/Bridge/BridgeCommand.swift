import ATSBridge
import ATSCore
import ArgumentParser
import Foundation
import Logging

/// `ats bridge`: one ATS's applicants mirrored into another (Workable into Tracker), never twice.
struct BridgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bridge",
        abstract: "Mirror the applications of one ATS into another, creating each person once per job.",
        discussion: """
            The configuration file (--config) names the source and target accounts (provider, base_url, and the \
            names of the environment variables that hold their secrets: api_password_env, api_token_env, \
            api_key_env) and maps each source job id to a target job id (jobs). For every source application on a \
            mapped job, the person's application on the mapped target job is found by e-mail address (case and \
            surrounding spaces ignored) or created. Each application is reported: created, existing, skipped \
            (its job is not mapped) or failed (no e-mail address, or the target refused). The target is read \
            before anything is created, so a second run creates nothing, also after a crash or without the \
            journal. With --journal FILE each create is recorded before it is sent and settled after; a run \
            interrupted between the two reads the target again before deciding. Exit status: 0 when nothing \
            failed, 1 when some application failed (every row is still printed), 2 for a configuration error. \
            See docs/BRIDGE.md.
            """
    )

    /// The exit status of a configuration error (the contract's 2).
    static let configurationErrorStatus: Int32 = 2

    @Option(help: "The bridge configuration (JSON): source, target, jobs.") var config: String
    @Option(
        help: "A journal file: each create is recorded before it is sent (created if missing, locked while in use).")
    var journal: String?
    @Flag(help: "Print JSON Lines, one source application per line.") var json = false
    @Flag(help: "Read both sides and report what would be created; send no write, write no journal.")
    var dryRun = false
    @Option(
        help: """
            Log both sides' requests and retries to standard error from this level up: trace, debug, info, notice, \
            warning, error or critical (env ATS_LOG_LEVEL). Tokens, keys and passwords are never logged.
            """)
    var logLevel: String?

    func run() async throws {
        try await reporting {
            let status = try await bridge(environment: ProcessInfo.processInfo.environment, output: .flushed)
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// Runs the bridge and prints its rows.
    /// - Returns: The exit status: 0, or 1 when a row failed.
    /// - Throws: ``CommandFailure`` (status 2 for configuration problems), or what the run throws.
    func bridge(environment: [String: String], output: CommandOutput) async throws -> Int32 {
        let settings = try BridgeConfigurationReader.read(path: config)
        let level = try CommandLogging.level(flag: logLevel, environment: environment)
        let journal = try openJournal(for: settings)
        do {
            let status = try await bridge(
                settings, journal: journal, environment: environment, logLevel: level, output: output)
            await (journal as? FileBridgeJournal)?.close()
            return status
        } catch {
            await (journal as? FileBridgeJournal)?.close()
            throw error
        }
    }

    private func bridge(
        _ settings: BridgeConfiguration, journal: any BridgeJournal, environment: [String: String],
        logLevel: Logger.Level?, output: CommandOutput
    ) async throws -> Int32 {
        let printer = BridgeReportPrinter(json: json, output: output)
        var report = BridgeReport()
        try await BridgeEndpoints.withClient(settings.source, environment: environment, logLevel: logLevel) { source in
            try await BridgeEndpoints.withClient(settings.target, environment: environment, logLevel: logLevel) {
                target in
                let bridge = ApplicationBridge(
                    source: source, target: target, jobs: settings.jobs, journal: journal,
                    // The jobs are checked just below, where an unknown one is a configuration error.
                    options: ApplicationBridge.Options(sourceLabel: settings.sourceLabel, checksJobs: false))
                do {
                    try await bridge.checkJobs()
                } catch let error as ATSError where error.code == .notFound {
                    throw BridgeConfigurationReader.failure(error.description)
                }
                report = try await bridge.run(dryRun: dryRun) { printer.print($0) }
            }
        }
        printer.summarize(report, journal: self.journal)
        return report.hasFailures ? 1 : 0
    }

    private func openJournal(for settings: BridgeConfiguration) throws -> any BridgeJournal {
        guard let path = journal else { return InMemoryBridgeJournal() }
        do {
            return try FileBridgeJournal(url: URL(fileURLWithPath: path), bridge: settings.identity, readOnly: dryRun)
        } catch let error as ATSError {
            throw BridgeConfigurationReader.failure(error.description)
        }
    }
}
