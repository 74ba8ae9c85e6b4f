import Crypto
import Foundation
import Synchronization

/// The API's routes over the store.
struct SandboxAPI {
    let store: WorkableSandboxStore

    var subdomain: String { store.configuration.subdomain }

    func route(_ call: APICall) throws(SandboxError) -> SandboxReply {
        let s = call.segments
        switch (call.method, s.count) {
        case ("GET", 1) where s[0] == "accounts": return accounts()
        case ("GET", 2) where s[0] == "accounts" && s[1] == subdomain: return account()
        case ("GET", 1) where s[0] == "jobs": return try jobs(call)
        case ("GET", 2) where s[0] == "jobs": return try job(s[1])
        case ("GET", 3) where s[0] == "jobs": return try jobDetail(call, shortcode: s[1], detail: s[2])
        case ("POST", 3) where s[0] == "jobs" && s[2] == "candidates",
            ("POST", 4) where s[0] == "jobs" && s[2] == "candidates":
            return try createCandidate(call, shortcode: s[1], stage: s.count == 4 ? s[3] : nil)
        case ("GET", 1) where s[0] == "stages": return stages()
        case ("GET", 1) where s[0] == "members": return try members(call)
        case ("GET", 1) where s[0] == "disqualification_reasons": return reasons()
        case ("GET", 1) where s[0] == "custom_attributes": return customAttributes()
        case ("GET", 1) where s[0] == "candidates":
            return try candidates(call, collection: "candidates", shortcode: nil)
        case ("GET", 2) where s[0] == "candidates": return try candidate(s[1])
        case ("PATCH", 2) where s[0] == "candidates": return try editCandidate(call, id: s[1])
        case ("GET", 3) where s[0] == "candidates" && s[2] == "activities": return try activities(call, id: s[1])
        case ("GET", 3) where s[0] == "candidates" && s[2] == "files": return try files(id: s[1])
        case ("POST", 3) where s[0] == "candidates",
            ("PUT", 3) where s[0] == "candidates" && s[2] == "tags",
            ("PATCH", 3) where s[0] == "candidates" && s[2] == "update_custom_attribute_value":
            return try candidateWrite(call, id: s[1], action: s[2])
        case ("GET", 1) where s[0] == "subscriptions": return subscriptions()
        case ("POST", 1) where s[0] == "subscriptions": return try subscribe(call)
        case ("DELETE", 2) where s[0] == "subscriptions": return try unsubscribe(s[1])
        default:
            throw .notFound
        }
    }

    private func render(_ state: SandboxState) -> Render { Render(state: state, subdomain: subdomain) }

    private func accounts() -> SandboxReply {
        .json(.object([("accounts", .list([account(json: ())]))]))
    }

    private func account(json: Void) -> JSONOut {
        .object([("id", .text("acc-\(subdomain)")), ("name", .text("Sandbox Inc.")), ("subdomain", .text(subdomain))])
    }

    private func account() -> SandboxReply { .json(account(json: ())) }

    private func paging(_ call: APICall, _ collection: String) -> Paging {
        Paging(call: call, behavior: store.behavior, subdomain: subdomain, collection: collection)
    }

    /// A strict time filter, or `nil` when absent or ignored by the behaviour.
    private func timeFilter(_ call: APICall, _ name: String) throws(SandboxError) -> Int64? {
        guard let text = call.parameter(name) else { return nil }
        guard let millis = SandboxTime.parseFilter(text) else {
            throw .validation(name, "is not a valid timestamp (use ISO-8601, e.g. 2026-01-31T12:00:00Z)")
        }
        return store.behavior.ignoresTimeFilters ? nil : millis
    }

    private func jobs(_ call: APICall) throws(SandboxError) -> SandboxReply {
        let states = ["draft", "published", "archived", "closed"]
        let wanted = call.parameter("state")
        if let wanted, !states.contains(wanted) {
            throw .validation("state", "must be one of \(states.joined(separator: ", "))")
        }
        let created = try timeFilter(call, "created_after")
        let updated = try timeFilter(call, "updated_after")
        let snapshot = store.state.withLock { $0 }
        let selected = snapshot.jobs.filter { job in
            (wanted == nil || job.state == wanted) && created.map { job.createdAt > $0 } ?? true
                && updated.map { job.updatedAt > $0 } ?? true
        }
        let positions = Dictionary(uniqueKeysWithValues: snapshot.jobs.enumerated().map { ($1.id, $0) })
        let renderer = render(snapshot)
        return try paging(call, "jobs").page(
            selected, key: "jobs", id: \.id, position: { positions[$0] }, render: { renderer.job($0, full: false) })
    }

    private func job(_ shortcode: String) throws(SandboxError) -> SandboxReply {
        let snapshot = store.state.withLock { $0 }
        guard let job = snapshot.job(shortcode) else { throw .notFound }
        let json = render(snapshot).job(job, full: true)
        return .json(store.behavior.wrapsSingleJob ? .object([("job", json)]) : json)
    }

    private func jobDetail(_ call: APICall, shortcode: String, detail: String) throws(SandboxError) -> SandboxReply {
        let snapshot = store.state.withLock { $0 }
        guard let job = snapshot.job(shortcode) else { throw .notFound }
        let renderer = render(snapshot)
        switch detail {
        case "stages":
            // A [model] endpoint an account may lack: clients must degrade to the account's stages.
            guard !store.behavior.lacksJobPipelines else { throw .notFound }
            let stages = job.pipeline.compactMap { snapshot.stage($0) }
            return .json(.object([("stages", .list(stages.map { renderer.stage($0, numbered: true) }))]))
        case "members":
            return .json(.object([("members", .list(snapshot.members.filter(\.active).map { renderer.member($0) }))]))
        case "recruiters": return .json(.object([("recruiters", .list([]))]))
        case "questions": return .json(.object([("questions", .list([]))]))
        case "application_form": return .json(.object([("fields", .list([])), ("questions", .list([]))]))
        case "custom_attributes":
            return .json(
                .object([("custom_attributes", .list(snapshot.customAttributes.map(renderer.customAttribute)))]))
        case "activities": return .json(.object([("activities", .list([]))]))
        case "candidates": return try candidates(call, collection: "jobs/\(shortcode)/candidates", shortcode: shortcode)
        default: throw .notFound
        }
    }

    private func stages() -> SandboxReply {
        let snapshot = store.state.withLock { $0 }
        let renderer = render(snapshot)
        return .json(.object([("stages", .list(snapshot.stages.map { renderer.stage($0, numbered: false) }))]))
    }

    private func members(_ call: APICall) throws(SandboxError) -> SandboxReply {
        let status = call.parameter("status") ?? "active"
        guard ["active", "inactive", "all"].contains(status) else {
            throw .validation("status", "must be active, inactive or all")
        }
        let snapshot = store.state.withLock { $0 }
        let role = call.parameter("role")
        let email = call.parameter("email").flatMap(SandboxState.normalized)
        let name = call.parameter("name")?.lowercased()
        let selected = snapshot.members.filter { member in
            (status == "all" || member.active == (status == "active"))
                && (role.map { member.roles.contains($0) } ?? true)
                && (email.map { SandboxState.normalized(member.email) == $0 } ?? true)
                && (name.map { member.name.lowercased().contains($0) } ?? true)
        }
        let positions = Dictionary(uniqueKeysWithValues: snapshot.members.enumerated().map { ($1.id, $0) })
        let renderer = render(snapshot)
        let singleRole = store.behavior.membersWithSingleRole
        return try paging(call, "members").page(
            selected, key: "members", id: \.id, position: { positions[$0] },
            render: { renderer.member($0, singleRole: singleRole) })
    }

    private func reasons() -> SandboxReply {
        let snapshot = store.state.withLock { $0 }
        return .json(.list(snapshot.reasons.map(render(snapshot).reason)))
    }

    private func customAttributes() -> SandboxReply {
        let snapshot = store.state.withLock { $0 }
        return .json(
            .object([("custom_attributes", .list(snapshot.customAttributes.map(render(snapshot).customAttribute)))]))
    }

    private func candidates(_ call: APICall, collection: String, shortcode pathShortcode: String?) throws(SandboxError)
        -> SandboxReply
    {
        let created = try timeFilter(call, "created_after")
        let updated = try timeFilter(call, "updated_after")
        let shortcode = pathShortcode ?? call.parameter("shortcode")
        let stage = call.parameter("stage")
        let email = call.parameter("email").flatMap(SandboxState.normalized)
        let snapshot = store.state.withLock { $0 }
        let selected = snapshot.candidates.filter { candidate in
            (shortcode.map { candidate.shortcode == $0 } ?? true) && (stage.map { candidate.stageSlug == $0 } ?? true)
                && (email.map { SandboxState.normalized(candidate.email) == $0 } ?? true)
                && (created.map { candidate.createdAt > $0 } ?? true)
                && (updated.map { candidate.updatedAt > $0 } ?? true)
        }
        let renderer = render(snapshot)
        return try paging(call, collection).page(
            selected, key: "candidates", id: \.id, position: { snapshot.candidatePosition[$0] },
            render: { renderer.candidate($0, full: false, fileOrigin: "", fileURL: { _ in "" }) })
    }

    private func candidate(_ id: String) throws(SandboxError) -> SandboxReply {
        let snapshot = store.state.withLock { $0 }
        guard let candidate = snapshot.candidate(id) else { throw .notFound }
        return .json(.object([("candidate", fullCandidate(candidate, snapshot))]))
    }

    func fullCandidate(_ candidate: SandboxCandidate, _ snapshot: SandboxState) -> JSONOut {
        render(snapshot).candidate(candidate, full: true, fileOrigin: "", fileURL: fileURL)
    }

    private func activities(_ call: APICall, id: String) throws(SandboxError) -> SandboxReply {
        let updated = try timeFilter(call, "updated_after")
        let snapshot = store.state.withLock { $0 }
        guard snapshot.candidate(id) != nil else { throw .notFound }
        let all = snapshot.activities[id] ?? []
        let positions = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })
        let selected = all.filter { activity in updated.map { activity.updatedAt > $0 } ?? true }
        let renderer = render(snapshot)
        return try paging(call, "candidates/\(id)/activities").page(
            selected, key: "activities", id: \.id, position: { positions[$0] }, render: renderer.activity)
    }

    private func files(id: String) throws(SandboxError) -> SandboxReply {
        let snapshot = store.state.withLock { $0 }
        guard snapshot.candidate(id) != nil else { throw .notFound }
        let files = (snapshot.files[id] ?? []).map { file in
            JSONOut.object([
                ("name", .text(file.name)), ("kind", .text(file.kind)), ("source", .text("upload")),
                ("preview_url", .text(fileURL(file))),
            ])
        }
        return .json(.object([("files", .list(files))]))
    }

    /// A pre-signed URL on the file host: valid until `expires`, signed with the sandbox's own key.
    func fileURL(_ file: SandboxFile) -> String {
        let lifetime = store.configuration.fileURLLifetime.components.seconds
        let expires = store.nowMillis / 1000 + lifetime
        let port = store.filePort.withLock { $0 }
        return "http://\(store.configuration.host):\(port)/files/\(file.key)?expires=\(expires)&signature="
            + Self.fileSignature(key: file.key, expires: expires, secret: store.fileSigningKey)
    }

    static func fileSignature(key: String, expires: Int64, secret: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("\(key)|\(expires)".utf8), using: SymmetricKey(data: secret))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    private func subscriptions() -> SandboxReply {
        let snapshot = store.state.withLock { $0 }
        return .json(.object([("subscriptions", .list(snapshot.subscriptions.map(render(snapshot).subscription)))]))
    }
}
