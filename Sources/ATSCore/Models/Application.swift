public import Foundation

/// One person's application to one job.
public struct Application: Hashable, Sendable, Identifiable {
    /// The provider's id.
    public var id: ApplicationID
    /// The job applied to.
    public var jobID: JobID
    /// The person who applied; derived by ATSKit where the provider has no candidate resource.
    public var candidateID: CandidateID
    /// The applicant's contact details as given on this application.
    public var applicant: Person
    /// The current stage of the workflow.
    public var stage: Stage?
    /// Whether the application has been archived (set aside).
    public var isArchived: Bool
    /// Where the application came from (job board, referral …).
    public var source: String?
    /// Free-text tags.
    public var tags: [String]
    /// The recruiter's rating, when the provider has one.
    public var rating: Double?
    /// Custom field values keyed by field name.
    public var customFields: [String: CustomFieldValue]
    /// When the person applied.
    public var appliedAt: Date?
    /// When the record was created.
    public var createdAt: Date?
    /// When the record was last changed; the cursor of incremental reads.
    public var updatedAt: Date?
    /// When the applicant was marked as hired; `nil` unless hired.
    public var hiredAt: Date?
    /// The hired applicant's start date, a calendar date as the provider writes it (`2026-12-01`).
    public var startDate: String?
    /// The provider's JSON for this record.
    public var raw: RawPayload

    /// Creates an application.
    public init(
        id: ApplicationID,
        jobID: JobID,
        candidateID: CandidateID,
        applicant: Person,
        stage: Stage? = nil,
        isArchived: Bool = false,
        source: String? = nil,
        tags: [String] = [],
        rating: Double? = nil,
        customFields: [String: CustomFieldValue] = [:],
        appliedAt: Date? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil,
        hiredAt: Date? = nil,
        startDate: String? = nil,
        raw: RawPayload = .empty
    ) {
        self.id = id
        self.jobID = jobID
        self.candidateID = candidateID
        self.applicant = applicant
        self.stage = stage
        self.isArchived = isArchived
        self.source = source
        self.tags = tags
        self.rating = rating
        self.customFields = customFields
        self.appliedAt = appliedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.hiredAt = hiredAt
        self.startDate = startDate
        self.raw = raw
    }
}

/// A person's name and contact details.
public struct Person: Hashable, Codable, Sendable {
    /// Given name.
    public var firstName: String?
    /// Family name.
    public var lastName: String?
    /// E-mail address exactly as the provider stores it (not normalised).
    public var email: String?
    /// Phone number as entered.
    public var phone: String?
    /// Postal location.
    public var location: Location

    /// Creates a person.
    public init(
        firstName: String? = nil,
        lastName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        location: Location = Location()
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.location = location
    }

    /// The full name, or nil when neither part is known.
    public var fullName: String? {
        let parts = [firstName, lastName].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
