internal import Foundation

/// The fields of a new application (`POST /applications`, quick-apply, or a background insertion).
struct NewApplication: Sendable {
    var jobID: Int
    var firstName: String
    var lastName: String
    var email: String?
    var phone: String?
    var source: String?
    var customFields: [String: SandboxJSON] = [:]
}

extension SandboxState {
    /// Creates an application in the account's first status and emits `applicant_new`.
    mutating func createApplication(_ input: NewApplication, depth: Int = 0) -> SandboxApplication {
        let stamp = Date(epochSeconds: now)
        let status = statuses.first ?? "New"
        let created = applications.insert { id in
            SandboxApplication(
                id: id, jobID: input.jobID, firstName: input.firstName, lastName: input.lastName, email: input.email,
                phone: input.phone, address: nil, address2: nil, city: nil, state: nil, gender: nil, status: status,
                rating: nil, source: input.source, archived: false, tags: [], appliedAt: stamp, createdAt: stamp,
                updatedAt: stamp, customFields: input.customFields
            )
        }
        emit(EventCatalogue.applicantNew, applicationID: created.id, depth: depth)
        deliverWebhook(WebhookEventCatalogue.applicantNew, applicationID: created.id)
        return created
    }

    /// Applies `change` to a live application, stamps `updated_at` and delivers the
    /// `applicant_updated` webhook (and `applicant_hired_updated` for a hired applicant).
    /// - Returns: the updated record, or `nil` when there is no such application.
    @discardableResult
    mutating func updateApplication(_ id: Int, _ change: (inout SandboxApplication) -> Void) -> SandboxApplication? {
        guard var record = application(id) else { return nil }
        change(&record)
        record.updatedAt = Date(epochSeconds: now)
        applications.replace(id, with: record)
        if !workflow.webhooks.isEmpty {
            deliverWebhook(WebhookEventCatalogue.applicantUpdated, applicationID: id)
            if record.isHired { deliverWebhook(WebhookEventCatalogue.applicantHiredUpdated, applicationID: id) }
        }
        return record
    }

    /// Sets an application's status, emitting `app_status_updated` (and `applicant_marked_as_hired`
    /// for "Hired") when it changes.
    mutating func setStatus(_ status: String, ofApplication id: Int, depth: Int) -> SandboxApplication? {
        guard let current = application(id) else { return nil }
        guard current.status != status else { return current }
        let updated = updateApplication(id) { $0.status = status }
        emitStatusChange(to: status, ofApplication: id, depth: depth)
        return updated
    }

    /// The workflow events of a status change already stored: `app_status_updated`, and
    /// `applicant_marked_as_hired` for "Hired".
    mutating func emitStatusChange(to status: String, ofApplication id: Int, depth: Int) {
        emit(EventCatalogue.appStatusUpdated, applicationID: id, depth: depth)
        if status.caseInsensitiveCompare("Hired") == .orderedSame {
            emit(EventCatalogue.applicantMarkedAsHired, applicationID: id, depth: depth)
        }
    }

    /// Deletes an application together with its notes and files.
    @discardableResult
    mutating func deleteApplication(_ id: Int) -> Bool {
        guard applications.delete(id) else { return false }
        for noteID in noteIDs(ofApplication: id) { notes.delete(noteID) }
        for fileID in fileIDs(ofApplication: id) { files.delete(fileID) }
        return true
    }

    mutating func createNote(applicationID: Int, body: String, author: String?) -> SandboxNote? {
        guard let application = application(applicationID) else { return nil }
        let stamp = Date(epochSeconds: now)
        return notes.insert { id in
            SandboxNote(
                id: id, applicationID: applicationID, jobID: application.jobID, author: author, body: body,
                createdAt: stamp, updatedAt: stamp
            )
        }
    }

    /// Stores a file and delivers the `applicant_file_added` webhook; for a hired applicant also
    /// emits the `applicant_hired_file_added` workflow event and delivers that webhook.
    mutating func createFile(
        applicationID: Int, filename: String, kind: String, contentType: String, content: [UInt8], depth: Int = 0
    ) -> SandboxFile? {
        guard application(applicationID) != nil else { return nil }
        let stamp = Date(epochSeconds: now)
        let file = files.insert { id in
            SandboxFile(
                id: id, applicationID: applicationID, filename: filename, kind: kind, contentType: contentType,
                content: content, createdAt: stamp
            )
        }
        deliverWebhook(WebhookEventCatalogue.applicantFileAdded, applicationID: applicationID)
        if application(applicationID)?.isHired == true {
            emit(EventCatalogue.applicantHiredFileAdded, applicationID: applicationID, depth: depth)
            deliverWebhook(WebhookEventCatalogue.applicantHiredFileAdded, applicationID: applicationID)
        }
        return file
    }

    /// The live note ids of an application, ascending.
    func noteIDs(ofApplication applicationID: Int) -> [Int] {
        var ids: [Int] = []
        if let range = generator.noteIDs(ofApplication: applicationID) {
            ids += range.filter { notes.isLive($0) && notes.overlay[$0] == nil }
        }
        ids += notes.overlay.values.filter { $0.applicationID == applicationID }.map(\.id)
        return ids.sorted()
    }

    /// The live file ids of an application, ascending.
    func fileIDs(ofApplication applicationID: Int) -> [Int] {
        var ids: [Int] = []
        if let range = generator.fileIDs(ofApplication: applicationID) {
            ids += range.filter { files.isLive($0) && files.overlay[$0] == nil }
        }
        ids += files.overlay.values.filter { $0.applicationID == applicationID }.map(\.id)
        return ids.sorted()
    }

    /// Sets a job to `Online`, `Offline` or `Archived` (also `active`/`inactive`, any case).
    /// - Returns: `nil` on success, else why it failed.
    mutating func setJobStatus(_ status: String, ofJob id: Int) -> String? {
        guard var job = job(id) else { return "job \(id) not found" }
        switch status.trimmingSpaces().lowercased() {
        case "online", "active":
            job.active = true
            job.archived = false
        case "offline", "inactive":
            job.active = false
            job.archived = false
        case "archived":
            job.active = false
            job.archived = true
        default:
            return "unknown job status '\(status)'; use Online, Offline or Archived"
        }
        job.updatedAt = Date(epochSeconds: now)
        jobs.replace(id, with: job)
        return nil
    }
}
