/// The sandbox's JSON for each record, written field by field as Workable's documentation and
/// public clients show it.
struct Render {
    let state: SandboxState
    let subdomain: String

    func job(_ job: SandboxJob, full: Bool) -> JSONOut {
        var members: [(String, JSONOut)] = [
            ("id", .text(job.id)), ("title", .text(job.title)),
            ("full_title", .text("\(job.title) - \(job.shortcode) - \(job.city)")), ("shortcode", .text(job.shortcode)),
            ("code", .null), ("state", .text(job.state)), ("department", .text(job.department)),
            ("url", .text("https://apply.workable.com/\(subdomain)/j/\(job.shortcode)/")),
            ("application_url", .text("https://apply.workable.com/\(subdomain)/j/\(job.shortcode)/apply/")),
            ("shortlink", .text("https://apply.workable.com/j/\(job.shortcode)")),
            (
                "location",
                .object([
                    ("location_str", .text("\(job.city), \(job.countryCode)")), ("country", .null),
                    ("country_code", .text(job.countryCode)), ("region", .null), ("region_code", .null),
                    ("city", .text(job.city)), ("zip_code", .null), ("telecommuting", .bool(false)),
                ])
            ),
            ("created_at", .text(SandboxTime.text(job.createdAt))),
            ("updated_at", .text(SandboxTime.text(job.updatedAt))),
        ]
        if full {
            members += [
                ("full_description", .text("<p>Join us as a \(job.title).</p>")),
                ("description", .text("<p>Join us as a \(job.title).</p>")),
                ("requirements", .text("<ul><li>Curiosity</li></ul>")),
                ("benefits", .null), ("employment_type", .text("Full-time")), ("industry", .null), ("function", .null),
                ("experience", .text("Mid-Senior level")), ("education", .null),
            ]
        }
        return .object(members)
    }

    func stage(_ stage: SandboxStage, numbered: Bool) -> JSONOut {
        var members: [(String, JSONOut)] = []
        if numbered { members += [("id", .int(stage.position + 1)), ("identifier", .text(stage.slug))] }
        members += [
            ("slug", .text(stage.slug)), ("name", .text(stage.name)), ("kind", .text(stage.kind)),
            ("position", .int(stage.position)),
        ]
        return .object(members)
    }

    func member(_ member: SandboxMember, singleRole: Bool = false) -> JSONOut {
        if singleRole {
            return .object([
                ("id", .text(member.id)), ("name", .text(member.name)), ("headline", .null),
                ("email", .text(member.email)), ("role", .optional(member.roles.first)),
            ])
        }
        return .object([
            ("id", .text(member.id)), ("name", .text(member.name)), ("headline", .null), ("email", .text(member.email)),
            ("roles", .list(member.roles.map(JSONOut.text))), ("active", .bool(member.active)),
        ])
    }

    func reason(_ reason: SandboxReason) -> JSONOut {
        .object([
            ("id", .text(reason.id)), ("description", .text(reason.text)),
            ("candidate_withdrew", .bool(reason.withdrew)),
            ("position", .int(reason.position)),
        ])
    }

    func customAttribute(_ attribute: SandboxCustomAttribute) -> JSONOut {
        .object([
            ("id", .text(attribute.id)), ("type", .text(attribute.type)), ("enabled", .bool(true)),
            ("label", .text(attribute.label)), ("hint", .null), ("single_answer", .bool(true)),
            ("choices", .list(attribute.choices.map { .object([("id", .text($0.id)), ("body", .text($0.body))]) })),
        ])
    }

    func candidate(_ candidate: SandboxCandidate, full: Bool, fileOrigin: String, fileURL: (SandboxFile) -> String)
        -> JSONOut
    {
        let job = state.job(candidate.shortcode)
        let stage = state.stage(candidate.stageSlug)
        var members: [(String, JSONOut)] = [
            ("id", .text(candidate.id)), ("name", .text(candidate.name)), ("firstname", .text(candidate.firstname)),
            ("lastname", .optional(candidate.lastname)), ("headline", .optional(candidate.headline)),
            ("account", .object([("subdomain", .text(subdomain)), ("name", .text("Sandbox Inc."))])),
            ("job", .object([("shortcode", .text(candidate.shortcode)), ("title", .optional(job?.title))])),
            ("stage", .optional(stage?.name ?? candidate.stageSlug)), ("stage_kind", .optional(stage?.kind)),
            ("disqualified", .bool(candidate.disqualified)), ("withdrew", .bool(candidate.withdrew)),
            ("disqualification_reason", .optional(candidate.disqualificationReason)),
            ("sourced", .bool(candidate.sourced)),
            ("profile_url", .text("https://\(subdomain).workable.com/backend/candidates/\(candidate.id)")),
            ("address", .optional(candidate.address)), ("phone", .optional(candidate.phone)),
            ("email", .optional(candidate.email)), ("domain", .optional(candidate.domain)),
            ("created_at", .text(SandboxTime.text(candidate.createdAt))),
            ("updated_at", .text(SandboxTime.text(candidate.updatedAt))),
            ("hired_at", candidate.hiredAt.map { .text(SandboxTime.text($0)) } ?? .null),
        ]
        guard full else { return .object(members) }
        let resume = state.files[candidate.id]?.first { $0.kind == "resume" }
        members += [
            ("image_url", .null),
            ("disqualified_at", candidate.disqualifiedAt.map { .text(SandboxTime.text($0)) } ?? .null),
            ("outbound_mailbox", .text("\(candidate.id)@outbound.workablemail.com")), ("uploader_id", .null),
            ("cover_letter", .optional(candidate.coverLetter)), ("summary", .optional(candidate.summary)),
            ("education_entries", .list([])), ("experience_entries", .list([])), ("skills", .list([])),
            ("answers", .list([])), ("social_profiles", .list([])), ("tags", .list(candidate.tags.map(JSONOut.text))),
            ("location", .object([("location_str", .null)])),
            ("resume_url", resume.map { .text(fileURL($0)) } ?? .null),
            (
                "resume_metadata",
                resume.map { .object([("filename", .text($0.name)), ("filetype", .text($0.contentType))]) } ?? .null
            ),
            ("originating_candidate_id", .optional(candidate.originatingID)),
            (
                "custom_attributes",
                .list(
                    state.customAttributes.compactMap { attribute in
                        guard let value = candidate.customValues[attribute.id] else { return nil }
                        let rendered: JSONOut =
                            attribute.type == "dropdown" || attribute.type == "multiple_choice"
                            ? .list(value.map(JSONOut.text))
                            : attribute.type == "boolean" ? .bool(value.first == "true") : .optional(value.first)
                        return .object([
                            ("key", .text(attribute.id)), ("label", .text(attribute.label)),
                            ("type", .text(attribute.type)), ("value", rendered),
                        ])
                    })
            ),
        ]
        return .object(members)
    }

    func activity(_ activity: SandboxActivity) -> JSONOut {
        let member = activity.memberID.flatMap { id in state.members.first { $0.id == id } }
        return .object([
            ("id", .text(activity.id)), ("action", .text(activity.action)),
            ("stage_name", .optional(activity.stageName)),
            ("created_at", .text(SandboxTime.text(activity.createdAt))),
            ("updated_at", .text(SandboxTime.text(activity.updatedAt))),
            ("member", member.map { .object([("id", .text($0.id)), ("name", .text($0.name))]) } ?? .null),
            ("body", .optional(activity.body)), ("rating", activity.rating.map(JSONOut.int) ?? .null),
            ("action_stage", .optional(activity.stageName)), ("target_stage", .optional(activity.targetStage)),
            ("visibility_roles", .list([])),
        ])
    }

    func subscription(_ subscription: SandboxSubscription) -> JSONOut {
        .object([
            ("id", .int(subscription.id)), ("event", .text(subscription.event)), ("target", .text(subscription.target)),
            ("state", .text("active")), ("created_at", .text(SandboxTime.text(subscription.createdAt))),
            (
                "args",
                .object([
                    ("job_shortcode", .text(subscription.jobShortcode)), ("stage_slug", .text(subscription.stageSlug)),
                ])
            ),
        ])
    }
}
