public import ATSCore
import Foundation
public import WorkableAPI

extension WorkableATSClient {
    /// The files of an application (`GET /candidates/{id}/files`): their names and kinds. Their
    /// pre-signed URLs are not kept: ``download(_:)`` asks for a fresh one.
    /// - Parameter application: The candidate record's id.
    /// - Returns: The files; an id is `RECORD/KIND/NAME`.
    /// - Throws: `ATSError`.
    public func attachments(ofApplication application: ApplicationID) async throws -> [Attachment] {
        try await files(of: application, operation: .applicationAttachments).map {
            Self.attachment($0, application: application)
        }
    }

    /// The files of every record of a person.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The files.
    /// - Throws: `ATSError`.
    public func attachments(ofCandidate candidate: CandidateID) async throws -> [Attachment] {
        var all: [Attachment] = []
        for application in try await self.candidate(candidate).applicationIDs {
            all += try await files(of: application, operation: .candidateAttachments).map {
                Self.attachment($0, application: application)
            }
        }
        return all
    }

    /// Downloads a file, streamed, from a pre-signed URL read afresh from its record's files. The
    /// request carries no `Authorization` header (the token never leaves the API host); an expired
    /// URL is replaced by a fresh one once.
    /// - Parameter attachment: The file's record (from ``attachments(ofApplication:)``).
    /// - Returns: The download; read its body once.
    /// - Throws: `ATSError` (`notFound` when the record no longer has the file).
    public func download(_ attachment: Attachment) async throws -> ATSFileDownload {
        try await download(attachment, operation: .downloadAttachment)
    }

    /// A person's latest resume: the `resume` file of their most recent record that has one.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The download.
    /// - Throws: `ATSError` (`notFound` when none of their records has a resume).
    public func resume(of candidate: CandidateID) async throws -> ATSFileDownload {
        for application in try await self.candidate(candidate).applicationIDs.reversed() {
            if let file = try await files(of: application, operation: .resume).first(where: { $0.kind == "resume" }) {
                return try await download(Self.attachment(file, application: application), operation: .resume)
            }
        }
        throw ATSError(
            code: .notFound, operation: ATSOperation.resume.rawValue, provider: .workable,
            message: "No Workable record of candidate \(candidate) has a resume.")
    }

    func files(of application: ApplicationID, operation: ATSOperation) async throws -> [WorkableFile] {
        try await WorkableErrors.translating(operation, subject: "application \(application)'s files") {
            try await api.candidates.files(WorkableCandidateID(application.rawValue), logger: logger)
        }
    }

    private func download(_ attachment: Attachment, operation: ATSOperation) async throws -> ATSFileDownload {
        let subject = "file '\(attachment.filename)' of application \(attachment.applicationID)"
        var attempt = 0
        while true {
            attempt += 1
            let current = try await files(of: attachment.applicationID, operation: operation)
            guard
                let file = current.first(where: {
                    Self.attachmentID($0, application: attachment.applicationID) == attachment.id
                }) ?? current.first(where: { $0.name == attachment.filename }), let url = file.url
            else {
                throw ATSError(
                    code: .notFound, operation: operation.rawValue, provider: .workable,
                    message: "Workable no longer lists the \(subject).")
            }
            do {
                let download = try await api.files.download(from: url, logger: logger)
                let chunks = download.chunks
                return ATSFileDownload(
                    attachment: attachment, contentType: download.contentType ?? attachment.contentType,
                    contentLength: download.contentLength,
                    body: ATSStream(
                        ClosureSequence<Data> {
                            let iterator = Box(chunks.makeAsyncIterator())
                            return {
                                try await WorkableErrors.translating(operation, subject: subject) {
                                    try await iterator.value.next()
                                }
                            }
                        }))
            } catch let error as WorkableAPIError where error.code == .fileURLExpired && attempt == 1 {
                continue
            } catch {
                throw WorkableErrors.translate(error, operation: operation.rawValue, subject: subject)
            }
        }
    }

    /// A file as an attachment record: its id is `RECORD/KIND/NAME`, its JSON kept without the
    /// pre-signed URL (which expires and must never be stored).
    /// - Parameters:
    ///   - file: The file as `GET /candidates/{id}/files` lists it.
    ///   - application: The candidate record it belongs to.
    /// - Returns: The attachment.
    public static func attachment(_ file: WorkableFile, application: ApplicationID) -> Attachment {
        Attachment(
            id: attachmentID(file, application: application), applicationID: application, filename: file.name,
            kind: file.kind == "resume" ? .resume : Attachment.Kind(rawValue: file.kind ?? "attachment"),
            contentType: file.raw["content_type"].string, size: file.raw["size"].int,
            raw: WorkableMapping.payload(Self.withoutURL(file.raw)))
    }

    /// `RECORD/KIND/NAME`: stable while the file exists, and free of the expiring URL.
    static func attachmentID(_ file: WorkableFile, application: ApplicationID) -> AttachmentID {
        AttachmentID("\(application.rawValue)/\(file.kind ?? "file")/\(file.name)")
    }

    /// A file's JSON without its pre-signed URL, which must never be stored.
    static func withoutURL(_ json: WorkableJSON) -> WorkableJSON {
        guard var object = json.object else { return json }
        for key in ["preview_url", "url", "download_url"] { object[key] = nil }
        return .object(object)
    }
}
