public import Foundation

/// An application (one applicant applying to one job) as the sandbox holds it.
public struct SandboxApplication: Sendable, Hashable, Identifiable {
    /// The application's id.
    public var id: Int
    /// The job applied to.
    public var jobID: Int
    /// Applicant's first name.
    public var firstName: String
    /// Applicant's last name.
    public var lastName: String
    /// Applicant's e-mail exactly as entered: it may differ in case or surrounding spaces between
    /// two applications of the same person, and may be missing or empty.
    public var email: String?
    /// Phone number as entered, in one of several formats.
    public var phone: String?
    /// Street address.
    public var address: String?
    /// Second address line.
    public var address2: String?
    /// City.
    public var city: String?
    /// State.
    public var state: String?
    /// Gender as entered.
    public var gender: String?
    /// The free-text status name.
    public var status: String
    /// Rating 1–5, if rated.
    public var rating: Int?
    /// Where the applicant came from.
    public var source: String?
    /// Whether the application is archived.
    public var archived: Bool
    /// Tags, in the order they were added.
    public var tags: [String]
    /// When the applicant applied.
    public var appliedAt: Date
    /// When the record was created.
    public var createdAt: Date
    /// When the record last changed.
    public var updatedAt: Date
    /// Custom field values by field name.
    public var customFields: [String: SandboxJSON]
    /// When the applicant was marked as hired (`mark_as_hired`); `nil` unless hired.
    public var hiredAt: Date? = nil
    /// The hired applicant's start date, `YYYY-MM-DD`, as `mark_as_hired` was given it.
    public var startDate: String? = nil

    /// Whether the applicant is marked as hired.
    public var isHired: Bool { hiredAt != nil }
}
