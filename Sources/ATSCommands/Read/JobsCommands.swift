import ATSCore
import ArgumentParser
import TrackerATS

/// `ats jobs`: read jobs.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Read jobs.",
        subcommands: [JobsListCommand.self, JobsGetCommand.self, JobsEnhancedCommand.self]
    )
}

/// `ats jobs list`: jobs changed since a moment, or all.
struct JobsListCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List jobs, optionally only changed ones.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var window: UpdatedAfterOption
    @Option(help: "Stop after this many jobs.") var limit: Int?
    @Flag(help: "Print JSON Lines, one job per line.") var json = false

    func checkBeforeConnecting() throws {
        _ = try window.date(in: nil)
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let query = ATSChangeQuery(updatedAfter: try window.date(in: client.accountTimeZone))
        let table = TextTable(
            columns: [
                .init(title: "ID", width: 8), .init(title: "TITLE", width: 34), .init(title: "STATUS", width: 8),
                .init(title: "CATEGORY", width: 18), .init(title: "UPDATED", width: 20),
            ],
            output: output)
        if !json { table.headerBeforeFirstRow() }
        var count = 0
        for try await job in client.streamJobs(query) {
            if let limit, count >= limit { break }
            count += 1
            if json {
                output.line(try RecordJSON.line(RecordJSON.JobObject(job)))
            } else {
                table.row([
                    job.id.rawValue, job.title, job.status.rawValue, job.category ?? "", TextTable.date(job.updatedAt),
                ])
            }
        }
        if !json { table.finish() }
    }
}

/// `ats jobs get ID`: one job.
struct JobsGetCommand: ClientCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one job.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The job's id.") var id: String
    @Flag(help: "Print one JSON object.") var json = false

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let job = try await client.job(JobID(id))
        if json {
            output.line(try RecordJSON.line(RecordJSON.JobObject(job)))
            return
        }
        var fields: [(String, String?)] = [
            ("id", job.id.rawValue), ("title", job.title), ("status", job.status.rawValue),
            ("hidden", job.isHidden ? "yes" : "no"), ("category", job.category), ("code", job.code),
            (
                "location",
                [job.location.city, job.location.state, job.location.country].compactMap { $0 }.joined(separator: ", ")
            ),
            ("remote", job.isRemote ? "yes" : "no"), ("url", job.url),
            ("created", TextTable.date(job.createdAt)), ("updated", TextTable.date(job.updatedAt)),
        ]
        for name in job.customFields.keys.sorted() {
            fields.append(("field " + name, job.customFields[name]?.text))
        }
        TextTable.record(fields, to: output)
    }
}

/// `ats jobs enhanced ID`: a job with typed custom fields and application counts per status.
struct JobsEnhancedCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "enhanced", abstract: "Show a job with its custom fields, category and applications per status.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The job's id.") var id: String
    @Flag(help: "Print one JSON object.") var json = false

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let enhanced = try await client.enhancedJob(JobID(id))
        if json {
            output.line(try RecordJSON.line(RecordJSON.EnhancedJobObject(enhanced)))
            return
        }
        var fields: [(String, String?)] = [
            ("id", enhanced.job.id.rawValue), ("title", enhanced.job.title), ("status", enhanced.job.status.rawValue),
            ("category", enhanced.category), ("applications", String(enhanced.applicationCount)),
        ]
        for (status, count) in enhanced.applicationCountsByStage.sorted(by: { $0.key < $1.key }) {
            fields.append(("  " + (status.isEmpty ? "(no status)" : status), String(count)))
        }
        for entry in enhanced.customFields {
            fields.append(
                ("field " + entry.name, "\(entry.value.text) (\(entry.definition?.type.name ?? "undefined"))"))
        }
        TextTable.record(fields, to: output)
    }
}
