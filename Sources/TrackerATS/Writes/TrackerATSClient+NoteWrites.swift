public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// Adds a note to an application. HTML and Markdown are converted to readable plain text
    /// first (ATSCore's `PlainTextNote`): Tracker stores notes as plain text and would show tags literally.
    ///
    /// Not repeated when the answer is lost (`ATSError.Code.outcomeUnknown`): list the
    /// application's notes to see whether it arrived before adding it again.
    /// - Parameters:
    ///   - note: The text and its markup.
    ///   - application: The application.
    /// - Returns: The note as Tracker stored it.
    /// - Throws: `ATSError` (`ATSError.Code.invalidInput` for a note with no text).
    public func addNote(_ note: NoteDraft, toApplication application: ApplicationID) async throws -> Note {
        try await addNote(
            plainText(note, operation: .addApplicationNote), to: application, operation: .addApplicationNote)
    }

    /// Adds a note to a candidate's latest application, or to each of their applications.
    /// Tracker has no candidate notes: a note lives on an application.
    /// - Parameters:
    ///   - note: The text and its markup.
    ///   - candidate: The candidate.
    ///   - scope: The latest application (default), or all of them.
    /// - Returns: The notes added, one per application, oldest application first.
    /// - Throws: `ATSError`; when adding to several applications fails part way, the error says
    ///   which applications already have the note.
    public func addNote(
        _ note: NoteDraft,
        toCandidate candidate: CandidateID,
        scope: CandidateNoteScope = .latestApplication
    ) async throws -> [Note] {
        let operation = ATSOperation.addCandidateNote
        let text = try plainText(note, operation: operation)
        let person = try await fetchCandidate(candidate, operation: operation)
        let targets: [ApplicationID] =
            switch scope {
            case .latestApplication: person.applicationIDs.last.map { [$0] } ?? []
            case .allApplications: person.applicationIDs
            }
        var added: [Note] = []
        for application in targets {
            do {
                added.append(try await addNote(text, to: application, operation: operation))
            } catch var error as ATSError where !added.isEmpty {
                error.message +=
                    " The note was already added to application(s) "
                    + added.map(\.applicationID.rawValue).joined(separator: ", ") + "."
                throw error
            }
        }
        return added
    }

    private func plainText(_ note: NoteDraft, operation: ATSOperation) throws -> String {
        let text = PlainTextNote.text(from: note.body, format: note.format)
        guard !text.isEmpty else {
            throw inputError(operation, "The note has no text once converted to plain text; nothing was sent.")
        }
        return text
    }

    private func addNote(_ text: String, to application: ApplicationID, operation: ATSOperation) async throws -> Note {
        let request = TrackerNoteCreateRequest(
            applicationID: TrackerApplicationID(rawValue: application.rawValue), body: text)
        let created = try await translating(operation, subject: "a note on application \(application)") {
            try await api.notes.create(request, logger: logger)
        }
        return TrackerRecordMapping.note(created, applicationID: application)
    }
}
