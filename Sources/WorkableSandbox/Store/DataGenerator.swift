import Foundation

/// Builds the seeded account: stages, jobs with pipelines, members, reasons, custom attributes,
/// and people who apply to one to three jobs each (their e-mails differing in case and spaces
/// between records), with activities and files.
enum DataGenerator {
    static let firstNames = ["Ada", "Bram", "Chloé", "Dmitri", "Eun-ji", "Farid", "Greta", "Hiro", "Ines", "José"]
    static let lastNames = ["Okafor", "Lindqvist", "Moreau", "Petrov", "Kim", "Haddad", "Schulz", "Tanaka", "Alves"]
    static let titles = [
        "Backend Engineer", "Product Designer", "Data Analyst", "Site Reliability Engineer", "Recruiter",
    ]
    static let cities = [("Athens", "GR"), ("Boston", "US"), ("London", "GB"), ("Berlin", "DE"), ("Lisbon", "PT")]

    static func make(configuration: WorkableSandboxConfiguration, now: Int64) -> SandboxState {
        var state = SandboxState(seed: configuration.seed)
        state.stages = [
            SandboxStage(slug: "sourced", name: "Sourced", kind: "sourced", position: 0),
            SandboxStage(slug: "applied", name: "Applied", kind: "applied", position: 1),
            SandboxStage(slug: "phone-screen", name: "Phone Screen", kind: "phone-screen", position: 2),
            SandboxStage(slug: "interview", name: "Interview", kind: "interview", position: 3),
            SandboxStage(
                slug: "technical-interview-2", name: "Technical Interview – Round 2 ✓", kind: "interview", position: 4),
            SandboxStage(slug: "offer", name: "Offer", kind: "offer", position: 5),
            SandboxStage(slug: "hired", name: "Hired", kind: "hired", position: 6),
        ]
        state.members = [
            SandboxMember(
                id: state.newID(), name: "Inactive Admin", email: "gone@sandbox.example", roles: ["admin"],
                active: false),
            SandboxMember(
                id: state.newID(), name: "Riley Recruiter", email: "riley@sandbox.example", roles: ["recruiter"],
                active: true),
            SandboxMember(
                id: state.newID(), name: "Avery Admin", email: "avery@sandbox.example", roles: ["admin"], active: true),
            SandboxMember(
                id: state.newID(), name: "Harper Hiring", email: "harper@sandbox.example", roles: ["hiring_manager"],
                active: true),
        ]
        let reasonTexts: [(String, Bool)] = [
            ("Not qualified", false), ("Position filled", false), ("Overqualified", false),
            ("Took another offer", true), ("Not interested any more", true),
        ]
        state.reasons = reasonTexts.enumerated().map { index, reason in
            SandboxReason(id: state.newID(), text: reason.0, withdrew: reason.1, position: index)
        }
        state.customAttributes = [
            SandboxCustomAttribute(id: "notice_period", type: "short_text", label: "Notice period", choices: []),
            SandboxCustomAttribute(id: "relocate", type: "boolean", label: "Willing to relocate", choices: []),
            SandboxCustomAttribute(
                id: "seniority", type: "dropdown", label: "Seniority",
                choices: [("c1", "Junior"), ("c2", "Mid"), ("c3", "Senior")]),
        ]
        let day: Int64 = 86_400_000
        let start = now - 120 * day
        let states = ["published", "published", "closed", "archived", "draft"]
        for index in 0..<max(3, configuration.jobCount) {
            let city = cities[index % cities.count]
            var pipeline = state.stages.map(\.slug)
            if index % 2 == 1 { pipeline.removeAll { $0 == "technical-interview-2" || $0 == "phone-screen" } }
            let created = start + Int64(index) * day
            state.jobs.append(
                SandboxJob(
                    id: state.newID(),
                    shortcode: String(format: "%@%03d", "SBX", index + 1).uppercased()
                        + String(state.random.next() % 0xFFF, radix: 16).uppercased(),
                    title: titles[index % titles.count], state: states[index % states.count],
                    department: index % 2 == 0 ? "Engineering" : "Operations", city: city.0, countryCode: city.1,
                    createdAt: created, updatedAt: created + day, pipeline: pipeline))
        }
        var pending: [SandboxCandidate] = []
        let span = max(1, (now - start - 10 * day) / Int64(max(1, configuration.personCount)))
        for person in 0..<configuration.personCount {
            let first = firstNames[person % firstNames.count]
            let last = lastNames[(person / firstNames.count + person) % lastNames.count]
            let email = "\(first.lowercased().filter(\.isLetter)).\(last.lowercased())\(person)@example.com"
            let applications = 1 + state.random.below(3)
            var jobIndexes: [Int] = []
            while jobIndexes.count < min(applications, state.jobs.count) {
                let pick = state.random.below(state.jobs.count)
                if !jobIndexes.contains(pick) { jobIndexes.append(pick) }
            }
            for (variant, jobIndex) in jobIndexes.enumerated() {
                let job = state.jobs[jobIndex]
                let created =
                    start + 10 * day + Int64(person) * span + Int64(state.random.below(Int(span)))
                    + Int64(state.random.below(1000))
                let stageIndex = state.random.below(job.pipeline.count)
                var candidate = SandboxCandidate(
                    id: "", firstname: first, lastname: last, email: variantEmail(email, variant),
                    phone: "+30 210 555 \(1000 + person)",
                    headline: titles[person % titles.count], shortcode: job.shortcode,
                    stageSlug: job.pipeline[stageIndex],
                    sourced: stageIndex == 0, domain: ["linkedin.com", "careers page", "indeed.com"][person % 3],
                    createdAt: created, updatedAt: created + Int64(state.random.below(Int(5 * day))))
                if person % 9 == 4 { candidate.email = nil }
                if state.random.chance(0.2) {
                    let reason = state.reasons[state.random.below(state.reasons.count)]
                    candidate.disqualified = true
                    candidate.withdrew = reason.withdrew
                    candidate.disqualificationReason = reason.text
                    candidate.disqualifiedAt = candidate.updatedAt
                }
                if candidate.stageSlug == "hired" { candidate.hiredAt = candidate.updatedAt }
                candidate.updatedAt = min(candidate.updatedAt, now - 1000)
                pending.append(candidate)
            }
        }
        pending.sort { $0.createdAt < $1.createdAt }
        let admin = state.members[2].id
        for var candidate in pending {
            candidate.id = state.newID()
            state.insert(candidate)
            let firstStage = candidate.sourced ? "sourced" : "applied"
            _ = state.addActivity(to: candidate.id, action: firstStage, at: candidate.createdAt)
            if candidate.stageSlug != "sourced" && candidate.stageSlug != "applied" {
                _ = state.addActivity(
                    to: candidate.id, action: "moved", target: candidate.stageSlug, member: admin,
                    at: candidate.createdAt + 3_600_000)
            }
            if state.random.chance(0.4) {
                _ = state.addActivity(
                    to: candidate.id, action: "comment", body: "Spoke with \(candidate.firstname): strong fit.",
                    member: admin, at: candidate.createdAt + 7_200_000)
            }
            if candidate.disqualified {
                _ = state.addActivity(
                    to: candidate.id, action: "disqualified", body: candidate.disqualificationReason, member: admin,
                    at: candidate.disqualifiedAt ?? candidate.updatedAt)
            }
            state.files[candidate.id] = files(for: candidate, random: &state.random)
        }
        return state
    }

    /// The same address as one person's other records write it: as is, capitalised with spaces
    /// around, or upper-case.
    static func variantEmail(_ email: String, _ variant: Int) -> String {
        switch variant % 3 {
        case 1: "  " + email.prefix(1).uppercased() + email.dropFirst() + " "
        case 2: email.uppercased()
        default: email
        }
    }

    static func files(for candidate: SandboxCandidate, random: inout SeededRandom) -> [SandboxFile] {
        let resume = Array(
            """
            %PDF-1.4
            1 0 obj << /Type /Catalog >> endobj
            % Resume of \(candidate.name), candidate \(candidate.id)
            trailer << /Root 1 0 R >>
            %%EOF

            """.utf8)
        var result = [
            SandboxFile(
                key: "\(candidate.id)-\(random.hexID())", candidateID: candidate.id,
                name: "\(candidate.firstname)_\(candidate.lastname)_resume.pdf", kind: "resume",
                contentType: "application/pdf", bytes: resume)
        ]
        if random.chance(0.3) {
            result.append(
                SandboxFile(
                    key: "\(candidate.id)-\(random.hexID())", candidateID: candidate.id, name: "cover_letter.txt",
                    kind: "cover_letter", contentType: "text/plain; charset=utf-8",
                    bytes: Array("Dear hiring team,\nI would love to join.\n— \(candidate.name)\n".utf8)))
        }
        return result
    }
}
