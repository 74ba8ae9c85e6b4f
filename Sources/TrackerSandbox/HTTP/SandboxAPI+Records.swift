/// The handlers of the record endpoints: jobs, applications, notes, files, users.
struct SandboxAPI: Sendable {
    let store: SandboxStore

    var generator: DataGenerator { store.generator }

    /// `GET /jobs`, `/jobs/active`, `/jobs/active_visible`, `/jobs/hidden`, `/jobs/archived`.
    func listJobs(_ call: APICall, set: String?) throws(SandboxHTTPError) -> SandboxReply {
        let after = try timestampParameter("updated_after", call, honoured: store.behavior.honoursUpdatedAfter)
        let inSet: (SandboxJob) -> Bool
        switch set {
        case nil: inSet = { _ in true }
        case "active": inSet = { $0.active }
        case "active_visible": inSet = { $0.active && !$0.hidden }
        case "hidden": inSet = { $0.hidden && !$0.archived }
        case "archived": inSet = { $0.archived }
        default: throw .notFound("no such job list: /jobs/\(set ?? "")")
        }
        let matches: (SandboxJob) -> Bool = { job in
            inSet(job) && after.map { job.updatedAt.epochSeconds >= $0 } ?? true
        }
        let filtered = set != nil || after != nil
        let generator = generator
        return try list(
            call, table: \.jobs,
            baseFilter: filtered
                ? ("jobs:\(set ?? "all"):\(after.map(String.init) ?? "-")", { matches(generator.job($0)) }) : nil,
            overlayFilter: matches, generate: generator.job, write: { $0.write($1, to: &$2) }
        )
    }

    /// `GET /applications`.
    func listApplications(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let after = try timestampParameter("updated_after", call, honoured: store.behavior.honoursUpdatedAfter)
        let generator = generator
        return try list(
            call, table: \.applications,
            baseFilter: after.map { bound in
                ("applications:updated_after:\(bound)", { generator.applicationUpdatedAt($0) >= bound })
            },
            overlayFilter: { record in after.map { record.updatedAt.epochSeconds >= $0 } ?? true },
            generate: generator.application, write: { $0.write($1, to: &$2) }
        )
    }

    /// `GET /notes` with the filters `app_id`, `job_id`, `begin_date` (created at or after) and
    /// `updated_after`.
    func listNotes(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let applicationID = try idParameter("app_id", call)
        let jobID = try idParameter("job_id", call)
        let begin = try timestampParameter("begin_date", call)
        let after = try timestampParameter("updated_after", call, honoured: store.behavior.honoursUpdatedAfter)
        let generator = generator
        let baseMatches: (Int) -> Bool = { id in
            if let applicationID, generator.noteApplicationID(id) != applicationID { return false }
            if let jobID, generator.applicationJobID(generator.noteApplicationID(id)) != jobID { return false }
            guard begin != nil || after != nil else { return true }
            let times = generator.noteTimes(id)
            return (begin.map { times.created >= $0 } ?? true) && (after.map { times.updated >= $0 } ?? true)
        }
        let overlayMatches: (SandboxNote) -> Bool = { note in
            (applicationID.map { note.applicationID == $0 } ?? true) && (jobID.map { note.jobID == $0 } ?? true)
                && (begin.map { note.createdAt.epochSeconds >= $0 } ?? true)
                && (after.map { note.updatedAt.epochSeconds >= $0 } ?? true)
        }
        let filtered = applicationID != nil || jobID != nil || begin != nil || after != nil
        let key = "notes:\(applicationID ?? 0):\(jobID ?? 0):\(begin ?? 0):\(after ?? 0)"
        var candidates: IDRange?
        if let applicationID {
            let range = generator.noteIDs(ofApplication: applicationID)
            candidates = range.map { IDRange($0.lowerBound, $0.upperBound) } ?? IDRange(1, 0)
        }
        return try list(
            call, table: \.notes, baseFilter: filtered ? (key, baseMatches) : nil, candidates: candidates,
            overlayFilter: overlayMatches, generate: generator.note, write: { $0.write($1, to: &$2) }
        )
    }

    /// `GET /files` with the filters `app_id` and `updated_after` (files never change, so this
    /// compares their creation time). At most 1000 per page.
    func listFiles(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let applicationID = try idParameter("app_id", call)
        let after = try timestampParameter("updated_after", call, honoured: store.behavior.honoursUpdatedAfter)
        let generator = generator
        var candidates: IDRange?
        if let applicationID {
            let range = generator.fileIDs(ofApplication: applicationID)
            candidates = range.map { IDRange($0.lowerBound, $0.upperBound) } ?? IDRange(1, 0)
        }
        let filtered = applicationID != nil || after != nil
        return try list(
            call, maximumPerPage: PageRequest.maximumFilesPerPage, table: \.files,
            baseFilter: filtered
                ? (
                    "files:\(applicationID ?? 0):\(after ?? 0)",
                    { id in after.map { generator.fileCreatedAt(id) >= $0 } ?? true }
                )
                : nil,
            candidates: candidates,
            overlayFilter: { file in
                (applicationID.map { file.applicationID == $0 } ?? true)
                    && (after.map { file.createdAt.epochSeconds >= $0 } ?? true)
            },
            generate: generator.file, write: { $0.write($1, to: &$2) }
        )
    }

    /// `GET /users`.
    func listUsers() -> SandboxReply {
        let context = store.renderContext
        return list(records: DataGenerator.users) { context.write($0, to: &$1) }
    }

    /// `GET /jobs/{id}` and `GET /applications/{id}`: an object, or a one-element array when the
    /// single-record shape is `array`.
    func single(_ write: (RenderContext, inout JSONWriter) -> Void) -> SandboxReply {
        let (context, shape) = store.read { ($0.renderContext, $0.behavior.singleRecordShape) }
        return .json { writer in
            if shape == .array { writer.beginArray() }
            write(context, &writer)
            if shape == .array { writer.endArray() }
        }
    }

    func getJob(_ id: Int) throws(SandboxHTTPError) -> SandboxReply {
        guard let job = store.read({ $0.job(id) }) else {
            throw .notFound("job \(id) not found")
        }
        return single { $0.write(job, to: &$1) }
    }

    func getApplication(_ id: Int) throws(SandboxHTTPError) -> SandboxReply {
        guard let application = store.read({ $0.application(id) }) else {
            throw .notFound("application \(id) not found")
        }
        return single { $0.write(application, to: &$1) }
    }
}
