import ATSCore
import ATSSync
import ArgumentParser
import Foundation
import GRDB
import Synchronization
import Testing

@testable import ATSCommands

/// A provider that lists jobs and nothing else, registered next to Tracker for these tests.
private struct ListOnlyClient: ATSClient {
    static let provider = ATSProvider(rawValue: "listonly")

    let capabilities = ATSCapabilities(
        provider: ListOnlyClient.provider,
        operations: [
            .streamJobs: .supported,
            .allApplicationStages: .notSupported("List-only cannot list stages."),
        ])

    func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job> {
        ATSStream(Records(jobs: [Job(id: JobID("L1"), title: "Loader", status: .open, updatedAt: Date())]))
    }

    struct Records: AsyncSequence, Sendable {
        let jobs: [Job]
        func makeAsyncIterator() -> Iterator { Iterator(remaining: jobs[...]) }
        struct Iterator: AsyncIteratorProtocol {
            var remaining: ArraySlice<Job>
            mutating func next() async throws -> Job? { remaining.popFirst() }
        }
    }
}

/// What the list-only provider's sandbox launcher was asked to do.
private let launched = Mutex<[SandboxRequest]>([])

private let listOnly = ProviderRegistration(
    name: ListOnlyClient.provider,
    summary: "a test provider that lists jobs",
    capabilities: ListOnlyClient().capabilities,
    withClient: { _, body in try await body(ListOnlyClient()) },
    sandbox: { request in launched.withLock { $0.append(request) } },
    withSyncSource: ProviderRegistration.syncingThroughClient { _, body in try await body(ListOnlyClient()) })

private let twoProviders = ProviderRegistry(registrations: [.tracker, listOnly])

private func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
    try #require(try ATSCommand.parseAsRoot(arguments) as? Command)
}

@Suite struct ProviderCommandTests {
    @Test func anUnknownProviderIsRefusedWithTheNearestKnownOnes() throws {
        let options = try ConnectionOptions.parse(["--provider", "trackr"])
        let flagged = try #require(throws: CommandFailure.self) { try options.settings(environment: [:]) }
        #expect(flagged.message.contains("Unknown provider 'trackr' (from flag --provider). Did you mean 'tracker'?"))
        #expect(
            flagged.message.contains(
                "This build of ats speaks: tracker (the ATS Anywhere API), tracker-rms (Tracker RMS's widget API), "
                    + "workable (Workable's SPI v3)."))

        let plain = try ConnectionOptions.parse([])
        let fromEnvironment = try #require(throws: CommandFailure.self) {
            try plain.settings(environment: ["ATS_PROVIDER": "greenhouse"])
        }
        #expect(fromEnvironment.message.contains("Unknown provider 'greenhouse' (from environment ATS_PROVIDER)."))
        #expect(!fromEnvironment.message.contains("Did you mean"))

        try ProviderRegistry.$active.withValue(twoProviders) {
            let near = try #require(throws: CommandFailure.self) {
                try plain.settings(environment: ["ATS_PROVIDER": "listonyl"])
            }
            #expect(near.message.contains("Did you mean 'listonly'?"))
            #expect(near.message.contains("tracker (the ATS Anywhere API), listonly (a test provider that lists jobs)"))
        }
    }

    @Test func theDefaultProviderIsTrackerAndAnyCaseNamesIt() throws {
        let plain = try ConnectionOptions.parse([])
        #expect(try plain.providerRegistration(environment: [:]).name == .tracker)
        #expect(try plain.providerRegistration(environment: ["ATS_PROVIDER": "Tracker"]).name == .tracker)
        #expect(
            try ConnectionOptions.parse(["--provider", "TRACKER"]).providerRegistration(environment: [:]).name
                == .tracker)
    }

    @Test func coverageHasOneColumnPerRegisteredProvider() throws {
        let matrix = CoverageMatrix(providers: twoProviders.capabilities)
        let table = CoverageRendering.table(matrix)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("TRACKER") == true && lines.first?.contains("LISTONLY") == true)
        let streamJobs = try #require(lines.first { $0.hasPrefix("  Stream jobs ") })
        #expect(
            streamJobs.split(separator: " ", omittingEmptySubsequences: true).suffix(2) == ["supported", "supported"])
        let stages = try #require(lines.firstIndex { $0.hasPrefix("  Get all application stages ") })
        #expect(lines[stages].hasSuffix("not supported  not supported"))
        #expect(lines[stages + 1].contains("tracker: Tracker's API has no endpoint that lists applicant statuses"))
        #expect(lines[stages + 2] == "      listonly: List-only cannot list stages.")
        #expect(table.contains("listonly: ATSKit's listonly client does not implement this operation."))

        let json = CoverageRendering.jsonLines(matrix)
        #expect(json.count == 2 * ATSOperation.all.count)
        #expect(json.contains { $0.contains(#""provider":"listonly""#) && $0.contains(#""operation":"resume""#) })
    }

    @Test func readCommandsTalkToTheChosenProvidersClient() async throws {
        try await ProviderRegistry.$active.withValue(twoProviders) {
            let command = try parse(["jobs", "list", "--provider", "listonly", "--json"], as: JobsListCommand.self)
            let captured = CapturedOutput()
            try await command.connection.withATSClient(environment: [:]) {
                try await command.execute($0, output: captured.output)
            }
            #expect(captured.lines.count == 1)
            #expect(captured.lines.first?.contains(#""title":"Loader""#) == true)

            let get = try parse(["jobs", "get", "L1", "--provider", "listonly"], as: JobsGetCommand.self)
            let refusal = try await #require(throws: ATSError.self) {
                try await get.connection.withATSClient(environment: [:]) {
                    try await get.execute($0, output: CapturedOutput().output)
                }
            }
            #expect(refusal.code == .notSupported)
            #expect(refusal.description.contains("listonly does not support get job by id."))
        }
    }

    @Test func neutralWriteCommandsRunOnTheChosenProvidersClientAndGetItsTypedRefusal() async throws {
        try await ProviderRegistry.$active.withValue(twoProviders) {
            let commands: [any ClientCommand] = [
                try parse(
                    ["applications", "move", "1", "Interview", "--provider", "listonly"],
                    as: ApplicationsMoveCommand.self),
                try parse(
                    ["applications", "reject", "1", "--provider", "listonly"], as: ApplicationsRejectCommand.self),
                try parse(
                    ["applications", "bulk-reject", "1", "2", "--provider", "listonly"],
                    as: ApplicationsBulkRejectCommand.self),
                try parse(
                    ["files", "download", "--application", "1", "--provider", "listonly"], as: FilesDownloadCommand.self
                ),
            ]
            for command in commands {
                let refusal = try await #require(throws: ATSError.self) {
                    try await command.connection.withATSClient(environment: [:]) {
                        try await command.execute($0, output: CapturedOutput().output)
                    }
                }
                #expect(refusal.code == .notSupported)
                #expect(refusal.description.contains("listonly"))
                #expect(refusal.description.contains("does not implement this operation"))
            }

            let byIDAlone = try parse(
                ["files", "download", "7", "--provider", "listonly"], as: FilesDownloadCommand.self)
            let usage = try await #require(throws: CommandFailure.self) {
                try await byIDAlone.connection.withATSClient(environment: [:]) {
                    try await byIDAlone.execute($0, output: CapturedOutput().output)
                }
            }
            #expect(usage.message.contains("Provider listonly cannot look a file up by its id alone"))
            #expect(usage.message.contains("--application APPLICATION_ID 7"))
        }
    }

    @Test func trackerOnlyCommandsRefuseAnotherProvider() throws {
        try ProviderRegistry.$active.withValue(twoProviders) {
            let hire = try parse(
                ["applications", "hire", "1", "--provider", "listonly"], as: ApplicationsHireCommand.self)
            let error = try #require(throws: CommandFailure.self) { try hire.checkProviderIsTracker(environment: [:]) }
            #expect(error.message.contains("`ats applications hire` works with provider tracker only"))
            #expect(error.message.contains("provider listonly (from flag --provider)"))
            #expect(error.message.contains("Instead, move the application"))
            let tracker = try parse(["applications", "hire", "1"], as: ApplicationsHireCommand.self)
            try tracker.checkProviderIsTracker(environment: [:])
        }
    }

    @Test func syncMirrorsTheChosenProviderAndRecordsItPerAccount() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("atskit-provider-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try await ProviderRegistry.$active.withValue(twoProviders) {
            let sync = try parse(
                ["sync", "--provider", "listonly", "--database", path, "--quiet", "--json"], as: SyncCommand.self)
            let captured = CapturedOutput()
            try await sync.execute(environment: [:], output: captured.output)
            #expect(captured.lines.count == 1)
            #expect(captured.lines.first?.contains(#""account":"listonly""#) == true)
        }
        let queue = try DatabaseQueue(path: path)
        let rows = try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT account, provider FROM accounts").map {
                [$0["account"], $0["provider"]] as [String]
            }
        }
        #expect(rows == [["listonly", "listonly"]])
        let jobs = try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM jobs WHERE account = 'listonly'")
        }
        #expect(jobs == ["L1"])
        try queue.close()
    }

    @Test func sandboxPassesTheProvidersOwnOptionsToItsLauncher() async throws {
        try await ProviderRegistry.$active.withValue(twoProviders) {
            let command = try parse(
                ["sandbox", "--provider", "listonly", "--port", "0", "--page-base", "0"], as: SandboxCommand.self)
            try await command.run()
        }
        let request = try #require(launched.withLock { $0.last })
        #expect(request.port == 0)
        #expect(request.arguments == ["--page-base", "0"])

        // The options every sandbox may have go on to another provider's launcher, and are not
        // checked as Tracker's there.
        try await ProviderRegistry.$active.withValue(twoProviders) {
            let shared = try parse(
                [
                    "sandbox", "--provider", "listonly", "--timezone", "Pacific/Honolulu", "--rate-limit", "3",
                    "--fault-rate", "0.5", "--jobs", "0", "--page-base", "one",
                ], as: SandboxCommand.self)
            try await shared.run()
        }
        let forwarded = try #require(launched.withLock { $0.last })
        #expect(
            forwarded.arguments == [
                "--timezone", "Pacific/Honolulu", "--jobs", "0", "--rate-limit", "3.0", "--fault-rate", "0.5",
                "--page-base", "one",
            ])
        #expect(throws: (any Error).self) { try parse(["sandbox", "--jobs", "0"], as: SandboxCommand.self) }

        let unknown = try parse(["sandbox", "--provider", "nope"], as: SandboxCommand.self)
        let error = try await #require(throws: ValidationError.self) { try await unknown.run() }
        #expect(error.message.contains("Unknown provider 'nope' (from flag --provider)"))
    }

    @Test func stagesListSaysWhereEachTrackerStageCameFrom() async throws {
        let command = try parse(
            ["stages", "list", "--sandbox", "--known-stage", "Phone Screen", "--json"], as: StagesListCommand.self)
        let captured = CapturedOutput()
        try await command.execute(environment: [:], output: captured.output)
        let lines = captured.lines
        #expect(lines.contains(#"{"from":["configured"],"stage":"Phone Screen"}"#))
        // The sandbox's statuses are its configuration, and its applications are in them.
        #expect(lines.contains { $0.contains(#""from":["configured","applications"]"#) })

        let offline = try parse(["stages", "list", "--sandbox", "--no-learn"], as: StagesListCommand.self)
        let table = CapturedOutput()
        try await offline.execute(environment: [:], output: table.output)
        #expect(table.lines.first?.hasPrefix("STAGE") == true)
        #expect(!table.lines.contains { $0.contains("applications") })
    }

    @Test func stagesListRefusesAProviderThatCannotListThemWhenNothingIsConfigured() async throws {
        try await ProviderRegistry.$active.withValue(twoProviders) {
            let bare = try parse(["stages", "list", "--provider", "listonly"], as: StagesListCommand.self)
            let error = try await #require(throws: ATSError.self) {
                try await bare.execute(environment: [:], output: CapturedOutput().output)
            }
            #expect(error.reason == "List-only cannot list stages.")

            let configured = try parse(
                ["stages", "list", "--provider", "listonly", "--known-stage", "New", "--json"],
                as: StagesListCommand.self)
            let captured = CapturedOutput()
            try await configured.execute(environment: [:], output: captured.output)
            #expect(captured.lines == [#"{"from":["configured"],"stage":"New"}"#])
        }
    }
}
