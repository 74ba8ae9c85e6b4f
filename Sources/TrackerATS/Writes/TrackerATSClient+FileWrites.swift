public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// Uploads a file to an application, after checking it (``UploadCheck``): a name without
    /// folders, an extension among ``WriteSettings/uploadContentTypes`` (Tracker derives the type
    /// from the name), a declared type that agrees with it, at most
    /// ``WriteSettings/maximumUploadBytes``, not empty, and first bytes that match the type.
    ///
    /// The source is read in 64 KiB chunks and refused as soon as it passes the limit, so a file
    /// too large is never loaded whole. Tracker's upload carries the bytes base64-encoded inside
    /// one JSON body, so the request itself holds the file (a third larger) in memory once; the
    /// limit bounds that. Not repeated when the answer is lost (``ATSError/Code/outcomeUnknown``).
    /// - Parameters:
    ///   - upload: The file.
    ///   - application: The application.
    /// - Returns: The file's record.
    /// - Throws: ``ATSError`` (``ATSError/Code/invalidInput`` naming what Tracker would refuse).
    public func uploadAttachment(_ upload: AttachmentUpload, to application: ApplicationID) async throws -> Attachment {
        try await send(upload, to: application, operation: .uploadAttachment)
    }

    /// Deletes a file.
    /// - Parameter attachment: The file's id.
    /// - Throws: ``ATSError`` (``ATSError/Code/notFound`` when there is none).
    public func deleteAttachment(_ attachment: AttachmentID) async throws {
        try await translating(.deleteAttachment, subject: "file \(attachment)") {
            try await api.files.delete(TrackerFileID(rawValue: attachment.rawValue), logger: logger)
        }
    }

    func send(_ upload: AttachmentUpload, to application: ApplicationID, operation: ATSOperation) async throws
        -> Attachment
    {
        let check = UploadCheck(settings: configuration.writes, operation: operation)
        let type = try check.contentType(of: upload)
        let data = try check.bytes(of: upload)
        try check.checkContent(data, type: type, filename: upload.filename)
        let request = TrackerFileUploadRequest(
            applicationID: TrackerApplicationID(rawValue: application.rawValue),
            filename: upload.filename.trimmingSpaces,
            kind: TrackerFileKind(rawValue: upload.kind.rawValue),
            data: data)
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
        } catch {
            throw Self.translate(error, operation: operation, subject: "an upload to application \(application)")
        }
    }
}
