import ATSCore
import ArgumentParser
import TrackerATS
import TrackerRMSATS

/// `--owner` values.
enum OwnerArgument: String, ExpressibleByArgument, CaseIterable {
    case application
    case candidate
    case job

    var owner: CustomFieldOwner {
        switch self {
        case .application: .application
        case .candidate: .candidate
        case .job: .job
        }
    }
}

/// `ats custom-fields`: the custom-field schemas, or one record's typed values.
struct CustomFieldsCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "custom-fields",
        abstract: "Show the custom-field schemas, or one record's custom fields typed by them.",
        discussion: """
            Without a record, prints the definitions (of --owner, or of every kind of record). With --job, \
            --application or --candidate, prints that record's values typed by the schema. To change values, \
            use `ats custom-fields set`.
            """,
        subcommands: [CustomFieldsSetCommand.self]
    )

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Only this kind's definitions: application, candidate or job.") var owner: OwnerArgument?
    @Option(help: "A job's id.") var job: String?
    @Option(help: "An application's id.") var application: String?
    @Option(help: "A candidate's id.") var candidate: String?
    @Flag(help: "Print JSON Lines, one field per line.") var json = false

    func checkBeforeConnecting() throws {
        guard [job, application, candidate].compactMap({ $0 }).count <= 1 else {
            throw CommandFailure.usage("Give at most one of --job, --application and --candidate.")
        }
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let entries: [CustomFieldEntry]
        if let job {
            entries = try await client.customFields(ofJob: JobID(job))
        } else if let application {
            entries = try await client.customFields(ofApplication: ApplicationID(application))
        } else if let candidate {
            entries = try await client.customFields(ofCandidate: CandidateID(candidate))
        } else {
            try await printDefinitions(client, output: output)
            return
        }
        if json {
            for entry in entries { output.line(try RecordJSON.line(RecordJSON.EntryObject(entry))) }
            return
        }
        let table = TextTable(
            columns: [
                .init(title: "NAME", width: 22), .init(title: "TYPE", width: 14), .init(title: "VALUE", width: 40),
            ],
            output: output)
        table.header()
        for entry in entries {
            table.row([entry.name, entry.definition?.type.name ?? "(undefined)", entry.value.text])
        }
    }

    private func printDefinitions(_ client: any ATSClient, output: CommandOutput) async throws {
        let owners = owner.map { [$0.owner] } ?? CustomFieldOwner.allCases
        let table = TextTable(
            columns: [
                .init(title: "OWNER", width: 11), .init(title: "NAME", width: 22), .init(title: "LABEL", width: 26),
                .init(title: "TYPE", width: 14), .init(title: "REQ", width: 3), .init(title: "OPTIONS", width: 40),
            ],
            output: output)
        if !json { table.headerBeforeFirstRow() }
        var printed = 0
        for owner in owners {
            let definitions = try await client.customFieldDefinitions(for: owner)
            printed += definitions.count
            try await Self.refuseUnreadSettings(of: client, found: printed)
            for definition in definitions {
                if json {
                    output.line(try RecordJSON.line(RecordJSON.DefinitionObject(definition)))
                    continue
                }
                var options = ""
                if case .singleSelect(let choices) = definition.type { options = choices.joined(separator: ", ") }
                table.row([
                    owner.rawValue, definition.name, definition.displayName, definition.type.name,
                    definition.isRequired ? "yes" : "", options,
                ])
            }
        }
        if !json { table.finish() }
    }

    /// Tracker RMS keeps its custom-field definitions in its settings; when it did not give them,
    /// an empty list would look like an account without custom fields, so the command fails and
    /// says why instead.
    /// - Throws: ``CommandFailure`` when the settings could not be read and nothing was found.
    static func refuseUnreadSettings(of client: any ATSClient, found: Int) async throws {
        guard found == 0, let rms = client as? TrackerRMSATSClient,
            let failure = try await rms.metadata.current().settingsFailure
        else { return }
        throw CommandFailure.failed(
            "Tracker RMS did not give its settings, which hold the custom-field definitions: \(failure). "
                + "Nothing was listed. Run the command again later (status 99 is Tracker RMS's passing failure); "
                + "if it persists, ask Tracker RMS's support whether this account's API exposes getSettings.")
    }
}
