import ATSSync
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `ats sync`: mirrors a Tracker account into SQLite or PostgreSQL, once or continuously.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Mirror a Tracker account into a SQLite file or a PostgreSQL database.",
        discussion: """
            The first run reads everything; later runs read only what changed since the last completed \
            one (minus a look-back that covers Tracker's local-time timestamps) and resume where an \
            interrupted run stopped. Deleted records are found by a full scan: pass --full, or it happens \
            on its own once a day. Tables: see docs/SCHEMA.md. Several processes may share one PostgreSQL \
            database; each account is synced by one of them at a time.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(
        help: """
            The mirror: a SQLite file (created if missing) or a postgres://user:password@host/db URL \
            (env ATS_DATABASE).
            """
    )
    var database: String?

    @Option(help: "The account's name in the mirror (default: the API host and a digest of the API key).")
    var account: String?

    @Option(
        parsing: .upToNextOption,
        help: "Only these streams (default all): jobs, custom_field_schemas, applications, candidates, notes, files."
    )
    var streams: [String] = []

    @Flag(help: "Read everything and mark records that are gone as deleted.")
    var full = false

    @Option(help: "Keep syncing, waiting this many seconds between runs, until interrupted (Ctrl-C or SIGTERM).")
    var watch: Int?

    @Flag(help: "Print the run report as one JSON object instead of a table.")
    var json = false

    @Flag(help: "Show no progress on standard error.")
    var quiet = false

    func validate() throws {
        if let watch, watch < 1 {
            throw ValidationError("--watch takes a number of seconds of at least 1, not \(watch).")
        }
        _ = try selectedStreams()
    }

    func run() async throws {
        try await reporting {
            try await execute(environment: ProcessInfo.processInfo.environment, output: .flushed)
        }
    }

    /// The command's work; tests call it with their own environment and output.
    func execute(environment: [String: String], output: CommandOutput) async throws {
        let target = try SyncDatabase(database ?? environment["ATS_DATABASE"] ?? "tracker.sqlite")
        let streams = try selectedStreams()
        let logger = Logger(label: "ats.sync") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        try await connection.withConnection(environment: environment) { connection in
            let name = SyncRunner.accountName(account, connection: connection)
            try await target.withStore(logger: logger) { store, lock in
                let runner = SyncRunner(
                    connection: connection, store: store, account: name, streams: streams,
                    progress: quiet ? nil : SyncProgressDisplay(), logger: logger)
                let acquired = try await lock(name) {
                    if let watch {
                        try await runWatching(runner, every: watch, target: target, output: output, logger: logger)
                    } else {
                        try print(try await runner.run(full: full), target: target, account: name, output: output)
                    }
                }
                guard acquired else {
                    throw CommandFailure.failed(
                        "Another `ats sync` is syncing account \(name) into \(target) right now. Wait for it "
                            + "to finish, or give this one a different --account or --database.")
                }
            }
        }
    }

    private func runWatching(
        _ runner: SyncRunner, every seconds: Int, target: SyncDatabase, output: CommandOutput, logger: Logger
    ) async throws {
        let service = WatchService(runner: runner, interval: .seconds(seconds), full: full) { report in
            try print(report, target: target, account: runner.account, output: output)
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
        standardError("Stopped. The next `ats sync` continues from the last committed page.\n")
    }

    private func print(_ report: SyncRunReport, target: SyncDatabase, account: String, output: CommandOutput) throws {
        let printer = SyncReportPrinter(output: output)
        if json {
            try printer.json(report, database: target.description, account: account)
        } else {
            printer.table(report)
        }
    }

    private func selectedStreams() throws -> [SyncStreamName] {
        let all = StreamSchema.all.map(\.stream)
        guard !streams.isEmpty else { return all }
        let names = streams.flatMap { $0.split(separator: ",") }.map {
            String($0).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "-", with: "_")
        }
        for name in names where !all.contains(SyncStreamName(rawValue: name)) {
            throw ValidationError(
                "Unknown stream '\(name)'. Streams: \(all.map(\.rawValue).joined(separator: ", ")).")
        }
        // Keep the sync order whatever order they were given in: candidates come after applications.
        return all.filter { names.contains($0.rawValue) }
    }
}

/// `ats sync --watch`: a run, a pause, another run, until the service group shuts down gracefully.
struct WatchService: Service {
    let runner: SyncRunner
    let interval: Duration
    let full: Bool
    let report: @Sendable (SyncRunReport) throws -> Void

    func run() async throws {
        var first = true
        while !Task.isShuttingDownGracefully {
            do {
                // An interrupted run is safe: every page is committed with its checkpoint.
                let fullScan = full && first
                let result = try await cancelWhenGracefulShutdown {
                    try await runner.run(full: fullScan)
                }
                try report(result)
            } catch is CancellationError {
                return
            } catch {
                // One failed run (a network outage, a 5xx storm) must not end a long-running mirror.
                standardError("Sync run failed: \(CommandFailure.explaining(error).message) Retrying in \(interval).\n")
            }
            first = false
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
