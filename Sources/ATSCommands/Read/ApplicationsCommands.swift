import ATSCore
import ArgumentParser
import TrackerATS

/// `ats applications`: read and change applications.
struct ApplicationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "applications",
        abstract: "Read, move, reject and create applications.",
        subcommands: [
            ApplicationsListCommand.self, ApplicationsGetCommand.self, ApplicationsMoveCommand.self,
            ApplicationsRejectCommand.self, ApplicationsBulkRejectCommand.self, ApplicationsCreateCommand.self,
            ApplicationsHireCommand.self, ApplicationsUnhireCommand.self,
        ]
    )
}

/// `ats applications list`: applications changed since a moment, or all.
struct ApplicationsListCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List applications, optionally only changed ones or only some jobs'.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var window: UpdatedAfterOption
    @Option(name: .customLong("job"), help: "Only this job's applications (repeatable).") var jobs: [String] = []
    @Option(help: "Stop after this many applications.") var limit: Int?
    @Flag(help: "Print JSON Lines, one application per line.") var json = false

    func checkBeforeConnecting() throws {
        _ = try window.date(in: nil)
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let query = ATSChangeQuery(
            updatedAfter: try window.date(in: client.accountTimeZone),
            jobIDs: jobs.isEmpty ? nil : Set(jobs.map(JobID.init)))
        let table = TextTable(
            columns: [
                .init(title: "ID", width: 8), .init(title: "JOB", width: 6), .init(title: "NAME", width: 24),
                .init(title: "EMAIL", width: 32), .init(title: "STAGE", width: 16), .init(title: "UPDATED", width: 20),
            ],
            output: output)
        if !json { table.headerBeforeFirstRow() }
        var count = 0
        for try await application in client.streamApplications(query) {
            if let limit, count >= limit { break }
            count += 1
            if json {
                output.line(try RecordJSON.line(RecordJSON.ApplicationObject(application)))
            } else {
                table.row([
                    application.id.rawValue, application.jobID.rawValue, application.applicant.fullName ?? "",
                    application.applicant.email ?? "", application.stage?.name ?? "",
                    TextTable.date(application.updatedAt),
                ])
            }
        }
        if !json { table.finish() }
    }
}

/// `ats applications get ID`: one application.
struct ApplicationsGetCommand: ClientCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one application.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The application's id.") var id: String
    @Flag(help: "Print one JSON object.") var json = false

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let application = try await client.application(ApplicationID(id))
        if json {
            output.line(try RecordJSON.line(RecordJSON.ApplicationObject(application)))
            return
        }
        var fields: [(String, String?)] = [
            ("id", application.id.rawValue), ("job", application.jobID.rawValue),
            ("candidate", application.candidateID.rawValue), ("name", application.applicant.fullName),
            ("email", application.applicant.email), ("phone", application.applicant.phone),
            ("stage", application.stage?.name), ("archived", application.isArchived ? "yes" : "no"),
            ("source", application.source), ("tags", application.tags.joined(separator: ", ")),
            ("applied", TextTable.date(application.appliedAt)), ("updated", TextTable.date(application.updatedAt)),
        ]
        if application.hiredAt != nil || application.startDate != nil {
            fields += [("hired", TextTable.date(application.hiredAt)), ("start date", application.startDate)]
        }
        for name in application.customFields.keys.sorted() {
            fields.append(("field " + name, application.customFields[name]?.text))
        }
        TextTable.record(fields, to: output)
    }
}
