public import ATSCore
import Foundation
import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// The documents of the application's resource (documents belong to resources), through the
    /// REST API.
    /// - Parameter application: The placement id.
    /// - Returns: The files, each recorded against this application.
    /// - Throws: ``ATSCore/ATSError`` with `notSupported` without a REST token.
    public func attachments(ofApplication application: ApplicationID) async throws -> [Attachment] {
        try refuseWithoutREST(.applicationAttachments)
        return try await RMSErrors.mapping(.applicationAttachments) {
            let placement = try await placement(application, operation: .applicationAttachments)
            guard let resourceID = placement.resourceID else { return [] }
            return try await documents(of: resourceID, as: application)
        }
    }

    /// The documents of a resource, each recorded against the resource's latest placement.
    /// - Parameter candidate: The resource id.
    /// - Returns: The files.
    /// - Throws: ``ATSCore/ATSError`` with `notSupported` without a REST token.
    public func attachments(ofCandidate candidate: CandidateID) async throws -> [Attachment] {
        try refuseWithoutREST(.candidateAttachments)
        return try await RMSErrors.mapping(.candidateAttachments) {
            let resource = try await resource(candidate, operation: .candidateAttachments)
            let latest = try await placements(ofResource: resource.id).last
            return try await documents(of: resource.id, as: ApplicationID(latest?.id.rawValue ?? ""))
        }
    }

    /// Downloads a document through the REST API.
    /// - Parameter attachment: A file from ``attachments(ofApplication:)`` (its record names the resource).
    /// - Returns: The bytes.
    /// - Throws: ``ATSCore/ATSError`` with `notSupported` without a REST token.
    public func download(_ attachment: Attachment) async throws -> ATSFileDownload {
        try refuseWithoutREST(.downloadAttachment)
        return try await RMSErrors.mapping(.downloadAttachment) {
            guard let resourceID = RMSDocumentRecord.resourceID(in: attachment.raw) else {
                throw RMSErrors.invalidInput(
                    "Attachment \(attachment.id) does not say which resource it belongs to; list it with "
                        + "attachments(ofApplication:) first.", operation: .downloadAttachment)
            }
            let (_, data) = try await rms.downloadDocument(
                RMSRecordID(rawValue: attachment.id.rawValue), ofResource: resourceID)
            return ATSFileDownload(
                attachment: attachment, contentType: attachment.contentType, contentLength: data.count,
                body: ATSStream(OneChunk(data: data)))
        }
    }

    /// The candidate's resume: the primary `resume` document, else the newest `resume`.
    /// - Parameter candidate: The resource id.
    /// - Returns: The download.
    /// - Throws: ``ATSCore/ATSError`` (`notFound` without one, `notSupported` without a REST token).
    public func resume(of candidate: CandidateID) async throws -> ATSFileDownload {
        try refuseWithoutREST(.resume)
        let files = try await RMSErrors.mapping(.resume) {
            let resource = try await resource(candidate, operation: .resume)
            return try await documents(of: resource.id, as: ApplicationID(""))
        }
        let resumes = files.filter { $0.kind == .resume }
        guard
            let chosen = resumes.first(where: { RMSDocumentRecord.isPrimary($0.raw) })
                ?? resumes.max(by: { $0.id < $1.id })
        else {
            throw ATSError(
                code: .notFound, operation: ATSOperation.resume.rawValue, provider: .trackerRMS,
                message: "Candidate \(candidate) has no resume document.")
        }
        return try await download(chosen)
    }

    /// Uploads a file to the application's resource (`attachDocument`, base64 in JSON). The size is
    /// checked before any byte is read; a lost answer is `outcomeUnknown`, never sent twice.
    /// - Parameters:
    ///   - upload: The file; a resume becomes the resource's primary `resume` document.
    ///   - application: The placement id.
    /// - Returns: The file's record.
    /// - Throws: ``ATSCore/ATSError`` (`invalidInput` over 10 MB or without a name).
    public func uploadAttachment(_ upload: AttachmentUpload, to application: ApplicationID) async throws -> Attachment {
        let bytes = try await Self.uploadBytes(upload)
        return try await RMSErrors.mapping(.uploadAttachment) {
            let placement = try await placement(application, operation: .uploadAttachment)
            guard let resourceID = placement.resourceID else {
                throw RMSErrors.notFound(
                    "resource of placement", id: application.rawValue, operation: .uploadAttachment)
            }
            let isResume = upload.kind == .resume
            let outcome = try await rms.attachDocument(
                RMSNewDocument(
                    filename: upload.filename, recordType: .resource, recordID: resourceID,
                    documentType: isResume ? "resume" : "general", isPrimary: isResume, data: bytes))
            let id = outcome.recordID?.rawValue ?? ""
            return Attachment(
                id: AttachmentID(id), applicationID: application, filename: upload.filename, kind: upload.kind,
                contentType: upload.contentType, size: bytes.count, createdAt: Date(),
                raw: RMSDocumentRecord.raw(
                    id: id, resourceID: resourceID, filename: upload.filename,
                    documentType: isResume ? "resume" : "general", isPrimary: isResume))
        }
    }

    /// The bytes of an upload, refused over the size limit before they are read.
    static func uploadBytes(_ upload: AttachmentUpload) async throws -> [UInt8] {
        let limit = RMSNewDocument.maximumBytes
        func tooLarge(_ size: Int) -> ATSError {
            RMSErrors.invalidInput(
                "\(upload.filename) is \(size) bytes; Tracker RMS uploads are capped at \(limit) bytes. Nothing was sent.",
                operation: .uploadAttachment)
        }
        guard !upload.filename.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RMSErrors.invalidInput("The file needs a name; nothing was sent.", operation: .uploadAttachment)
        }
        switch upload.source {
        case .bytes(let data):
            guard data.count <= limit else { throw tooLarge(data.count) }
            return Array(data)
        case .file(let url):
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
            guard let size else {
                throw RMSErrors.invalidInput("Cannot read \(url.path); nothing was sent.", operation: .uploadAttachment)
            }
            guard size <= limit else { throw tooLarge(size) }
            return Array(try Data(contentsOf: url))
        case .chunks(let chunks):
            guard chunks.size <= limit else { throw tooLarge(chunks.size) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(chunks.size)
            for try await chunk in chunks { bytes.append(contentsOf: chunk) }
            guard bytes.count == chunks.size else {
                throw RMSErrors.invalidInput(
                    "The source gave \(bytes.count) bytes, not the \(chunks.size) it announced; nothing was sent.",
                    operation: .uploadAttachment)
            }
            return bytes
        }
    }

    private func documents(of resourceID: RMSRecordID, as application: ApplicationID) async throws -> [Attachment] {
        try await rms.documents(ofResource: resourceID).map { document in
            let type = document.documentType ?? "general"
            return Attachment(
                id: AttachmentID(document.id.rawValue), applicationID: application,
                filename: document.filename ?? document.id.rawValue,
                kind: type.lowercased().contains("resume") ? .resume : .attachment,
                raw: RMSDocumentRecord.raw(
                    id: document.id.rawValue, resourceID: resourceID, filename: document.filename ?? "",
                    documentType: type, isPrimary: document.isPrimary ?? false))
        }
    }

    private func refuseWithoutREST(_ operation: ATSOperation) throws {
        if let error = capabilities.unsupportedError(for: operation) { throw error }
    }
}

/// The JSON kept with a document's record: which resource it belongs to, so it can be downloaded.
enum RMSDocumentRecord {
    static func raw(id: String, resourceID: RMSRecordID, filename: String, documentType: String, isPrimary: Bool)
        -> RawPayload
    {
        RawPayload(
            json: RMSJSON.object([
                "documentId": .string(id), "resourceId": .string(resourceID.rawValue), "filename": .string(filename),
                "documentType": .string(documentType), "isPrimary": .bool(isPrimary),
            ]).jsonText)
    }

    static func resourceID(in raw: RawPayload) -> RMSRecordID? {
        let id = field("resourceId", in: raw) as? String ?? ""
        return id.isEmpty ? nil : RMSRecordID(rawValue: id)
    }

    static func isPrimary(_ raw: RawPayload) -> Bool {
        field("isPrimary", in: raw) as? Bool ?? false
    }

    private static func field(_ key: String, in raw: RawPayload) -> Any? {
        (try? JSONSerialization.jsonObject(with: Data(raw.bytes)) as? [String: Any])?[key]
    }
}

/// A download's bytes, already read whole (the REST API sends them base64 in one JSON reply).
struct OneChunk: AsyncSequence, Sendable {
    let data: Data

    func makeAsyncIterator() -> Iterator { Iterator(data: data) }

    struct Iterator: AsyncIteratorProtocol {
        var data: Data?

        mutating func next() async throws -> Data? {
            defer { data = nil }
            return data
        }
    }
}
