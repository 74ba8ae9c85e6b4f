import ATSCore
import ArgumentParser
import Foundation
import TrackerATS

/// `--kind` values of `files upload`.
enum FileKindArgument: String, ExpressibleByArgument, CaseIterable {
    case attachment
    case resume
}

/// `ats files upload`: attaches a local file to an application.
struct FilesUploadCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Attach a file (a resume or another attachment) to an application.",
        discussion: """
            The file is checked before it is sent: Tracker takes its type from the name's extension (PDF, Word, \
            OpenDocument, RTF, text, PNG, JPEG, GIF), the content must match that type, and it must be at most \
            10 MiB. Only its size and first bytes are read for the checks; it is then read and sent in chunks, \
            so memory use does not grow with its size.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The application's id.") var application: String
    @Argument(help: "The file to upload.") var path: String
    @Option(help: "attachment or resume.") var kind: FileKindArgument = .attachment
    @Option(help: "The name Tracker shows (default: the file's name).") var name: String?
    @Flag(help: "Print one JSON object.") var json = false

    func checkBeforeConnecting() throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CommandFailure.usage("Cannot read \(path): check the path and its permissions.")
        }
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let url = URL(fileURLWithPath: path)
        let upload = AttachmentUpload(
            filename: name ?? url.lastPathComponent, kind: Attachment.Kind(rawValue: kind.rawValue), source: .file(url))
        let file: Attachment
        do {
            file = try await client.uploadAttachment(upload, to: ApplicationID(application))
        } catch let error as ATSError where error.code == .outcomeUnknown {
            throw CommandFailure.failed(
                error.message + " Check with `ats files list --application \(application)`, and upload it again only "
                    + "if it is not listed.")
        } catch let error as ATSError where error.code == .notApplied {
            throw CommandFailure.failed(error.message + " Nothing was stored: run the same command again.")
        }
        if json {
            output.line(try RecordJSON.line(RecordJSON.AttachmentObject(file)))
        } else {
            output.line(
                "Uploaded \(file.filename) as file \(file.id) (\(file.kind), \(file.size.map { "\($0) bytes" } ?? "size unknown")) "
                    + "to application \(file.applicationID).")
        }
    }
}

/// `ats files delete ID…`: deletes files.
struct FilesDeleteCommand: ClientCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete files by id.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The files' ids.") var ids: [String]

    func checkBeforeConnecting() throws {
        guard !ids.isEmpty else { throw CommandFailure.usage("Give the ids of the files to delete.") }
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        for id in ids {
            try await client.deleteAttachment(AttachmentID(id))
            output.line("Deleted file \(id).")
        }
    }
}
