import ATSCore
import ArgumentParser
import Foundation
import Synchronization
import Testing
import TrackerAPI
import TrackerATS

@testable import ATSCommands

/// Collects what a command prints.
final class CapturedOutput: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    var output: CommandOutput {
        CommandOutput { line in self.storage.withLock { $0.append(line) } }
    }
}

private func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
    let parsed = try ATSCommand.parseAsRoot(arguments)
    return try #require(parsed as? Command)
}

private func jsonObject(_ line: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
}

@Suite struct ReadCommandTests {
    @Test func jobsListPrintsJSONLinesAndTables() async throws {
        let json = try parse(["jobs", "list", "--sandbox", "--json"], as: JobsListCommand.self)
        let captured = CapturedOutput()
        try await json.connection.withClient(environment: [:]) { try await json.execute($0, output: captured.output) }
        #expect(captured.lines.count == 40)
        let first = try jsonObject(try #require(captured.lines.first))
        #expect(first["id"] as? String == "1")
        #expect(first["title"] is String)

        let table = try parse(["jobs", "list", "--sandbox", "--limit", "3"], as: JobsListCommand.self)
        let rows = CapturedOutput()
        try await table.connection.withClient(environment: [:]) { try await table.execute($0, output: rows.output) }
        #expect(rows.lines.count == 2 + 3)
        #expect(rows.lines.first?.hasPrefix("ID") == true)
    }

    @Test func recordCommandsPrintOneObject() async throws {
        let commands: [(any AsyncParsableCommand, String)] = [
            (
                try parse(["jobs", "enhanced", "2", "--sandbox", "--json"], as: JobsEnhancedCommand.self),
                "application_count"
            ),
            (
                try parse(["applications", "get", "5", "--sandbox", "--json"], as: ApplicationsGetCommand.self),
                "candidate_id"
            ),
        ]
        for (command, key) in commands {
            let captured = CapturedOutput()
            switch command {
            case let enhanced as JobsEnhancedCommand:
                try await enhanced.connection.withClient(environment: [:]) {
                    try await enhanced.execute($0, output: captured.output)
                }
            case let get as ApplicationsGetCommand:
                try await get.connection.withClient(environment: [:]) {
                    try await get.execute($0, output: captured.output)
                }
            default:
                Issue.record("unexpected command")
            }
            #expect(captured.lines.count == 1)
            #expect(try jsonObject(try #require(captured.lines.first))[key] != nil)
        }
    }

    @Test func candidatesFindAndCustomFields() async throws {
        let find = try parse(
            ["candidates", "find", "--sandbox", "--json", "--last-name", "Smith", "--limit", "3"],
            as: CandidatesFindCommand.self)
        let matches = CapturedOutput()
        try await find.connection.withClient(environment: [:]) { try await find.execute($0, output: matches.output) }
        #expect(!matches.lines.isEmpty && matches.lines.count <= 3)
        let best = try jsonObject(try #require(matches.lines.first))
        #expect(best["matched_fields"] as? [String] == ["last_name"])

        let fields = try parse(["custom-fields", "--sandbox", "--json"], as: CustomFieldsCommand.self)
        let definitions = CapturedOutput()
        try await fields.connection.withClient(environment: [:]) {
            try await fields.execute($0, output: definitions.output)
        }
        let owners = Set(try definitions.lines.map { try jsonObject($0)["owner"] as? String })
        #expect(owners == ["application", "candidate", "job"])
    }

    @Test func filesDownloadStaysInsideItsFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let download = try parse(
            ["files", "download", "--sandbox", "--application", "1", "--output-dir", folder.path, "--json"],
            as: FilesDownloadCommand.self)
        let captured = CapturedOutput()
        try await download.connection.withClient(environment: [:]) {
            try await download.execute($0, output: captured.output)
        }
        #expect(!captured.lines.isEmpty)
        for line in captured.lines {
            let saved = try jsonObject(line)
            let path = try #require(saved["path"] as? String)
            #expect(
                URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
                    == folder.standardizedFileURL.path)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            #expect(size == saved["bytes"] as? Int)
        }
    }

    @Test func serverNamesAreSanitised() {
        #expect(SafeFileWriter.safeName("../../etc/passwd", fallback: "f") == "passwd")
        #expect(SafeFileWriter.safeName("..\\..\\Windows\\evil.bat", fallback: "f") == "evil.bat")
        #expect(SafeFileWriter.safeName("..", fallback: "file-7") == "file-7")
        #expect(SafeFileWriter.safeName("/", fallback: "file-7") == "file-7")
        #expect(SafeFileWriter.safeName(".bashrc", fallback: "f") == "bashrc")
        #expect(SafeFileWriter.safeName("cv\u{0}.pdf\n", fallback: "f") == "cv.pdf")
        #expect(SafeFileWriter.safeName("Ada Lovelace – CV.pdf", fallback: "f") == "Ada Lovelace – CV.pdf")
        let long = SafeFileWriter.safeName(String(repeating: "a", count: 500) + ".pdf", fallback: "f")
        #expect(long.utf8.count == 200 && long.hasSuffix(".pdf"))
    }

    @Test func savingNeverOverwritesOrFollowsALink() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-\(UUID().uuidString)")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("ats-outside-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("report.pdf"), withDestinationURL: outside)

        func download(_ name: String, _ text: String) -> ATSFileDownload {
            let attachment = Attachment(id: "9", applicationID: "1", filename: name, kind: .attachment)
            let body = AsyncStream<Data> { continuation in
                continuation.yield(Data(text.utf8))
                continuation.finish()
            }
            return ATSFileDownload(attachment: attachment, contentType: nil, contentLength: nil, body: ATSStream(body))
        }
        let first = try await SafeFileWriter.save(download("../../report.pdf", "one"), into: folder)
        let second = try await SafeFileWriter.save(download("report.pdf", "two"), into: folder)

        #expect(first.url.lastPathComponent == "report (1).pdf")
        #expect(second.url.lastPathComponent == "report (2).pdf")
        #expect(try String(contentsOf: first.url, encoding: .utf8) == "one")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "precious")
    }

    @Test func downloadsAndTheFoldersMadeForThemAreReadableByTheirOwnerOnly() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("cvs")
        let attachment = Attachment(id: "9", applicationID: "1", filename: "cv.pdf", kind: .resume)
        let body = AsyncStream<Data> { continuation in
            continuation.yield(Data("Ada Byron".utf8))
            continuation.finish()
        }
        let saved = try await SafeFileWriter.save(
            ATSFileDownload(attachment: attachment, contentType: nil, contentLength: nil, body: ATSStream(body)),
            into: folder)
        func mode(_ url: URL) throws -> Int? {
            (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int).map { $0 & 0o777 }
        }
        #expect(try mode(saved.url) == 0o600)
        #expect(try mode(folder) == 0o700)
        #expect(try mode(root) == 0o700)
    }

    @Test func missingSettingsAreExplainedWithoutThePassword() throws {
        let none = try parse(["jobs", "list"], as: JobsListCommand.self)
        let noServer = try #require(throws: CommandFailure.self) { try none.connection.resolve(environment: [:]) }
        #expect(noServer.message.contains("--base-url"))
        #expect(noServer.exitCode == ExitCode.validationFailure.rawValue)

        let environment = [
            "TRACKER_BASE_URL": "https://api.applicant-tracking.com/api/v1", "TRACKER_API_PASSWORD": "pa55-w0rd",
        ]
        let noKey = try #require(throws: CommandFailure.self) { try none.connection.resolve(environment: environment) }
        #expect(noKey.message.contains("--api-key"))
        #expect(!noKey.message.contains("pa55-w0rd"))

        let zone = try parse(["jobs", "list", "--sandbox", "--timezone", "Mars/Olympus"], as: JobsListCommand.self)
        let badZone = try #require(throws: CommandFailure.self) { try zone.connection.resolve(environment: [:]) }
        #expect(badZone.message.contains("Mars/Olympus"))

        let both = try parse(
            ["jobs", "list", "--sandbox", "--base-url", "https://x.example/api/v1"], as: JobsListCommand.self)
        #expect(throws: CommandFailure.self) { try both.connection.resolve(environment: [:]) }

        let window = try parse(
            ["applications", "list", "--updated-after", "last tuesday"], as: ApplicationsListCommand.self)
        let badDate = try #require(throws: CommandFailure.self) { try window.window.date(in: nil) }
        #expect(badDate.message.contains("ISO-8601"))

        let notes = try parse(["notes", "list"], as: NotesListCommand.self)
        #expect(throws: CommandFailure.self) { try notes.owner.check() }
    }

    @Test func anUnreachableServerIsOneParagraphWithoutThePassword() async throws {
        let command = try parse(
            [
                "jobs", "get", "1", "--base-url", "http://127.0.0.1:9/api/v1", "--api-key", "k", "--api-password",
                "s3cr3t-pw",
            ],
            as: JobsGetCommand.self)
        var configuration = try #require(try command.connection.resolve(environment: [:]).configuration)
        configuration.retryPolicy.maximumAttempts = 1
        configuration.timeouts.connect = .milliseconds(500)
        let error = await #expect(throws: ATSError.self) {
            try await TrackerATSClient.withTrackerATSClient(api: configuration) { client in
                try await command.execute(client, output: CapturedOutput().output)
            }
        }
        let failure = CommandFailure.explaining(try #require(error))
        #expect(failure.exitCode == 1)
        #expect(failure.message.contains("could not be reached"))
        #expect(!failure.message.contains("s3cr3t-pw"))
        #expect(!failure.message.contains("\n"))
    }
}
