import ATSCore
import ATSSync
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TrackerAPI
import UnixSignals

/// `ats sync`: mirrors an account of the chosen provider into SQLite or PostgreSQL, once or continuously.
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
            (env ATS_DATABASE, or database in a profile; default tracker.sqlite).
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

    @Option(
        help: """
            A JSON file of accounts to sync one after another (name, base_url, api_key, api_password_env, \
            timezone). Several processes given the same file and PostgreSQL database share the accounts out: \
            each account is synced by one process at a time and skipped by the others.
            """
    )
    var accounts: String?

    @Flag(help: "Read everything and mark records that are gone as deleted.")
    var full = false

    @Option(help: "Keep syncing, waiting this many seconds between runs, until interrupted (Ctrl-C or SIGTERM).")
    var watch: Int?

    @Option(help: "Records per page (Tracker's default and maximum: 1000; 5000 on some lists).")
    var pageSize: Int?

    @Option(
        help: """
            At most this many requests per second to the provider (default: Tracker, no limit beyond 4 \
            requests in flight over all streams; Tracker RMS, none; Workable, its 10 requests per 10 seconds. \
            A 429 answer pauses every request for its Retry-After, which is waited out, never a failure). \
            See docs/PERFORMANCE.md.
            """
    )
    var rateLimit: Double?

    @Option(
        defaultAsFlag: LockWait.untilFree,
        help: ArgumentHelp(
            """
            When another sync is using the mirror (or, with PostgreSQL, the account), wait for it to \
            finish: up to SECONDS, or as long as it takes without a number. Without this option the \
            sync is refused at once, naming the process that holds the mirror.
            """,
            valueName: "seconds")
    )
    var waitForLock: LockWait?

    @Flag(help: "Print the run report as one JSON object instead of a table.")
    var json = false

    @Flag(help: "Show no progress on standard error.")
    var quiet = false

    func validate() throws {
        if let waitForLock, accounts != nil, waitForLock.limit != .zero {
            throw ValidationError(
                "--wait-for-lock cannot be combined with --accounts: a fleet skips an account another process is "
                    + "syncing and comes back to it on its next pass.")
        }
        if let pageSize, !(1...5000).contains(pageSize) {
            throw ValidationError("--page-size takes 1 to 5000 records, not \(pageSize).")
        }
        if let rateLimit, !(rateLimit > 0) {
            throw ValidationError("--rate-limit takes a number of requests per second above 0, not \(rateLimit).")
        }
        if let watch, watch < 1 {
            throw ValidationError("--watch takes a number of seconds of at least 1, not \(watch).")
        }
        _ = try selectedStreams()
        if accounts != nil { try checkFleetFlags() }
    }

    func run() async throws {
        try await reporting {
            try await execute(environment: ProcessInfo.processInfo.environment, output: .flushed)
        }
    }

    /// The command's work; tests call it with their own environment and output.
    func execute(environment: [String: String], output: CommandOutput) async throws {
        // --database, else ATS_DATABASE, else the profile's database, else tracker.sqlite.
        let settings = try connection.settings(
            environment: environment, flags: database.map { [.database: .text($0)] } ?? [:])
        let target = try SyncDatabase(settings.text(.database) ?? "tracker.sqlite")
        let streams = try selectedStreams()
        let level = try CommandLogging.level(flag: connection.logLevel, environment: environment)
        let logger = CommandLogging.logger(label: "ats.sync", level: level ?? .warning)
        let tuning = SyncTuning(pageSize: pageSize, rateLimit: rateLimit ?? settings.rateLimit, logLevel: level)
        let printer = SyncReportPrinter(output: output)
        if let accounts {
            let provider = try ProviderRegistry.active.registration(for: settings)
            guard provider.name == .tracker else {
                throw CommandFailure.usage(
                    "--accounts lists Tracker accounts (base_url, api_key, api_password_env); provider "
                        + "'\(provider.name)'\(settings.origin(of: .provider)) cannot be synced as a fleet yet. Sync "
                        + "its accounts one at a time with --account NAME.")
            }
            let fleet = try FleetFile(path: accounts)
            let secret = connection.candidateIDSecret(environment: environment)
            try await target.withStore(logger: logger) { store, lock in
                let run = FleetRun(
                    fleet: fleet, environment: environment, candidateIDSecret: secret, store: store, lock: lock,
                    streams: streams, tuning: tuning, quiet: quiet, json: json, target: target, printer: printer,
                    logger: logger)
                try await repeating { first in try await run.pass(full: full && first) }
            }
            return
        }
        let provider = try ProviderRegistry.active.registration(for: settings)
        // Every provider reads its pace from the settings, so --rate-limit goes in as the top-priority
        // `rate_limit` setting (Tracker's client also takes it through `tuning`).
        let flags = rateLimit.map { [SettingKey.rateLimit: SettingValue.number($0)] } ?? [:]
        let request = ProviderRequest(options: connection, environment: environment, flags: flags, tuning: tuning)
        try await provider.withSyncSource(request) { session in
            let name = account.flatMap { $0.isEmpty ? nil : $0 } ?? session.defaultAccountName
            // The mirror is held for one pass at a time: between the passes of a --watch, another
            // sync (a cron job's --full, say) can take its turn, and the watch's next pass waits for
            // it or, refused, tries again after the interval.
            try await repeating { first in
                try await target.withStore(logger: logger, lockWait: lockWait) { store, lock in
                    let pass = ProviderSyncPass(
                        store: store, account: name, streams: streams, streamsChosen: !self.streams.isEmpty,
                        full: full && first, progress: quiet ? nil : SyncProgressDisplay(), logger: logger)
                    let acquired = try await lock(name) {
                        let report = try await session.run(pass)
                        try printer.print(report, json: json, database: target.description, account: name)
                    }
                    guard acquired else {
                        throw CommandFailure.failed(
                            "Another sync is running on account \(name) in \(target). This one did not start, and "
                                + "nothing was written. Run it again when that one has finished, pass --wait-for-lock "
                                + "[SECONDS] to wait for it, or give a different --account or --database.")
                    }
                }
            }
        }
    }

    /// How long to wait for another sync: not at all without `--wait-for-lock`, nil for no limit.
    private var lockWait: Duration? {
        guard let waitForLock else { return .zero }
        return waitForLock.limit
    }

    /// Runs `pass` once, or with `--watch` again and again until SIGINT or SIGTERM.
    private func repeating(_ pass: @escaping @Sendable (_ first: Bool) async throws -> Void) async throws {
        guard let watch else {
            try await pass(true)
            return
        }
        let logger = Logger(label: "ats.sync.watch") { StreamLogHandler.standardError(label: $0) }
        let service = WatchService(interval: .seconds(watch), pass: pass)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        standardError("Stopped. The next `ats sync` continues from the last committed page.\n")
    }

    private func checkFleetFlags() throws {
        let conflicting = [
            ("--base-url", connection.baseURL != nil), ("--api-key", connection.apiKey != nil),
            ("--api-password", connection.apiPassword != nil), ("--sandbox", connection.sandbox),
            ("--account", account != nil), ("--timezone", connection.timezone != nil),
        ].filter(\.1).map(\.0)
        guard conflicting.isEmpty else {
            throw ValidationError(
                "--accounts names every account with its server, key and zone; drop "
                    + conflicting.joined(separator: ", ") + ".")
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

/// `ats sync --watch`: a pass, a pause, another pass, until the service group shuts down gracefully.
struct WatchService: Service {
    let interval: Duration
    let pass: @Sendable (_ first: Bool) async throws -> Void

    func run() async throws {
        var first = true
        while !Task.isShuttingDownGracefully {
            do {
                // An interrupted run is safe: every page is committed with its checkpoint.
                let isFirst = first
                try await cancelWhenGracefulShutdown { try await pass(isFirst) }
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
