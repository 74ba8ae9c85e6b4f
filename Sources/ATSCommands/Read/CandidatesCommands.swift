import ATSCore
import ArgumentParser
import Foundation
import TrackerATS

/// `ats candidates`: read candidates, which ATSKit derives from applications by e-mail address.
struct CandidatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates",
        abstract: "Read candidates (people, derived from applications by e-mail address).",
        subcommands: [
            CandidatesListCommand.self, CandidatesGetCommand.self, CandidatesFindCommand.self,
            CandidatesResumeCommand.self,
        ]
    )

    static func row(_ candidate: Candidate) -> [String] {
        [
            candidate.id.rawValue, candidate.person.fullName ?? "", candidate.person.email ?? "",
            String(candidate.applicationIDs.count), TextTable.date(candidate.updatedAt),
        ]
    }

    static let columns: [TextTable.Column] = [
        .init(title: "ID", width: 35), .init(title: "NAME", width: 24), .init(title: "EMAIL", width: 32),
        .init(title: "APPS", width: 4), .init(title: "UPDATED", width: 20),
    ]
}

/// `ats candidates list`: candidates with an application changed since a moment, or all.
struct CandidatesListCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List candidates, optionally only those with a changed application.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var window: UpdatedAfterOption
    @Option(name: .customLong("job"), help: "Only people who applied to this job (repeatable).") var jobs: [String] = []
    @Option(help: "Stop after this many candidates.") var limit: Int?
    @Flag(help: "Print JSON Lines, one candidate per line.") var json = false

    func checkBeforeConnecting() throws {
        _ = try window.date(in: nil)
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let query = ATSChangeQuery(
            updatedAfter: try window.date(in: client.accountTimeZone),
            jobIDs: jobs.isEmpty ? nil : Set(jobs.map(JobID.init)))
        let table = TextTable(columns: CandidatesCommand.columns, output: output)
        if !json { table.headerBeforeFirstRow() }
        var count = 0
        for try await candidate in client.streamCandidates(query) {
            if let limit, count >= limit { break }
            count += 1
            if json {
                output.line(try RecordJSON.line(RecordJSON.CandidateObject(candidate)))
            } else {
                table.row(CandidatesCommand.row(candidate))
            }
        }
        if !json { table.finish() }
    }
}

/// `ats candidates get ID`: one candidate.
struct CandidatesGetCommand: ClientCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one candidate.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The candidate's id (tc_… or ta_…, as listed).") var id: String
    @Flag(help: "Print one JSON object.") var json = false

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let candidate = try await client.candidate(CandidateID(id))
        if json {
            output.line(try RecordJSON.line(RecordJSON.CandidateObject(candidate)))
            return
        }
        TextTable.record(
            [
                ("id", candidate.id.rawValue), ("name", candidate.person.fullName), ("email", candidate.person.email),
                ("phone", candidate.person.phone),
                ("applications", candidate.applicationIDs.map(\.rawValue).joined(separator: ", ")),
                ("jobs", candidate.jobIDs.map(\.rawValue).joined(separator: ", ")),
                ("first applied", TextTable.date(candidate.createdAt)),
                ("updated", TextTable.date(candidate.updatedAt)),
            ],
            to: output)
    }
}

/// `ats candidates find`: candidates matching an e-mail, phone or name, best first.
struct CandidatesFindCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "find", abstract: "Find candidates by e-mail, phone or name, best match first.")

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "E-mail address (case and spaces ignored).") var email: String?
    @Option(help: "Phone number in any format.") var phone: String?
    @Option(help: "First name.") var firstName: String?
    @Option(help: "Last name.") var lastName: String?
    @Option(help: "The most matches to show.") var limit = 10
    @Flag(help: "Print JSON Lines, one match per line.") var json = false

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let details = CandidateDetails(firstName: firstName, lastName: lastName, email: email, phone: phone)
        let matches = try await client.findCandidates(details, limit: limit)
        if json {
            for match in matches { output.line(try RecordJSON.line(RecordJSON.MatchObject(match))) }
            return
        }
        let table = TextTable(
            columns: [.init(title: "SCORE", width: 5), .init(title: "MATCHED", width: 22)] + CandidatesCommand.columns,
            output: output)
        table.header()
        for match in matches {
            let score = String(format: "%.2f", match.score)
            let fields = match.matchedFields.map(\.rawValue).sorted().joined(separator: ",")
            table.row([score, fields] + CandidatesCommand.row(match.candidate))
        }
    }
}

/// `ats candidates resume ID`: saves a candidate's latest resume.
struct CandidatesResumeCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Save a candidate's latest resume into a folder.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The candidate's id.") var id: String
    @Option(name: .customLong("output-dir"), help: "The folder to save into (created if missing).")
    var outputDirectory = "."
    @Flag(help: "Print one JSON object describing the saved file.") var json = false

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let download = try await client.resume(of: CandidateID(id))
        let saved = try await SafeFileWriter.save(download, into: URL(fileURLWithPath: outputDirectory))
        FilesDownloadCommand.report(saved, download: download, json: json, output: output)
    }
}
