internal import Foundation

extension DataGenerator {
    /// Base job `id` (1…jobCount). Jobs 1–4 are one of each set, so every list has a member.
    func job(_ id: Int) -> SandboxJob {
        let draw = hash.draw(.job, id, 1)
        let visibility: SandboxJob.Visibility
        switch id {
        case 1...4: visibility = SandboxJob.Visibility.allCases[id - 1]
        default:
            switch draw % 100 {
            case 0..<60: visibility = .activeVisible
            case 60..<72: visibility = .activeHidden
            case 72..<87: visibility = .offline
            default: visibility = .archived
            }
        }
        let title = Vocabulary.jobTitles[Int((draw >> 8) % UInt64(Vocabulary.jobTitles.count))]
        let category = Vocabulary.categories[Int((draw >> 16) % UInt64(Vocabulary.categories.count))]
        let place = Vocabulary.places[Int((draw >> 24) % UInt64(Vocabulary.places.count))]
        let remote = (draw >> 32) % 4 == 0
        let created = jobCreatedAt(id)
        let posted = min(created + Int64((draw >> 36) % 259_200), anchor)
        let updated = min(posted + Int64((draw >> 20) % UInt64(max(anchor - posted, 0) + 1)), anchor)
        let active = visibility == .activeVisible || visibility == .activeHidden
        let code = id < 10 ? "000\(id)" : id < 100 ? "00\(id)" : id < 1000 ? "0\(id)" : "\(id)"
        let abstract = "Join our \(category) team as a \(title) in \(remote ? "a remote role" : place.city)."
        return SandboxJob(
            id: id,
            title: title,
            description: "<p>\(abstract)</p><ul><li>Competitive pay &amp; benefits</li><li>Growth</li></ul>",
            abstract: abstract,
            city: place.city,
            state: place.state,
            country: "US",
            remote: remote,
            joblink: "https://sandbox.applicant-tracking.com/jobs/\(id)/apply",
            distributionStatus: active && (draw >> 40) % 2 == 0 ? "distributed" : "none",
            active: active,
            hidden: visibility == .activeHidden,
            archived: visibility == .archived,
            jobCode: "SBX-\(code)",
            company: "Sandbox Co.",
            url: "https://sandbox.applicant-tracking.com/jobs/\(id)",
            category: category,
            postedAt: Date(epochSeconds: posted),
            createdAt: Date(epochSeconds: created),
            updatedAt: Date(epochSeconds: updated),
            customFields: jobCustomFields(draw: hash.draw(.job, id, 2))
        )
    }

    private func jobCustomFields(draw: UInt64) -> [String: SandboxJSON] {
        var fields: [String: SandboxJSON] = [:]
        fields["department"] = .string(Vocabulary.departments[Int(draw % UInt64(Vocabulary.departments.count))])
        fields["headcount"] = .int(Int((draw >> 8) % 5) + 1)
        if (draw >> 12) % 10 < 7 { fields["salary_max"] = .double(Double(60_000 + (draw >> 16) % 1_400 * 100)) }
        fields["is_confidential"] = .bool((draw >> 32) % 10 == 0)
        return fields
    }

    /// The job custom-field schema the account starts with.
    static let initialJobSchema: [SandboxCustomField] = [
        SandboxCustomField(
            fieldName: "department", displayName: "Department", fieldType: .string, required: true,
            whitelistValues: Vocabulary.departments, uiInputType: "select"
        ),
        SandboxCustomField(
            fieldName: "headcount", displayName: "Headcount", fieldType: .integer, defaultValue: .int(1)),
        SandboxCustomField(fieldName: "salary_max", displayName: "Salary ceiling (USD)", fieldType: .decimal),
        SandboxCustomField(
            fieldName: "is_confidential", displayName: "Confidential search", fieldType: .boolean,
            defaultValue: .bool(false)
        ),
    ]

    /// The account's users.
    static let users: [SandboxUser] = [
        SandboxUser(id: 1, firstName: "Alex", lastName: "Morgan", email: "alex.morgan@sandbox.example", role: "admin"),
        SandboxUser(
            id: 2, firstName: "Jordan", lastName: "Lee", email: "jordan.lee@sandbox.example", role: "recruiter"),
        SandboxUser(
            id: 3, firstName: "Sam", lastName: "Patel", email: "sam.patel@sandbox.example", role: "hiring_manager"
        ),
        SandboxUser(
            id: 4, firstName: "Riley", lastName: "Chen", email: "riley.chen@sandbox.example", role: "recruiter"
        ),
    ]
}
