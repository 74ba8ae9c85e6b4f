import ATSCore
import ArgumentParser
import Foundation
import TrackerAPI
import TrackerATS
import TrackerRMSATS
import TrackerSync

/// `ats stages`: the account's workflow stages.
struct StagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "Read the account's workflow stages.",
        subcommands: [StagesListCommand.self]
    )
}

/// `ats stages list`: every stage the account is known to have, and where each name came from.
struct StagesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the account's stages and where each came from.",
        discussion: """
            A provider that can list its stages answers itself (from: provider). Tracker cannot list its \
            statuses, so for Tracker the list is the configured ones (--known-stage, known_stages in a profile, \
            TRACKER_KNOWN_STAGES; from: configured), those of the mirror given with --database (from: mirror) and \
            those the account's applications are in, read from Tracker (up to 20,000 applications, the most \
            recently updated first; from: applications). A status no application is in and nobody configured \
            cannot be known.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var facts: AccountFactsOptions
    @Flag(help: "Do not read the account's applications (Tracker): only configured and mirror stages.")
    var noLearn = false
    @Flag(help: "Print JSON Lines, one stage per line.") var json = false

    func run() async throws {
        try await reporting { try await execute(environment: ProcessInfo.processInfo.environment, output: .standard) }
    }

    /// The command's work; tests call it with their own environment and output.
    func execute(environment: [String: String], output: CommandOutput) async throws {
        let settings = try connection.settings(environment: environment, flags: facts.settingFlags)
        try await connection.withATSClient(environment: environment, flags: facts.settingFlags) { client in
            var listing = StageListing()
            if let tracker = client as? TrackerATSClient {
                listing.add(tracker.configuration.knownStatuses, from: .configured)
                let account = connection.sandbox ? "sandbox" : TrackerAccountName.of(tracker.api.configuration)
                listing.add(MirrorStatuses.stages(settings: settings, account: account), from: .mirror)
                if !noLearn { listing.add(try await tracker.metadata.statusesOfApplications(), from: .applications) }
            } else {
                listing.add(settings.knownStages, from: .configured)
                do {
                    listing.add(try await client.allApplicationStages().map(\.name), from: .provider)
                } catch let error as ATSError where error.code == .notSupported {
                    guard !listing.stages.isEmpty else { throw error }
                    // The configured stages are still worth listing, but not as if they were the
                    // account's: say why the account's own list is missing (on Tracker RMS a failing
                    // server, status 99 or an HTML page, looks like this too).
                    standardError(
                        "Warning: \(error.description) Only the configured stages (--known-stage) are listed.")
                }
                if let rms = client as? TrackerRMSATSClient,
                    let failure = try await rms.metadata.current().settingsFailure
                {
                    standardError(
                        "Warning: Tracker RMS did not give its settings, which hold its placement statuses: "
                            + "\(failure). Only the configured stages (--known-stage) are listed.")
                }
            }
            try print(listing, to: output)
        }
    }

    private func print(_ listing: StageListing, to output: CommandOutput) throws {
        if json {
            for stage in listing.stages {
                output.line(try RecordJSON.line(StageObject(stage: stage.name, from: stage.sources.map(\.rawValue))))
            }
            return
        }
        let table = TextTable(
            columns: [.init(title: "STAGE", width: 30), .init(title: "FROM", width: 40)], output: output)
        table.headerBeforeFirstRow()
        for stage in listing.stages {
            table.row([stage.name, stage.sources.map(\.rawValue).joined(separator: ", ")])
        }
        table.finish()
    }

    private struct StageObject: Encodable {
        var stage: String
        var from: [String]
    }
}

/// Stage names and where each came from, in the order first added.
struct StageListing {
    /// Where a stage's name came from.
    enum Source: String, Sendable {
        /// The provider listed it.
        case provider
        /// A setting named it (`--known-stage`, `known_stages`, `TRACKER_KNOWN_STAGES`, or the sandbox's statuses).
        case configured
        /// The mirror's applications or stage history are in it.
        case mirror
        /// The account's applications are in it.
        case applications
    }

    /// One stage.
    struct Entry: Equatable {
        var name: String
        var sources: [Source]
    }

    private(set) var stages: [Entry] = []

    /// Adds names from a source; a name already listed (ignoring spaces around it) gains the source.
    mutating func add(_ names: [String], from source: Source) {
        for name in names {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            if let index = stages.firstIndex(where: { $0.name == trimmed }) {
                if !stages[index].sources.contains(source) { stages[index].sources.append(source) }
            } else {
                stages.append(Entry(name: trimmed, sources: [source]))
            }
        }
    }
}
