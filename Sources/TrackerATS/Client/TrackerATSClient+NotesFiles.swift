public import ATSCore
import Foundation
import TrackerAPI

extension TrackerATSClient {
    /// The notes on an application, oldest first (Tracker notes are plain text).
    /// - Parameter application: The application's id.
    /// - Returns: The notes.
    /// - Throws: `ATSError`.
    public func notes(ofApplication application: ApplicationID) async throws -> [Note] {
        try await applicationNotes(application, operation: .applicationNotes)
    }

    /// The notes on every application of a candidate, oldest first.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The notes.
    /// - Throws: `ATSError`.
    public func notes(ofCandidate candidate: CandidateID) async throws -> [Note] {
        let person = try await fetchCandidate(candidate, operation: .candidateNotes)
        var notes: [Note] = []
        for application in person.applicationIDs {
            notes += try await applicationNotes(application, operation: .candidateNotes)
        }
        return notes.sorted(by: Self.chronological)
    }

    /// The files attached to an application, oldest first.
    /// - Parameter application: The application's id.
    /// - Returns: The files' records.
    /// - Throws: `ATSError`.
    public func attachments(ofApplication application: ApplicationID) async throws -> [Attachment] {
        try await applicationFiles(application, operation: .applicationAttachments)
    }

    /// The files attached to every application of a candidate, oldest first.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The files' records.
    /// - Throws: `ATSError`.
    public func attachments(ofCandidate candidate: CandidateID) async throws -> [Attachment] {
        let person = try await fetchCandidate(candidate, operation: .candidateAttachments)
        var files: [Attachment] = []
        for application in person.applicationIDs {
            files += try await applicationFiles(application, operation: .candidateAttachments)
        }
        return files.sorted(by: Self.chronological)
    }

    /// One file's record, found by reading the file list until it appears (Tracker has no
    /// single-file endpoint). Prefer ``attachments(ofApplication:)`` when the application is known.
    /// - Parameter id: The file's id.
    /// - Returns: The record.
    /// - Throws: `ATSError` (`ATSError.Code.notFound` when there is none).
    public func attachment(_ id: AttachmentID) async throws -> Attachment {
        let wanted = TrackerFileID(rawValue: id.rawValue)
        let found = try await translating(.applicationAttachments, subject: "file \(id)") { () -> TrackerFile? in
            for try await file in api.files.list(logger: logger) where file.id == wanted { return file }
            return nil
        }
        guard let found, let application = found.applicationID else {
            throw ATSError(
                code: .notFound, operation: ATSOperation.applicationAttachments.rawValue, provider: .tracker,
                message: "Tracker has no file \(id).", suggestion: "List the application's files to get their ids."
            )
        }
        return TrackerRecordMapping.attachment(found, applicationID: ApplicationID(application.rawValue))
    }

    /// Downloads a file's bytes as a stream; nothing is held in memory beyond the chunk in hand.
    /// - Parameter attachment: The file's record.
    /// - Returns: The download.
    /// - Throws: `ATSError`.
    public func download(_ attachment: Attachment) async throws -> ATSFileDownload {
        try await download(attachment, operation: .applicationAttachments)
    }

    /// A candidate's latest resume (the newest file of kind `resume` on any of their applications).
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The file and its bytes, streamed.
    /// - Throws: `ATSError` (`ATSError.Code.notFound` when the candidate has no resume).
    public func resume(of candidate: CandidateID) async throws -> ATSFileDownload {
        let person = try await fetchCandidate(candidate, operation: .resume)
        var resumes: [Attachment] = []
        for application in person.applicationIDs {
            resumes += try await applicationFiles(application, operation: .resume).filter { $0.kind == .resume }
        }
        guard let latest = resumes.max(by: Self.chronological) else {
            throw ATSError(
                code: .notFound, operation: ATSOperation.resume.rawValue, provider: .tracker,
                message: "Candidate \(candidate) has no resume in Tracker.",
                suggestion: "List the candidate's files: a resume may have been uploaded as another kind."
            )
        }
        return try await download(latest, operation: .resume)
    }

    // MARK: Building blocks

    private func download(_ attachment: Attachment, operation: ATSOperation) async throws -> ATSFileDownload {
        let download = try await translating(operation, subject: "file \(attachment.id)") {
            try await api.files.download(TrackerFileID(rawValue: attachment.id.rawValue), logger: logger)
        }
        return ATSFileDownload(
            attachment: attachment,
            contentType: download.contentType ?? attachment.contentType,
            contentLength: download.contentLength ?? attachment.size,
            body: ATSStream(TranslatingSequence(base: download.body, operation: operation))
        )
    }

    private func applicationNotes(_ application: ApplicationID, operation: ATSOperation) async throws -> [Note] {
        let wanted = TrackerApplicationID(rawValue: application.rawValue)
        return try await translating(operation, subject: "notes of application \(application)") {
            var notes: [NoteID: Note] = [:]
            // The filter is applied on the client too: a server that ignored app_id returns every note.
            for try await note in api.notes.list(.init(applicationID: wanted), logger: logger)
            where note.applicationID == nil || note.applicationID == wanted {
                notes[NoteID(note.id.rawValue)] = TrackerRecordMapping.note(note, applicationID: application)
            }
            return notes.values.sorted(by: Self.chronological)
        }
    }

    private func applicationFiles(_ application: ApplicationID, operation: ATSOperation) async throws -> [Attachment] {
        let wanted = TrackerApplicationID(rawValue: application.rawValue)
        return try await translating(operation, subject: "files of application \(application)") {
            var files: [AttachmentID: Attachment] = [:]
            for try await file in api.files.list(.init(applicationID: wanted), logger: logger)
            where file.applicationID == nil || file.applicationID == wanted {
                files[AttachmentID(file.id.rawValue)] = TrackerRecordMapping.attachment(
                    file, applicationID: application)
            }
            return files.values.sorted(by: Self.chronological)
        }
    }

    private static func chronological(_ left: Note, _ right: Note) -> Bool {
        (left.createdAt ?? .distantPast, left.id) < (right.createdAt ?? .distantPast, right.id)
    }

    private static func chronological(_ left: Attachment, _ right: Attachment) -> Bool {
        (left.createdAt ?? .distantPast, left.id) < (right.createdAt ?? .distantPast, right.id)
    }
}
