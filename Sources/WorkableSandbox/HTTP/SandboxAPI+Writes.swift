import Foundation
import Synchronization

extension SandboxAPI {
    /// The active member a write names, or 422 on `member_id`.
    private func member(_ body: BodyIn, _ state: SandboxState) throws(SandboxError) -> SandboxMember {
        guard let id = body.text("member_id"), !id.isEmpty else {
            throw .validation("member_id", "is required: every candidate write names the member it is recorded against")
        }
        guard let member = state.members.first(where: { $0.id == id }), member.active else {
            throw .validation("member_id", "is not an active member of this account")
        }
        return member
    }

    func createCandidate(_ call: APICall, shortcode: String, stage: String?) throws(SandboxError) -> SandboxReply {
        let body = try BodyIn(call.body)
        guard let fields = body.object("candidate") else {
            throw .validation("candidate", "is required")
        }
        let now = store.nowMillis
        let result = try store.state.withLock { state throws(SandboxError) -> SandboxCandidate in
            guard let job = state.job(shortcode) else { throw .notFound }
            var firstname = fields.text("firstname") ?? ""
            var lastname = fields.text("lastname") ?? ""
            if firstname.isEmpty, let name = fields.text("name") {
                let parts = name.split(separator: " ", maxSplits: 1)
                firstname = parts.first.map(String.init) ?? ""
                lastname = parts.count > 1 ? String(parts[1]) : ""
            }
            guard !firstname.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .validation("name", "can't be blank")
            }
            guard let email = fields.text("email"), let normalized = SandboxState.normalized(email) else {
                throw .validation("email", "can't be blank")
            }
            if state.candidates.contains(where: {
                $0.shortcode == shortcode && SandboxState.normalized($0.email) == normalized
            }) {
                throw .validation("email", "candidate already exists")
            }
            let sourced = body.flag("sourced") ?? true
            let startStage = stage ?? (sourced ? "sourced" : "applied")
            guard job.pipeline.contains(startStage) else {
                throw .validation("stage", "is not a stage of this job's pipeline")
            }
            var candidate = SandboxCandidate(
                id: state.newID(), firstname: firstname, lastname: lastname, email: email, phone: fields.text("phone"),
                headline: fields.text("headline"), shortcode: shortcode, stageSlug: startStage, sourced: sourced,
                domain: body.text("domain"), createdAt: now, updatedAt: now)
            candidate.summary = fields.text("summary")
            candidate.address = fields.text("address")
            candidate.coverLetter = fields.text("cover_letter")
            candidate.tags = fields.texts("tags") ?? []
            state.insert(candidate)
            _ = state.addActivity(to: candidate.id, action: sourced ? "sourced" : "applied", at: now)
            return candidate
        }
        store.raise("candidate_created", candidateID: result.id)
        let snapshot = store.state.withLock { $0 }
        return .json(
            .object([("status", .text("created")), ("candidate", fullCandidate(result, snapshot))]), status: 201)
    }

    func editCandidate(_ call: APICall, id: String) throws(SandboxError) -> SandboxReply {
        let body = try BodyIn(call.body)
        guard let fields = body.object("candidate") else { throw .validation("candidate", "is required") }
        let editable = ["firstname", "lastname", "email", "phone", "address", "headline", "summary", "cover_letter"]
        if let refused = fields.keys.sorted().first(where: { !editable.contains($0) }) {
            throw .validation(refused, "cannot be edited; editable: \(editable.joined(separator: ", "))")
        }
        let now = store.nowMillis
        let updated = try store.state.withLock { state throws(SandboxError) -> SandboxCandidate in
            guard state.candidate(id) != nil else { throw .notFound }
            state.update(id) { candidate in
                if let value = fields.text("firstname") { candidate.firstname = value }
                if let value = fields.text("lastname") { candidate.lastname = value }
                if let value = fields.text("email") { candidate.email = value }
                if let value = fields.text("phone") { candidate.phone = value }
                if let value = fields.text("address") { candidate.address = value }
                if let value = fields.text("headline") { candidate.headline = value }
                if let value = fields.text("summary") { candidate.summary = value }
                if let value = fields.text("cover_letter") { candidate.coverLetter = value }
                candidate.updatedAt = now
            }
            return state.candidate(id) ?? SandboxCandidate.placeholder
        }
        let snapshot = store.state.withLock { $0 }
        return .json(.object([("candidate", fullCandidate(updated, snapshot))]))
    }

    func candidateWrite(_ call: APICall, id: String, action: String) throws(SandboxError) -> SandboxReply {
        let body = try BodyIn(call.body)
        let now = store.nowMillis
        var event: String?
        let reply = try store.state.withLock { state throws(SandboxError) -> SandboxReply in
            guard let candidate = state.candidate(id) else { throw .notFound }
            switch action {
            case "move":
                let member = try member(body, state)
                guard let target = body.text("target_stage"), let job = state.job(candidate.shortcode),
                    job.pipeline.contains(target)
                else { throw .validation("target_stage", "is not a stage of this job's pipeline") }
                guard target != candidate.stageSlug else { return .empty() }
                state.update(id) {
                    $0.stageSlug = target
                    $0.updatedAt = now
                    if target == "hired" { $0.hiredAt = now }
                }
                _ = state.addActivity(to: id, action: "moved", target: target, member: member.id, at: now)
                event = "candidate_moved"
                return .empty()
            case "disqualify":
                let member = try member(body, state)
                var text = body.text("disqualification_reason")
                var withdrew = body.flag("withdrew") ?? false
                if let reasonID = body.text("disqualify_reason_id") {
                    guard let reason = state.reasons.first(where: { $0.id == reasonID }) else {
                        throw .validation("disqualify_reason_id", "is not a disqualification reason of this account")
                    }
                    text = reason.text
                    withdrew = body.flag("withdrew") ?? reason.withdrew
                }
                if let note = body.text("disqualify_note"), note.count > 256 {
                    throw .validation("disqualify_note", "is too long (maximum is 256 characters)")
                }
                guard !candidate.disqualified else { return .empty() }
                state.update(id) {
                    $0.disqualified = true
                    $0.withdrew = withdrew
                    $0.disqualificationReason = text
                    $0.disqualifiedAt = now
                    $0.updatedAt = now
                }
                _ = state.addActivity(to: id, action: "disqualified", body: text, member: member.id, at: now)
                return .empty()
            case "revert":
                let member = try member(body, state)
                guard candidate.disqualified else { return .empty() }
                state.update(id) {
                    $0.disqualified = false
                    $0.withdrew = false
                    $0.disqualificationReason = nil
                    $0.disqualifiedAt = nil
                    $0.updatedAt = now
                }
                _ = state.addActivity(to: id, action: "reverted", member: member.id, at: now)
                return .empty()
            case "comments":
                let member = try member(body, state)
                guard let text = body.object("comment")?.text("body"),
                    !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                else { throw .validation("comment.body", "can't be blank") }
                let activityID = state.addActivity(to: id, action: "comment", body: text, member: member.id, at: now)
                state.update(id) { $0.updatedAt = now }
                return .json(.object([("id", .text(activityID))]), status: 201)
            case "ratings":
                let member = try member(body, state)
                guard let grade = body.text("grade").flatMap({ Int($0) }) else {
                    throw .validation("grade", "must be a whole number")
                }
                let activityID = state.addActivity(
                    to: id, action: "rating", body: body.text("comment"), member: member.id, rating: grade, at: now)
                state.update(id) { $0.updatedAt = now }
                return .json(.object([("id", .text(activityID))]), status: 201)
            case "copy", "relocate":
                let member = try member(body, state)
                guard let shortcode = body.text("target_job_shortcode"), let job = state.job(shortcode) else {
                    throw .validation("target_job_shortcode", "is not a job of this account")
                }
                let stage = body.text("target_stage") ?? job.pipeline.first ?? "applied"
                guard job.pipeline.contains(stage) else {
                    throw .validation("target_stage", "is not a stage of the target job's pipeline")
                }
                if action == "relocate" {
                    state.update(id) {
                        $0.shortcode = shortcode
                        $0.stageSlug = stage
                        $0.updatedAt = now
                    }
                    _ = state.addActivity(to: id, action: "relocated", target: stage, member: member.id, at: now)
                    return .empty()
                }
                var copy = candidate
                copy.id = state.newID()
                copy.shortcode = shortcode
                copy.stageSlug = stage
                copy.originatingID = candidate.id
                copy.createdAt = now
                copy.updatedAt = now
                state.insert(copy)
                _ = state.addActivity(to: copy.id, action: "sourced", member: member.id, at: now)
                event = "candidate_created"
                return .json(.object([("candidate", fullCandidate(copy, state))]), status: 201)
            case "tags" where call.method == "PUT":
                guard let tags = body.texts("tags") else { throw .validation("tags", "must be a list of strings") }
                state.update(id) {
                    $0.tags = tags
                    $0.updatedAt = now
                }
                return .json(.object([("tags", .list(tags.map(JSONOut.text)))]))
            case "update_custom_attribute_value" where call.method == "PATCH":
                guard let key = body.text("custom_attribute_key"),
                    let attribute = state.customAttributes.first(where: { $0.id == key })
                else { throw .notFound }
                let value: [String]
                if let text = body.text("value") {
                    value = [text]
                } else if let checked = body.flag("checked") {
                    value = [checked ? "true" : "false"]
                } else if let date = body.text("date") {
                    value = [date]
                } else if let choices = body.texts("choices") {
                    value = choices.map { choice in attribute.choices.first { $0.id == choice }?.body ?? choice }
                } else {
                    throw .validation("value", "one of value, checked, date, choices or file_url is required")
                }
                state.update(id) {
                    $0.customValues[key] = value
                    $0.updatedAt = now
                }
                return .empty()
            default:
                throw .notFound
            }
        }
        if let event { store.raise(event, candidateID: reply.status == 201 ? createdID(reply) ?? id : id) }
        if store.behavior.writesAnswer202, ["move", "disqualify", "revert"].contains(action) {
            return .empty(status: 202)
        }
        return reply
    }

    /// The id of the candidate a 201 copy created (read back from the reply's own bytes).
    private func createdID(_ reply: SandboxReply) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any],
            let candidate = object["candidate"] as? [String: Any]
        else { return nil }
        return candidate["id"] as? String
    }

    func subscribe(_ call: APICall) throws(SandboxError) -> SandboxReply {
        let body = try BodyIn(call.body)
        let events = [
            "candidate_created", "candidate_moved", "candidate_deleted", "employee_created", "employee_updated",
            "employee_published", "onboarding_completed", "timeoff_updated", "job_deleted",
        ]
        guard let target = body.text("target"), let url = URL(string: target), url.scheme?.hasPrefix("http") == true
        else { throw .validation("target", "must be an http(s) URL") }
        guard let event = body.text("event"), events.contains(event) else {
            throw .validation("event", "must be one of \(events.joined(separator: ", "))")
        }
        let args = body.object("args")
        let job = args?.text("job_shortcode") ?? ""
        let stage = args?.text("stage_slug") ?? ""
        if !event.hasPrefix("candidate_"), !job.isEmpty || !stage.isEmpty {
            throw .validation("args", "job_shortcode and stage_slug apply to candidate events only")
        }
        let now = store.nowMillis
        let id = try store.state.withLock { state throws(SandboxError) -> Int in
            if state.subscriptions.contains(where: { $0.target == target && $0.event == event }) {
                throw SandboxError(409, "A subscription for this target and event already exists")
            }
            let id = state.nextSubscriptionID
            state.nextSubscriptionID += 1
            state.subscriptions.append(
                SandboxSubscription(
                    id: id, target: target, event: event, jobShortcode: job, stageSlug: stage, createdAt: now))
            return id
        }
        return .json(.object([("id", .int(id))]), status: 201)
    }

    func unsubscribe(_ id: String) throws(SandboxError) -> SandboxReply {
        let removed = store.state.withLock { state -> Bool in
            guard let index = state.subscriptions.firstIndex(where: { String($0.id) == id }) else { return false }
            state.subscriptions.remove(at: index)
            return true
        }
        guard removed else { throw .notFound }
        return .empty()
    }
}

extension SandboxCandidate {
    static let placeholder = SandboxCandidate(
        id: "", firstname: "", lastname: "", shortcode: "", stageSlug: "", sourced: false, createdAt: 0, updatedAt: 0)
}
