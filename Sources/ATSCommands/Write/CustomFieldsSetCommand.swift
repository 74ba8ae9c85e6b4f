import ATSCore
import ArgumentParser
import TrackerATS

/// `ats custom-fields set`: writes custom-field values of a record.
///
/// The record and the connection are the parent command's options (`ats custom-fields
/// --application 12 set level=Senior`; they may also follow `set`), so the two cannot disagree.
struct CustomFieldsSetCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set custom-field values of an application or a candidate.",
        discussion: """
            Name the record with --application or --candidate, and give values as name=value; an empty value \
            (name=) clears the field. Each value is checked against the schema first (type, allowed values, \
            required, read-only): on any problem nothing is sent and every problem is listed with what the \
            field accepts. Tracker cannot edit jobs' fields. Example: ats custom-fields set --application 12 \
            years_experience=7 work_authorization="Green Card"
            """
    )

    @ParentCommand var parent: CustomFieldsCommand
    @Argument(help: "The values, name=value.") var values: [String] = []

    var connection: ConnectionOptions { parent.connection }
    private var application: String? { parent.application }
    private var candidate: String? { parent.candidate }
    private var job: String? { parent.job }
    private var json: Bool { parent.json }

    func checkBeforeConnecting() throws {
        guard [application, candidate, job].compactMap({ $0 }).count == 1 else {
            throw CommandFailure.usage("Give exactly one of --application, --candidate and --job.")
        }
        guard !values.isEmpty else { throw CommandFailure.usage("Give at least one value as name=value.") }
        _ = try KeyValueArguments.parse(values, what: "a value")
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let typed = try KeyValueArguments.parse(values, what: "a value").mapValues(Self.value)
        let entries: [CustomFieldEntry]
        if let application {
            entries = try await client.setCustomFields(typed, ofApplication: ApplicationID(application))
        } else if let candidate {
            entries = try await client.setCustomFields(typed, ofCandidate: CandidateID(candidate))
        } else {
            entries = try await client.setCustomFields(typed, ofJob: JobID(job ?? ""))
        }
        let changed = entries.filter { typed[$0.name] != nil }
        if json {
            for entry in changed { output.line(try RecordJSON.line(RecordJSON.EntryObject(entry))) }
            return
        }
        for entry in changed {
            output.line("\(entry.name) = \(entry.value == .null ? "(cleared)" : entry.value.text)")
        }
    }

    /// Text from the command line as a value: empty clears the field; the schema decides the type.
    static func value(_ text: String) -> CustomFieldValue {
        text.isEmpty ? .null : .text(text)
    }
}
