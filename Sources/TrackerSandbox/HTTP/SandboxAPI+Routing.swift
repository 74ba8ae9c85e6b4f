/// Maps method and path to a handler. Paths are matched on segments after `/api/v1` (or after
/// `/api/v1/companies/{company_id}` for partner keys). Not in Tracker's documentation: an unknown path answers `404` and a
/// known path with the wrong method `405` with an `Allow` header, both with a JSON error body. A
/// record id in the path that is not a positive decimal (`^[1-9][0-9]{0,15}$`) answers `400`; a
/// well-formed id that names no record answers `404`.
extension SandboxAPI {
    /// The record id in a path segment.
    /// - Throws: `400` when it is not a positive decimal of at most 16 digits.
    static func pathID(_ text: Substring) throws(SandboxHTTPError) -> Int {
        guard let first = text.first, first != "0", text.count <= 16, text.allSatisfy(\.isASCIIDigit),
            let id = Int(text)
        else { throw .badRequest("'\(text)' is not a record id; ids are positive decimal numbers") }
        return id
    }

    /// Splits a request path into API segments; `nil` when it is not an API path.
    /// - Throws: `404` for a partner path naming another company.
    static func apiSegments(of path: String, companyID: Int) throws(SandboxHTTPError) -> [Substring]? {
        var segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.count >= 2, segments[0] == "api", segments[1] == "v1" else { return nil }
        segments.removeFirst(2)
        if segments.count >= 2, segments[0] == "companies" {
            guard Int(segments[1]) == companyID else {
                throw .notFound("company \(segments[1]) not found; this account is company \(companyID)")
            }
            segments.removeFirst(2)
        }
        return segments
    }

    func route(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let method = call.method
        func only(_ allowed: String...) throws(SandboxHTTPError) {
            guard allowed.contains(method) else {
                throw .methodNotAllowed(method, path: call.path, allowed: allowed)
            }
        }
        let s = call.segments
        switch s.count {
        case 1:
            switch s[0] {
            case "jobs":
                try only("GET")
                return try listJobs(call, set: nil)
            case "applications":
                try only("GET", "POST")
                return method == "GET" ? try listApplications(call) : try createApplication(call)
            case "notes":
                try only("GET", "POST")
                return method == "GET" ? try listNotes(call) : try createNote(call)
            case "files":
                try only("GET", "POST")
                return method == "GET" ? try listFiles(call) : try createFile(call)
            case "actions":
                try only("POST")
                return try createAction(call)
            case "triggers":
                try only("GET", "POST")
                return method == "GET" ? listTriggers() : try createTrigger(call)
            case "webhooks":
                try only("GET", "POST")
                return method == "GET" ? listWebhooks() : try createWebhook(call)
            case "users":
                try only("GET")
                return listUsers()
            default: break
            }
        case 2:
            switch (s[0], s[1]) {
            case ("jobs", "custom_fields_schema"):
                try only("GET", "PUT")
                return method == "GET" ? getSchema(.jobs) : try putSchema(.jobs, call)
            case ("applications", "custom_fields_schema"):
                try only("GET", "PUT")
                return method == "GET" ? getSchema(.applications) : try putSchema(.applications, call)
            case ("jobs", "active"), ("jobs", "active_visible"), ("jobs", "hidden"), ("jobs", "archived"):
                try only("GET")
                return try listJobs(call, set: String(s[1]))
            case ("jobs", let id):
                try only("GET")
                return try getJob(Self.pathID(id))
            case ("applications", let id):
                try only("GET", "PUT")
                return method == "GET"
                    ? try getApplication(Self.pathID(id)) : try updateApplication(call, id: Self.pathID(id))
            case ("files", let id):
                try only("DELETE")
                return try deleteFile(Self.pathID(id))
            case ("workflow", "actions"):
                try only("GET")
                return actionCatalogue()
            case ("workflow", "events"):
                try only("GET")
                return try events(call)
            case ("actions", let id):
                try only("GET")
                return try getAction(Self.pathID(id))
            case ("triggers", let id):
                try only("DELETE")
                return try deleteTrigger(Self.pathID(id))
            case ("webhooks", let id):
                try only("DELETE")
                return try deleteWebhook(Self.pathID(id))
            default: break
            }
        case 3:
            if s[0] == "files", s[2] == "download" {
                try only("GET")
                return try downloadFile(Self.pathID(s[1]))
            }
        default: break
        }
        throw .notFound("no such endpoint: \(method) \(call.path)")
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
