internal import Foundation

/// The handlers that create or change applications, notes and files.
extension SandboxAPI {
    /// `POST /applications`: `job_id`, `first_name`, `last_name`, `email` required; `phone`,
    /// `source`, `custom_fields` optional; nothing else. Answers `201` with the record.
    func createApplication(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let body = try call.jsonObject(
            allowing: ["job_id", "first_name", "last_name", "email", "phone", "source", "custom_fields"]
        )
        let jobID = try requiredID("job_id", in: body)
        let input = NewApplication(
            jobID: jobID,
            firstName: try requiredText("first_name", in: body),
            lastName: try requiredText("last_name", in: body),
            email: try requiredText("email", in: body),
            phone: try optionalText("phone", in: body),
            source: try optionalText("source", in: body)
        )
        let created = try store.mutate { (state: inout SandboxState) throws(SandboxHTTPError) -> SandboxApplication in
            guard state.job(jobID) != nil else { throw .unprocessable("job_id \(jobID) does not name a job") }
            var input = input
            if let fields = body["custom_fields"], fields != .null {
                input.customFields = try state.applicationSchema.validate(fields)
            }
            return state.createApplication(input)
        }
        let context = store.renderContext
        return .json(201) { context.write(created, to: &$0) }
    }

    /// The applicant fields `PUT /applications/{id}` may change (not in Tracker's documentation): anything else (status,
    /// tags, archived: those change through workflow actions) is refused with `422`.
    private static let editableFields: Set<String> = [
        "first_name", "last_name", "email", "phone", "address", "address_2", "city", "state", "gender", "source",
        "rating", "custom_fields",
    ]

    /// `PUT /applications/{id}`: edits applicant fields; answers `200` with the record.
    func updateApplication(_ call: APICall, id: Int) throws(SandboxHTTPError) -> SandboxReply {
        let body = try call.jsonObject()
        for member in body.objectMembers ?? [] where !Self.editableFields.contains(member.key) {
            throw .unprocessable(
                "'\(member.key)' cannot be changed with PUT /applications/{id}"
                    + (["status", "tags", "archived"].contains(member.key) ? "; use a workflow action" : "")
                    + "; editable fields: \(Self.editableFields.sorted().joined(separator: ", "))"
            )
        }
        var texts: [WritableKeyPath<SandboxApplication, String?>: String?] = [:]
        let optionalKeys: [(String, WritableKeyPath<SandboxApplication, String?>)] = [
            ("email", \.email), ("phone", \.phone), ("address", \.address), ("address_2", \.address2),
            ("city", \.city), ("state", \.state), ("gender", \.gender), ("source", \.source),
        ]
        for (key, path) in optionalKeys where body[key] != nil {
            texts[path] = try optionalText(key, in: body)
        }
        let firstName = body["first_name"] != nil ? try requiredText("first_name", in: body) : nil
        let lastName = body["last_name"] != nil ? try requiredText("last_name", in: body) : nil
        var rating: Int??
        if let value = body["rating"] {
            if value == .null {
                rating = .some(nil)
            } else if let number = value.intValue, (1...5).contains(number) {
                rating = number
            } else {
                throw .unprocessable("rating must be an integer from 1 to 5, or null")
            }
        }
        let updated = try store.mutate { (state: inout SandboxState) throws(SandboxHTTPError) -> SandboxApplication in
            var fields: [String: SandboxJSON]?
            if let input = body["custom_fields"] { fields = try state.applicationSchema.validate(input) }
            let result = state.updateApplication(id) { record in
                for (path, value) in texts { record[keyPath: path] = value }
                if let firstName { record.firstName = firstName }
                if let lastName { record.lastName = lastName }
                if let rating { record.rating = rating }
                for (key, value) in fields ?? [:] { record.customFields[key] = value == .null ? nil : value }
            }
            guard let result else { throw .notFound("application \(id) not found") }
            return result
        }
        let context = store.renderContext
        return .json { context.write(updated, to: &$0) }
    }

    /// `POST /applicant_webhooks/add_applicant` (partner quick-apply, not under `/api/v1`):
    /// `reference_number` (a job code such as `SBX-0007`, or a job id), `name`, `email`, optional
    /// `phone`, `coverletter` (stored as a note) and `resume: {filename, data}` (base64, stored as
    /// the resume). Answers `201` with the application. [model: the response body]
    func quickApply(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let body = try call.jsonObject(
            allowing: ["reference_number", "name", "email", "phone", "coverletter", "resume"]
        )
        let reference = try requiredText("reference_number", in: body)
        let name = try requiredText("name", in: body)
        let email = try requiredText("email", in: body)
        let phone = try optionalText("phone", in: body)
        let coverLetter = try optionalText("coverletter", in: body)
        var resume: (filename: String, content: [UInt8])?
        if let value = body["resume"], value != .null {
            guard value.objectMembers != nil else { throw .unprocessable("resume must be an object {filename, data}") }
            resume = (
                try requiredText("filename", in: value, prefix: "resume."),
                try base64("data", in: value, prefix: "resume.")
            )
        }
        let parts = name.split(separator: " ")
        let firstName = parts.count > 1 ? parts.dropLast().joined(separator: " ") : name
        let lastName = parts.count > 1 ? String(parts[parts.count - 1]) : ""
        let created = try store.mutate { (state: inout SandboxState) throws(SandboxHTTPError) -> SandboxApplication in
            let generator = state.generator
            let jobID = (1..<state.jobs.nextID).first { id in
                guard let job = state.job(id) else { return false }
                return job.jobCode.caseInsensitiveCompare(reference) == .orderedSame || String(id) == reference
            }
            guard let jobID, generator.jobCount > 0 else {
                throw .unprocessable("reference_number '\(reference)' does not name a job")
            }
            let application = state.createApplication(
                NewApplication(
                    jobID: jobID, firstName: firstName, lastName: lastName, email: email, phone: phone,
                    source: "Quick Apply"
                )
            )
            if let coverLetter {
                _ = state.createNote(applicationID: application.id, body: coverLetter, author: "\(name) (cover letter)")
            }
            if let resume {
                _ = state.createFile(
                    applicationID: application.id, filename: resume.filename, kind: "resume",
                    contentType: Self.contentType(of: resume.filename), content: resume.content
                )
            }
            return application
        }
        let context = store.renderContext
        return .json(201) { context.write(created, to: &$0) }
    }

    /// `POST /notes`: `app_id`, `body` (plain text). Answers `201` with the note.
    func createNote(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let body = try call.jsonObject(allowing: ["app_id", "body"])
        let applicationID = try requiredID("app_id", in: body)
        let text = try requiredText("body", in: body)
        let note = try store.mutate { (state: inout SandboxState) throws(SandboxHTTPError) -> SandboxNote in
            guard let note = state.createNote(applicationID: applicationID, body: text, author: nil) else {
                throw .unprocessable("app_id \(applicationID) does not name an application")
            }
            return note
        }
        let context = store.renderContext
        return .json(201) { context.write(note, to: &$0) }
    }

    /// `POST /files`: `app_id`, `filename`, `kind` (`resume` or `attachment`), `data` (base64),
    /// optional `content_type` (else derived from the extension). Answers `201` with the file,
    /// `413` for a file larger than ``SandboxConfiguration/maximumFileBytes`` and `415` for a
    /// content type outside ``SandboxConfiguration/acceptedFileTypes`` (not in Tracker's documentation).
    func createFile(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let body = try call.jsonObject(allowing: ["app_id", "filename", "kind", "data", "content_type"])
        let applicationID = try requiredID("app_id", in: body)
        let filename = try filename("filename", in: body)
        let kind = try requiredText("kind", in: body)
        guard kind == "resume" || kind == "attachment" else {
            throw .unprocessable("kind must be 'resume' or 'attachment', not '\(kind)'")
        }
        let content = try base64("data", in: body)
        let contentType = try optionalText("content_type", in: body) ?? Self.contentType(of: filename)
        let configuration = store.configuration
        guard configuration.acceptedFileTypes.contains(contentType.lowercased()) else {
            throw .unsupportedMediaType(
                "files of type \(contentType) are not accepted ('\(filename)'); accepted types: "
                    + configuration.acceptedFileTypes.sorted().joined(separator: ", "))
        }
        guard content.count <= configuration.maximumFileBytes else {
            throw .payloadTooLarge(
                "'\(filename)' is \(content.count) bytes; the largest file accepted is "
                    + "\(configuration.maximumFileBytes) bytes")
        }
        let file = try store.mutate { (state: inout SandboxState) throws(SandboxHTTPError) -> SandboxFile in
            guard
                let file = state.createFile(
                    applicationID: applicationID, filename: filename, kind: kind, contentType: contentType,
                    content: content
                )
            else { throw .unprocessable("app_id \(applicationID) does not name an application") }
            return file
        }
        let context = store.renderContext
        return .json(201) { context.write(file, to: &$0) }
    }

    /// `DELETE /files/{id}`: `204`, or `404` when there is no such file.
    func deleteFile(_ id: Int) throws(SandboxHTTPError) -> SandboxReply {
        let deleted = (try? store.mutate { $0.files.delete(id) }) ?? false
        guard deleted else { throw .notFound("file \(id) not found") }
        return .noContent
    }

    /// `GET /files/{id}/download`: the file's bytes with its content type.
    func downloadFile(_ id: Int) throws(SandboxHTTPError) -> SandboxReply {
        guard let file = store.read({ $0.file(id) }) else {
            throw .notFound("file \(id) not found")
        }
        let safeName = file.filename.replacingOccurrences(of: "\"", with: "")
        return SandboxReply(
            status: 200, headers: [("Content-Disposition", "attachment; filename=\"\(safeName)\"")],
            contentType: file.contentType, body: file.content
        )
    }

    static func contentType(of filename: String) -> String {
        switch filename.split(separator: ".").last?.lowercased() {
        case "pdf": return "application/pdf"
        case "txt": return "text/plain"
        case "doc": return "application/msword"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "rtf": return "application/rtf"
        case "odt": return "application/vnd.oasis.opendocument.text"
        default: return "application/octet-stream"
        }
    }
}
