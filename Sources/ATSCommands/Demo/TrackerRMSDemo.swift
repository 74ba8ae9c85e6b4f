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
        try await DemoRun.withDemoMirror(database: command.database) { store, path in
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
        let faults = sandbox.control.behavior.faultRate
        try await ProviderDemoStory(
            command: command, output: output, store: store, path: path,
            candidates: "candidates are Tracker RMS's Resources, records with ids of their own"
        ).run(
            client: client, clientName: "TrackerRMSATSClient",
            pauseFaults: { sandbox.control.updateBehavior { $0.faultRate = 0 } },
            resumeFaults: { sandbox.control.updateBehavior { $0.faultRate = faults } },
            writes: {
                try await TrackerRMSDemoWrites(client: client, output: output).make(choosingFrom: sandbox.control)
            })
    }
}

/// The demo's writes on Tracker RMS: a move, a rejection and a note, chosen from the sandbox's data.
struct TrackerRMSDemoWrites {
    let client: TrackerRMSATSClient
    let output: CommandOutput

    func make(choosingFrom control: RMSSandboxControl) async throws -> ProviderDemoChanges {
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
        return ProviderDemoChanges(
            stageChanges: [
                (String(first.id), name(first.statusID), move.stage.name),
                (String(second.id), name(second.statusID), rejected.stage.name),
            ])
    }
}
