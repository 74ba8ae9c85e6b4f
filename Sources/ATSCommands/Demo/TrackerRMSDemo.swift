import ATSCore
import ATSSync
import ATSSyncSQLite
import Foundation
import Logging
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// `ats demo --provider tracker-rms`: the demo's story on an embedded Tracker RMS sandbox — a
/// mirror through the client's streams, a move, a rejection, a note, an incremental re-sync and a
/// verdict.
struct TrackerRMSDemoRun {
    let command: DemoCommand
    let output: CommandOutput
    /// Called with the sandbox before it stops, so a test can check the mirror against the sandbox's
    /// ground truth rather than the demo's own verdict.
    var beforeSandboxStops: (@Sendable (RMSSandboxControl) async throws -> Void)?

    /// The placements the sandbox holds: `--applications`, at most 5,000 (every one is listed with its
    /// resource and job, so the demo stays under a minute on a busy machine).
    var placementCount: Int { min(command.applications, 5_000) }

    func run() async throws {
        let path = URL(fileURLWithPath: command.database).standardizedFileURL.path
        try SQLiteFileCheck.check(path)
        try await SQLiteMirrorLock.withLock(mirror: path) {
            let replacing = try DemoRun.checkReplaceable(path)
            if replacing { try DemoRun.removeOldDemo(at: path) }
            let store = try SQLiteSyncStore(path: path)
            try await store.prepare()
            try await store.markAsDemo()
            try await run(store: store, path: path)
        }
    }

    private func run(store: SQLiteSyncStore, path: String) async throws {
        let zone = "America/Chicago"
        var configuration = RMSSandboxConfiguration(
            seed: command.seed, opportunityCount: max(placementCount / 10, 5),
            resourceCount: max(placementCount / 2, 10),
            placementCount: placementCount, activityCount: placementCount / 2, timeZoneIdentifier: zone)
        configuration.behavior.faultRate = command.faultRate
        configuration.behavior.faultKinds = [.serverError, .badGatewayHTML, .status99]
        try await withTrackerRMSSandbox(configuration) { sandbox in
            output.line("ATSKit demo: Tracker RMS")
            output.line("")
            output.line(
                "1. A Tracker RMS sandbox is running at \(sandbox.baseURL) with \(placementCount.formatted()) "
                    + "placements (applications) of \(configuration.resourceCount.formatted()) resources on "
                    + "\(configuration.opportunityCount) opportunities.")
            output.line(
                "   Like Tracker RMS, it answers failures with HTTP 200 and status 99 as well as 500s and HTML pages "
                    + "(\(Int(command.faultRate * 100))% of answers), and writes naive local times (\(zone)) that the "
                    + "client places with --timezone.")
            var settings = TrackerRMSATSClient.Settings(placementListing: .complete)
            settings.logger = Logger(label: "ats.demo") { _ in SwiftLogNoOpLogHandler() }
            try await TrackerRMSATSClient.withClient(
                baseURL: sandbox.baseURL, credentials: .apiKey(sandbox.apiKey),
                accountTimeZone: TimeZone(identifier: zone), settings: settings
            ) { client in
                try await story(client: client, sandbox: sandbox, store: store, path: path)
            }
            try await beforeSandboxStops?(sandbox.control)
        }
    }

    private func story(
        client: TrackerRMSATSClient, sandbox: RunningRMSSandbox, store: SQLiteSyncStore, path: String
    ) async throws {
        let source = ATSClientSyncSource(client: client, account: "demo")
        let printer = SyncReportPrinter(output: CommandOutput { output.line("   " + $0) })
        func sync() async throws -> SyncRunReport {
            var engine = SyncEngine(
                source: source, store: store, logger: Logger(label: "ats.demo") { _ in SwiftLogNoOpLogHandler() })
            let progress = command.quiet ? nil : SyncProgressDisplay()
            if let progress { engine.onProgress = { progress.update($0) } }
            defer { progress?.finish() }
            return try await engine.run(source.streams, fullScan: false)
        }
        output.line("")
        output.line("2. First sync into \(command.database), through the client's streams:")
        printer.table(try await sync())

        output.line("")
        output.line("3. Three changes through the ATSKit client (TrackerRMSATSClient):")
        output.line("   (The injected failures are paused while writing, so that no write's outcome is left unknown.)")
        let faults = sandbox.control.behavior.faultRate
        sandbox.control.updateBehavior { $0.faultRate = 0 }
        let changes = try await TrackerRMSDemoWrites(client: client, output: output).make(
            choosingFrom: sandbox.control)
        sandbox.control.updateBehavior { $0.faultRate = faults }

        output.line("")
        output.line("4. Incremental re-sync:")
        let second = try await sync()
        printer.table(second)
        try await changes.verdict(second, store: store, output: output)
        output.line("")
        output.line("5. The mirror is \(path); open it with `sqlite3 \(command.database)`.")
        try await DemoQueries.show(on: store, output: output)
    }
}

/// The demo's writes on Tracker RMS: a move, a rejection and a note, chosen from the sandbox's data.
struct TrackerRMSDemoWrites {
    let client: TrackerRMSATSClient
    let output: CommandOutput

    /// What was changed, for the verdict.
    struct Changes {
        var moved: (id: String, from: String, to: String)
        var rejected: (id: String, from: String, to: String)
        var noted: String

        /// Checks, and says, that the re-sync brought exactly these changes.
        func verdict(_ report: SyncRunReport, store: SQLiteSyncStore, output: CommandOutput) async throws {
            let applications = report.streams.first { $0.stream == .applications }
            let changed = (applications?.outcome.changed ?? 0) + (applications?.outcome.inserted ?? 0)
            output.line(
                "   \(changed == 2 ? "✓" : "✗") applications: \(changed) changed (the move and the rejection), 2 "
                    + "expected; the look-back's overlap was recognised as unchanged")
            for change in [moved, rejected] {
                let result = try await store.query(
                    "SELECT from_stage, to_stage FROM stage_history WHERE account = 'demo' AND id = '\(change.id)' "
                        + "AND from_stage IS NOT NULL ORDER BY rowid DESC LIMIT 1")
                let recorded = result.rows.first.map { "\($0[0] ?? "?") → \($0[1] ?? "?")" } ?? "nothing"
                output.line(
                    "   \(result.rows.first == [change.from, change.to] ? "✓" : "✗") stage history of placement "
                        + "\(change.id): \(recorded)")
            }
        }
    }

    func make(choosingFrom control: RMSSandboxControl) async throws -> Changes {
        let rejection = try await client.rejectionStatus()
        let statuses = control.placementStatuses
        let open = control.placements.filter { $0.statusID != Int(rejection.id.rawValue) }
            .filter { control.group(ofPlacementStatus: $0.statusID) != "Unsuccessful" }
        guard open.count >= 3 else {
            throw CommandFailure.failed("The Tracker RMS sandbox has fewer than three open placements to change.")
        }
        func name(_ statusID: Int) -> String { statuses.first { $0.id == statusID }?.name ?? String(statusID) }
        let first = open[0]
        guard let target = statuses.first(where: { $0.id != first.statusID && $0.group != "Unsuccessful" }) else {
            throw CommandFailure.failed("The Tracker RMS sandbox has no second open status to move to.")
        }
        let move = try await client.moveToStage(
            StageMoveRequest(application: ApplicationID(String(first.id)), to: StageID(target.name)))
        output.line("   • moved placement \(first.id) from '\(name(first.statusID))' to '\(move.stage.name)'")
        let second = open[1]
        let rejected = try await client.reject(
            ApplicationID(String(second.id)), options: RejectionOptions(reason: "Position filled internally"))
        output.line("   • rejected placement \(second.id): now '\(rejected.stage.name)', the reason kept as a note")
        let third = open[2]
        _ = try await client.addNote(
            NoteDraft("Called back: keen on the role, available from Monday."),
            toApplication: ApplicationID(String(third.id)))
        output.line("   • added a note to placement \(third.id) (an activity on its resource)")
        return Changes(
            moved: (String(first.id), name(first.statusID), move.stage.name),
            rejected: (String(second.id), name(second.statusID), rejected.stage.name),
            noted: String(third.id))
    }
}
