public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// Uploads a file to an application, after checking it: a name without
    /// folders, an extension among ``WriteSettings/uploadContentTypes`` (Tracker derives the type
    /// from the name), a declared type that agrees with it, at most
    /// ``WriteSettings/maximumUploadBytes``, not empty, and first bytes that match the type.
    ///
    /// The size is checked from the source's size (a file's size on disk) and the type from its
    /// first bytes, so a file too large is refused without being read. A file or chunk source is
    /// then streamed: Tracker's upload carries the bytes base64-encoded inside one JSON body, and
    /// that body is produced chunk by chunk while it is sent, so memory stays at a few chunks
    /// whatever the file's size (bytes already in memory are sent as one body built in memory).
    /// Not repeated once any of it was sent: a lost answer is `ATSError.Code.outcomeUnknown` (the
    /// file may be attached); an upload cut off before all of it was sent is
    /// `ATSError.Code.notApplied` (it was not). A file that changes while it is sent is refused (the
    /// request is left unfinished, so nothing is stored).
    /// - Parameters:
    ///   - upload: The file.
    ///   - application: The application.
    /// - Returns: The file's record.
    /// - Throws: `ATSError` (`ATSError.Code.invalidInput` naming what Tracker would refuse).
    public func uploadAttachment(_ upload: AttachmentUpload, to application: ApplicationID) async throws -> Attachment {
        try await send(upload, to: application, operation: .uploadAttachment)
    }

    /// Deletes a file.
    /// - Parameter attachment: The file's id.
    /// - Throws: `ATSError` (`ATSError.Code.notFound` when there is none).
    public func deleteAttachment(_ attachment: AttachmentID) async throws {
        try await translating(.deleteAttachment, subject: "file \(attachment)") {
            try await api.files.delete(TrackerFileID(rawValue: attachment.rawValue), logger: logger)
        }
    }

    func send(_ upload: AttachmentUpload, to application: ApplicationID, operation: ATSOperation) async throws
        -> Attachment
    {
        let check = UploadCheck(settings: configuration.writes, operation: operation)
        try await check.verify(upload)
        let request = TrackerFileUploadRequest(
            applicationID: TrackerApplicationID(rawValue: application.rawValue),
            filename: upload.filename.trimmingSpaces,
            kind: TrackerFileKind(rawValue: upload.kind.rawValue),
            content: check.content(of: upload))
        do {
            let file = try await api.files.upload(request, logger: logger)
            return TrackerRecordMapping.attachment(file, applicationID: application)
        } catch let error as TrackerAPIError where error.status == 413 {
            throw check.problem(
                "Tracker refused \(upload.filename) as too large (HTTP 413).",
                suggestion:
                    "The account's limit is lower than \(UploadCheck.format(bytes: configuration.writes.maximumUploadBytes)): "
                    + "lower WriteSettings.maximumUploadBytes to match it.",
                wasSent: true)
        } catch let error as TrackerAPIError where error.status == 415 {
            throw check.problem(
                "Tracker refused the type of \(upload.filename) (HTTP 415): \(error.bodyExcerpt ?? "unsupported type").",
                suggestion: "Remove the type from WriteSettings.uploadContentTypes, or convert the file (to PDF).",
                wasSent: true)
        } catch let error as TrackerAPIError where error.code == .requestInterrupted {
            throw ATSError(
                code: .notApplied, operation: operation.rawValue, provider: .tracker,
                message: "The upload of \(upload.filename) to application \(application) was cut off before all of it "
                    + "was sent (\(error.underlying ?? "the connection failed")): the file was not attached.",
                suggestion: "Upload it again; nothing needs cleaning up.", underlying: error)
        } catch let error as TrackerAPIError where error.code == .outcomeUnknown {
            throw ATSError(
                code: .outcomeUnknown, operation: operation.rawValue, provider: .tracker,
                message: "The upload of \(upload.filename) to application \(application) was sent, but its answer was "
                    + "lost (\(error.underlying ?? error.status.map { "HTTP \($0)" } ?? "no answer")): Tracker may or may "
                    + "not have acted, so the file may or may not be attached.",
                suggestion: "List the application's files before uploading it again, so that it is not attached twice.",
                underlying: error)
        } catch let error as TrackerAPIError where error.code == .requestBodyFailed {
            throw check.problem(
                "\(upload.filename) could not be read whole while it was sent: \(error.underlying ?? "read failed").",
                suggestion: "Make sure nothing writes to the file during the upload, then upload it again.",
                wasSent: true)
        } catch {
            throw Self.translate(error, operation: operation, subject: "an upload to application \(application)")
        }
    }
}
