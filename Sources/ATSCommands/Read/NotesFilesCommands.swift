import ATSCore
import ArgumentParser
import Foundation
import TrackerATS

/// The record whose notes or files a command reads: one application or one candidate.
struct OwnerOptions: ParsableArguments {
    @Option(help: "The application's id.") var application: String?
    @Option(help: "The candidate's id (all of their applications).") var candidate: String?

    func check() throws {
        guard (application == nil) != (candidate == nil) else {
            throw CommandFailure.usage("Give exactly one of --application ID and --candidate ID.")
        }
    }
}

/// `ats notes`: read notes.
struct NotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes", abstract: "Read and add notes (plain text).",
        subcommands: [NotesListCommand.self, NotesAddCommand.self])
}

/// `ats notes list`: the notes of an application or a candidate.
struct NotesListCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the notes of an application or of a candidate.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var owner: OwnerOptions
    @Flag(help: "Print JSON Lines, one note per line.") var json = false

    func checkBeforeConnecting() throws {
        try owner.check()
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let notes =
            if let application = owner.application {
                try await client.notes(ofApplication: ApplicationID(application))
            } else {
                try await client.notes(ofCandidate: CandidateID(owner.candidate ?? ""))
            }
        if json {
            for note in notes { output.line(try RecordJSON.line(RecordJSON.NoteObject(note))) }
            return
        }
        let table = TextTable(
            columns: [
                .init(title: "ID", width: 8), .init(title: "APP", width: 8), .init(title: "AUTHOR", width: 16),
                .init(title: "CREATED", width: 20), .init(title: "BODY", width: 60),
            ],
            output: output)
        table.header()
        for note in notes {
            table.row([
                note.id.rawValue, note.applicationID.rawValue, note.author ?? "", TextTable.date(note.createdAt),
                note.body,
            ])
        }
    }
}

/// `ats files`: list and download files.
struct FilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files", abstract: "List, download, upload and delete files (resumes and attachments).",
        subcommands: [
            FilesListCommand.self, FilesDownloadCommand.self, FilesUploadCommand.self, FilesDeleteCommand.self,
        ])
}

/// `ats files list`: the files of an application or a candidate.
struct FilesListCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the files of an application or of a candidate.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var owner: OwnerOptions
    @Flag(help: "Print JSON Lines, one file per line.") var json = false

    func checkBeforeConnecting() throws {
        try owner.check()
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let files =
            if let application = owner.application {
                try await client.attachments(ofApplication: ApplicationID(application))
            } else {
                try await client.attachments(ofCandidate: CandidateID(owner.candidate ?? ""))
            }
        if json {
            for file in files { output.line(try RecordJSON.line(RecordJSON.AttachmentObject(file))) }
            return
        }
        let table = TextTable(
            columns: [
                .init(title: "ID", width: 8), .init(title: "APP", width: 8), .init(title: "KIND", width: 10),
                .init(title: "SIZE", width: 8), .init(title: "TYPE", width: 16), .init(title: "NAME", width: 40),
            ],
            output: output)
        table.header()
        for file in files {
            table.row([
                file.id.rawValue, file.applicationID.rawValue, file.kind.rawValue, file.size.map(String.init) ?? "",
                file.contentType ?? "", file.filename,
            ])
        }
    }
}

/// `ats files download`: saves files into a folder, never outside it whatever their names say.
struct FilesDownloadCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Save files into a folder.",
        discussion: """
            Give file ids, or --application ID alone for every file of that application (providers other than \
            Tracker cannot look a file up by its id alone: give --application with the ids). A file's name comes \
            from the provider: path separators, '..' and control characters are removed, so it cannot land \
            outside the folder, and an existing file is never overwritten (a number is added instead).
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The files' ids.") var ids: [String] = []
    @Option(help: "The application the files belong to (faster lookup; alone: all of its files).") var application:
        String?
    @Option(name: .customLong("output-dir"), help: "The folder to save into (created if missing).")
    var outputDirectory = "."
    @Flag(help: "Print JSON Lines, one saved file per line.") var json = false

    func checkBeforeConnecting() throws {
        guard !ids.isEmpty || application != nil else {
            throw CommandFailure.usage(
                "Give the ids of the files to download, or --application ID for all of its files.")
        }
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        var files: [Attachment] = []
        if let application {
            let all = try await client.attachments(ofApplication: ApplicationID(application))
            files =
                ids.isEmpty
                ? all
                : try ids.map { id in
                    guard let file = all.first(where: { $0.id.rawValue == id }) else {
                        throw CommandFailure.failed("Application \(application) has no file \(id).")
                    }
                    return file
                }
        } else if let tracker = client as? TrackerATSClient {
            for id in ids { files.append(try await tracker.attachment(AttachmentID(id))) }
        } else {
            let provider = client.capabilities.provider
            throw CommandFailure.usage(
                "Provider \(provider) cannot look a file up by its id alone; give the application too: "
                    + "ats files download --provider \(provider) --application APPLICATION_ID \(ids.joined(separator: " ")). "
                    + "`ats files list --application APPLICATION_ID` shows its files.")
        }
        let folder = URL(fileURLWithPath: outputDirectory)
        for file in files {
            let download = try await client.download(file)
            let saved = try await SafeFileWriter.save(download, into: folder)
            Self.report(saved, download: download, json: json, output: output)
        }
    }

    struct SavedObject: Encodable {
        var id: String
        var applicationId: String
        var filename: String
        var path: String
        var bytes: Int
        var contentType: String?
    }

    static func report(_ saved: SafeFileWriter.Saved, download: ATSFileDownload, json: Bool, output: CommandOutput) {
        if json {
            let object = SavedObject(
                id: download.attachment.id.rawValue, applicationId: download.attachment.applicationID.rawValue,
                filename: download.filename, path: saved.url.path, bytes: saved.bytes, contentType: download.contentType
            )
            output.line((try? RecordJSON.line(object)) ?? "{}")
        } else {
            output.line("Saved file \(download.attachment.id) (\(saved.bytes) bytes) to \(saved.url.path)")
        }
    }
}
