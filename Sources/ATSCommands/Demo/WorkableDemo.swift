import ATSCore
import ATSSyncSQLite
import Foundation
import Logging
import WorkableAPI
import WorkableATS
import WorkableSandbox

/// `ats demo --provider workable`: the demo's story on an embedded Workable sandbox — a mirror
/// through the client's streams, a move, a disqualification, a comment, an incremental re-sync and
/// a verdict.
struct WorkableDemoRun {
    let command: DemoCommand
    let output: CommandOutput
    /// Called with the sandbox before it stops, so a test can check the mirror against the sandbox's
    /// ground truth rather than the demo's own verdict.
    var beforeSandboxStops: (@Sendable (WorkableSandboxControl) async throws -> Void)?

    /// The people the sandbox holds: half of `--applications` (each applies to one to three jobs), at
    /// most 2,000.
    var personCount: Int { min(max(command.applications / 2, 20), 2_000) }

    func run() async throws {
        try await DemoRun.withDemoMirror(database: command.database) { store, path in
            try await run(store: store, path: path)
        }
    }

    private func run(store: SQLiteSyncStore, path: String) async throws {
        // Workable's real limit (10 requests per 10 s) would make the demo take minutes; the tests
        // hold the client to it (WorkableCommandTests).
        var behavior = WorkableSandboxBehavior(rateLimit: nil)
        behavior.faultRate = command.faultRate
        behavior.faultKinds = [.serverError, .badGatewayHTML, .serviceUnavailable]
        let configuration = WorkableSandboxConfiguration(
            personCount: personCount, jobCount: max(3, personCount / 50), seed: command.seed, behavior: behavior)
        try await withWorkableSandbox(configuration) { sandbox in
            output.line("ATSKit demo: Workable")
            output.line("")
            output.line(
                "1. A Workable sandbox is running at \(sandbox.baseURL) with \(sandbox.control.candidates.count) "
                    + "candidate records (one per person and job) on \(configuration.jobCount) jobs.")
            output.line(
                "   Like Workable, it pages by keyset with next links on the older path form and fails "
                    + "\(Int(command.faultRate * 100))% of its answers (500s, an HTML 502, 503s) that the client retries."
            )
            var api = WorkableAPI.Configuration(baseURL: sandbox.baseURL, token: sandbox.token)
            api.rateLimit = WorkableRateLimit(requests: 10_000)
            try await WorkableATSClient.withWorkableATSClient(configuration: api) { client in
                let control = sandbox.control
                try await ProviderDemoStory(command: command, output: output, store: store, path: path).run(
                    client: client, clientName: "WorkableATSClient",
                    pauseFaults: { control.update { $0.faultRate = 0 } },
                    resumeFaults: { control.update { $0.faultRate = configuration.behavior.faultRate } },
                    writes: {
                        try await WorkableDemoWrites(client: client, output: output).make(choosingFrom: control)
                    })
            }
            try await beforeSandboxStops?(sandbox.control)
        }
    }
}

/// The demo's writes on Workable: a move, a disqualification and a comment, chosen from the
/// sandbox's data.
struct WorkableDemoWrites {
    let client: WorkableATSClient
    let output: CommandOutput

    func make(choosingFrom control: WorkableSandboxControl) async throws -> ProviderDemoChanges {
        let open = control.candidates.filter { !$0.isDisqualified }
        guard open.count >= 3, let reason = control.reasons.first else {
            throw CommandFailure.failed("The Workable sandbox has too few qualified candidates to change.")
        }
        let first = open[0]
        let pipeline = control.jobs.first { $0.shortcode == first.shortcode }?.pipeline ?? []
        guard let slug = pipeline.first(where: { $0 != first.stageSlug }),
            let target = control.stages.first(where: { $0.slug == slug })
        else { throw CommandFailure.failed("The Workable sandbox's job has no second stage to move to.") }
        let move = try await client.moveToStage(
            StageMoveRequest(application: ApplicationID(first.id), to: StageID(target.name)))
        output.line("   • moved candidate \(first.id) from '\(first.stageName)' to '\(move.stage.name)'")
        let second = open[1]
        _ = try await client.reject(ApplicationID(second.id), options: RejectionOptions(reason: reason.id))
        output.line("   • disqualified candidate \(second.id): \"\(reason.text)\"")
        let third = open[2]
        _ = try await client.addNote(
            NoteDraft("Called back: keen on the role, available from Monday."),
            toApplication: ApplicationID(third.id))
        output.line("   • commented on candidate \(third.id)")
        let member = try await client.writeMember()
        output.line("   (\(member.summary))")
        return ProviderDemoChanges(
            stageChanges: [(first.id, first.stageName, move.stage.name)], archived: second.id,
            noteChangesApplication: true)
    }
}
