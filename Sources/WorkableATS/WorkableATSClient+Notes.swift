public import ATSCore
import Foundation
public import WorkableAPI

extension WorkableATSClient {
    /// The comments on an application, oldest first: Workable has no comment list, so they are read
    /// from the record's activities (`action == "comment"`; one request per 100 activities).
    /// - Parameter application: The candidate record's id.
    /// - Returns: The notes; a note's id is its activity id.
    /// - Throws: `ATSError` (`notFound` for an unknown record).
    public func notes(ofApplication application: ApplicationID) async throws -> [Note] {
        try await comments(of: application, job: nil, operation: .applicationNotes)
    }

    /// The comments on every record of a person, oldest first.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The notes.
    /// - Throws: `ATSError`.
    public func notes(ofCandidate candidate: CandidateID) async throws -> [Note] {
        let person = try await self.candidate(candidate)
        var notes: [Note] = []
        for (application, job) in zip(person.applicationIDs, person.jobIDs) {
            notes += try await comments(of: application, job: job, operation: .candidateNotes)
        }
        return notes.sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
    }

    /// Adds a comment to an application, recorded against the write member. HTML is converted to
    /// plain text (Workable shows comments as written). A comment whose answer was lost is looked
    /// for in the activities before it is sent again.
    /// - Parameters:
    ///   - note: The text and its markup.
    ///   - application: The candidate record's id.
    /// - Returns: The note as sent (its id is the activity id Workable answered).
    /// - Throws: `ATSError` (`invalidInput` for a blank text; nothing is sent).
    public func addNote(_ note: NoteDraft, toApplication application: ApplicationID) async throws -> Note {
        let operation = ATSOperation.addApplicationNote
        let body = PlainTextComment.text(of: note)
        guard !body.isEmpty else {
            throw ATSError(
                code: .invalidInput, operation: operation.rawValue, provider: .workable,
                message: "The note is empty once converted to plain text. Nothing was sent.")
        }
        let member = try await directory.member(operation: operation.rawValue)
        let id = WorkableCandidateID(application.rawValue)
        let subject = "application \(application)"
        let commentID: WorkableActivityID
        do {
            commentID = try await api.candidates.comment(id, body: body, by: member.id, logger: logger)
        } catch let error as WorkableAPIError where error.code == .outcomeUnknown {
            if let found = try await comments(of: application, job: nil, operation: operation)
                .last(where: { $0.body == body })
            {
                return found
            }
            commentID = try await WorkableErrors.translating(operation, subject: subject) {
                try await api.candidates.comment(id, body: body, by: member.id, logger: logger)
            }
        } catch {
            throw WorkableErrors.translate(error, operation: operation.rawValue, subject: subject)
        }
        return Note(
            id: NoteID(commentID.rawValue), applicationID: application, author: member.name ?? member.id.rawValue,
            body: body)
    }

    /// Adds a comment to a person's latest record, or to every record.
    /// - Parameters:
    ///   - note: The text and its markup.
    ///   - candidate: The candidate's id.
    ///   - scope: Which records get it.
    /// - Returns: The notes as sent, one per record.
    /// - Throws: `ATSError`.
    public func addNote(_ note: NoteDraft, toCandidate candidate: CandidateID, scope: CandidateNoteScope) async throws
        -> [Note]
    {
        let person = try await self.candidate(candidate)
        let targets = scope == .allApplications ? person.applicationIDs : Array(person.applicationIDs.suffix(1))
        var notes: [Note] = []
        for application in targets { notes.append(try await addNote(note, toApplication: application)) }
        return notes
    }

    /// The comments among a record's activities.
    func comments(of application: ApplicationID, job: JobID?, operation: ATSOperation) async throws -> [Note] {
        let activities = try await WorkableErrors.translating(operation, subject: "application \(application)") {
            try await api.candidates.activities(WorkableCandidateID(application.rawValue), logger: logger).collect()
        }
        return activities.filter(\.isComment).map { Self.note($0, application: application, job: job) }
    }

    /// A comment activity as a note.
    public static func note(_ activity: WorkableActivity, application: ApplicationID, job: JobID?) -> Note {
        Note(
            id: NoteID(activity.id.rawValue), applicationID: application, jobID: job,
            author: activity.memberName ?? activity.memberID?.rawValue, body: activity.body ?? "",
            createdAt: activity.createdAt?.date, updatedAt: (activity.updatedAt ?? activity.createdAt)?.date,
            raw: WorkableMapping.payload(activity.raw))
    }
}
