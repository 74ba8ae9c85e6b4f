import ATSSync
import ATSSyncSQLite
import ArgumentParser
import Foundation
import Logging
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// `ats demo`: the whole job on an embedded sandbox, start to finish, in about a minute.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Mirror an embedded Tracker sandbox into SQLite, change it, and re-sync incrementally.",
        discussion: """
            Starts a sandbox with realistic data (naive local-time timestamps, some failing requests), runs \
            `ats sync` into a SQLite file, makes four changes through the API (a stage move, a rejection, a \
            note, a tag action), syncs again incrementally, checks that exactly those changes came through, \
            and shows example queries on the mirror. Nothing outside the sandbox is contacted. With --provider \
            tracker-rms or workable, the same story runs on that provider's embedded sandbox (a move, a rejection \
            and a note; at most 5,000 placements, or 2,000 Workable people).
            """
    )

    @Option(
        help: """
            The SQLite file to create. A file an earlier `ats demo` made is replaced; any other existing file \
            is left untouched and the demo refuses to start.
            """
    )
    var database = "demo.sqlite"

    @Option(help: "How many applications the sandbox holds.")
    var applications = 20_000

    @Option(help: "The sandbox's data seed: the same seed gives the same people and jobs.")
    var seed: UInt64 = 2_026

    @Option(help: "The share of requests the sandbox fails, from 0 to 0.5 (the client retries them).")
    var faultRate = 0.02

    @Flag(help: "Show no progress bars.")
    var quiet = false

    @OptionGroup var bridgeDemo: BridgeDemoOption

    @Option(help: "The provider whose sandbox the demo runs: tracker (the default), tracker-rms or workable.")
    var provider: String?

    func validate() throws {
        guard (100...2_000_000).contains(applications) else {
            throw ValidationError("--applications must be between 100 and 2,000,000, not \(applications).")
        }
        guard (0...0.5).contains(faultRate) else {
            throw ValidationError("--fault-rate must be between 0 and 0.5, not \(faultRate).")
        }
        if let provider, !["tracker", "tracker-rms", "workable"].contains(provider.lowercased()) {
            throw ValidationError("--provider for the demo is tracker, tracker-rms or workable, not '\(provider)'.")
        }
        if bridgeDemo.bridge, let provider {
            throw ValidationError(
                "--bridge runs its own Workable and Tracker sandboxes; leave out --provider \(provider).")
        }
    }

    func run() async throws {
        try await reporting {
            if bridgeDemo.bridge { return try await BridgeDemo(database: database, seed: seed, output: .flushed).run() }
            if provider?.lowercased() == "tracker-rms" {
                try await TrackerRMSDemoRun(command: self, output: .flushed).run()
                return
            }
            if provider?.lowercased() == "workable" {
                try await WorkableDemoRun(command: self, output: .flushed).run()
                return
            }
            try await DemoRun(command: self, output: .flushed).run()
        }
    }
}

/// One demo, step by step.
struct DemoRun {
    let command: DemoCommand
    let output: CommandOutput
    /// Called with the sandbox before it stops, so a test can read its ground truth and check the
    /// mirror against it rather than trusting the demo's own verdict.
    var beforeSandboxStops: (@Sendable (SandboxControl) async throws -> Void)?

    init(
        command: DemoCommand, output: CommandOutput,
        beforeSandboxStops: (@Sendable (SandboxControl) async throws -> Void)? = nil
    ) {
        self.command = command
        self.output = output
        self.beforeSandboxStops = beforeSandboxStops
    }

    func run() async throws {
        let path = URL(fileURLWithPath: command.database).standardizedFileURL.path
        try SQLiteFileCheck.check(path)
        do {
            try await SQLiteMirrorLock.withLock(mirror: path) {
                // Only a file an earlier demo made is replaced: anything else is refused untouched.
                let replacing = try Self.checkReplaceable(path)
                if replacing { try Self.removeOldDemo(at: path) }
                let store = try SQLiteSyncStore(path: path)
                try await store.prepare()
                try await store.markAsDemo()
                try await run(store: store, path: path, replaced: replacing)
            }
        } catch let busy as SQLiteMirrorLock.Busy {
            throw CommandFailure.failed(
                "\(busy.description.prefix(1).uppercased())\(busy.description.dropFirst()). The demo did not start; "
                    + "run it again when that has finished, or give --database another file.")
        }
    }

    private func run(store: SQLiteSyncStore, path: String, replaced: Bool) async throws {
        var settings = SandboxConfiguration(
            seed: command.seed, jobCount: max(command.applications / 400, 5), applicationCount: command.applications)
        settings.behavior.timeZone = TimeZone(identifier: "America/Chicago") ?? .gmt
        settings.behavior.timestampMode = .naiveLocal
        settings.behavior.faultRate = command.faultRate
        settings.behavior.actionDelay = .milliseconds(300)
        try await withTrackerSandbox(settings) { sandbox in
            output.line("ATSKit demo")
            output.line("")
            output.line(
                "1. A Tracker sandbox is running at \(sandbox.baseURL) with \(command.applications.formatted()) "
                    + "applications on \(settings.jobCount) jobs.")
            output.line(
                "   Like Tracker, it writes timestamps in the account's local time (America/Chicago) without an "
                    + "offset, and \(Int(command.faultRate * 100))% of its answers are failures (500s, an HTML 502 "
                    + "page, dropped connections, truncated JSON) that the client retries.")
            let connection = ConnectionOptions.Connection(
                configuration: TrackerAPI.Configuration(
                    baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                    accountTimeZone: settings.behavior.timeZone),
                timeZone: settings.behavior.timeZone, knownStatuses: sandbox.control.statuses,
                candidateIDSecret: nil, sandbox: sandbox)
            let runner = SyncRunner(
                connection: connection, store: store, account: "demo", streams: StreamSchema.all.map(\.stream),
                progress: command.quiet ? nil : SyncProgressDisplay(),
                logger: Logger(label: "ats.demo") { _ in SwiftLogNoOpLogHandler() })
            let printer = SyncReportPrinter(output: CommandOutput { output.line("   " + $0) })

            output.line("")
            output.line(
                "2. First sync into \(command.database)\(replaced ? " (the previous demo's file was replaced)" : ""):")
            let first = try await runner.run(full: false)
            printer.table(first)

            output.line("")
            output.line(
                "3. Four changes made through the ATSKit client (TrackerATSClient), as a recruiting product would:")
            output.line(
                "   (The sandbox's injected failures are paused while writing: a write whose answer is lost is "
                    + "reported as \"outcome unknown\" and never blindly repeated, which would make this demo's "
                    + "outcome a matter of luck.)")
            try sandbox.control.updateBehavior { $0.faultRate = 0 }
            let changes = try await TrackerATSClient.withTrackerATSClient(
                api: connection.configuration,
                configuration: TrackerATSClient.Configuration(knownStatuses: connection.knownStatuses)
            ) { client in
                try await DemoWrites(client: client, output: output).make(choosingFrom: sandbox.control)
            }
            try sandbox.control.updateBehavior { $0.faultRate = command.faultRate }

            output.line("")
            output.line("4. Incremental re-sync:")
            let second = try await runner.run(full: false)
            printer.table(second)
            try await DemoVerdict(store: store, changes: changes, output: output).check(second)

            output.line("")
            output.line(
                "5. The mirror is \(path); open it with `sqlite3 \(command.database)`. Three questions it answers:")
            try await DemoQueries.show(on: store, output: output)
            output.line("")
            output.line(
                "Next: `swift run ats sync --help` to mirror a real account (SQLite or PostgreSQL), "
                    + "docs/SCHEMA.md for the tables.")
            try await beforeSandboxStops?(sandbox.control)
        }
    }

    /// Whether `path` holds a mirror an earlier demo made, to be replaced; nothing there is fine too.
    /// - Throws: ``CommandFailure`` for any other file, which the demo must not touch.
    static func checkReplaceable(_ path: String) throws -> Bool {
        switch try SQLiteFileCheck.mirrorContents(path) {
        case .nothing:
            return false
        case .mirror(isDemo: true):
            return true
        case .mirror(isDemo: false):
            throw CommandFailure.failed(
                "\(path) is an ATSKit mirror that `ats demo` did not make: it may hold a real account's data, so the "
                    + "demo leaves it untouched. Give the demo a file of its own, such as --database demo.sqlite.")
        case .emptyDatabase, .otherDatabase:
            throw CommandFailure.failed(
                "\(path) already exists and `ats demo` did not make it, so the demo leaves it untouched. Give the "
                    + "demo a new file, such as --database demo.sqlite.")
        }
    }

    /// Removes the mirror an earlier demo left (its sandbox account no longer exists).
    static func removeOldDemo(at path: String) throws {
        let files = FileManager.default
        for suffix in [""] + SQLiteMirrorFile.sideFileSuffixes where files.fileExists(atPath: path + suffix) {
            do {
                try files.removeItem(atPath: path + suffix)
            } catch {
                throw CommandFailure.failed(
                    "Cannot replace \(path) from an earlier demo: \(error.localizedDescription). Remove it, or pass "
                        + "--database with another file.")
            }
        }
    }
}
