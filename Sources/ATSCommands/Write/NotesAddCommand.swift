import ATSCore
import ArgumentParser
import Foundation
import TrackerATS

/// `--format` values of `notes add`.
enum NoteFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case plain
    case html
    case markdown

    var format: NoteFormat {
        switch self {
        case .plain: .plain
        case .html: .html
        case .markdown: .markdown
        }
    }
}

/// `ats notes add`: adds a note to an application or a candidate.
struct NotesAddCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a note to an application or to a candidate.",
        discussion: """
            Tracker keeps notes as plain text: with --format html or markdown, the text is converted to readable \
            plain text first (paragraphs, line breaks, list items, links as "text (url)"). A candidate's note \
            goes on their latest application, or on each of them with --all-applications.
            """
    )

    static let writesAsAMember = true

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var owner: OwnerOptions
    @Argument(help: "The note's text (or use --file).") var text: String?
    @Option(help: "Read the text from this file (- for standard input).") var file: String?
    @Option(help: "The text's markup: plain, html or markdown.") var format: NoteFormatArgument = .plain
    @Flag(help: "For a candidate: add the note to every application, not just the latest.") var allApplications = false
    @Flag(help: "Print JSON Lines, one note per line.") var json = false

    func checkBeforeConnecting() throws {
        try owner.check()
        guard (text == nil) != (file == nil) else {
            throw CommandFailure.usage("Give the note's text, or --file PATH.")
        }
        if allApplications, owner.candidate == nil {
            throw CommandFailure.usage("--all-applications applies to --candidate only.")
        }
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let draft = NoteDraft(try body(), format: format.format)
        let notes: [Note] =
            if let application = owner.application {
                [try await client.addNote(draft, toApplication: ApplicationID(application))]
            } else {
                try await client.addNote(
                    draft, toCandidate: CandidateID(owner.candidate ?? ""),
                    scope: allApplications ? .allApplications : .latestApplication)
            }
        for note in notes {
            if json {
                output.line(try RecordJSON.line(RecordJSON.NoteObject(note)))
            } else {
                output.line("Added note \(note.id) to application \(note.applicationID).")
            }
        }
    }

    private func body() throws -> String {
        if let text { return text }
        guard let file else { return "" }
        if file == "-" {
            var lines: [String] = []
            while let line = readLine(strippingNewline: false) { lines.append(line) }
            return lines.joined()
        }
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CommandFailure.usage("Cannot read --file \(file): \(error.localizedDescription)")
        }
    }
}
