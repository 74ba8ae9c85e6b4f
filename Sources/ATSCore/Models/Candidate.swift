public import Foundation

/// A person, with every application they made.
///
/// For providers without a candidate resource (Tracker), candidates are derived: applications
/// whose normalised e-mail addresses are equal belong to one candidate, and an application
/// without an e-mail address is a candidate of its own.
public struct Candidate: Hashable, Sendable, Identifiable {
    /// The candidate's id: stable across runs and free of personal data.
    public var id: CandidateID
    /// Name and contact details, from the most recent application.
    public var person: Person
    /// Every application of this person, oldest first.
    public var applicationIDs: [ApplicationID]
    /// The jobs this person applied to, in the order of `applicationIDs`.
    public var jobIDs: [JobID]
    /// Custom field values from the most recent application.
    public var customFields: [String: CustomFieldValue]
    /// When the person first applied.
    public var createdAt: Date?
    /// When the provider last changed this record. Where candidates are derived from applications
    /// (Tracker), that is the latest change to any of the person's applications; where they are
    /// records of their own (Tracker RMS's Resources, Workable's candidates), it is the record's own
    /// change time, which only moves forward — a change to the person's applications shows in the
    /// application rows and in `applicationIDs`, not necessarily here.
    public var updatedAt: Date?

    /// Creates a candidate.
    public init(
        id: CandidateID,
        person: Person,
        applicationIDs: [ApplicationID],
        jobIDs: [JobID],
        customFields: [String: CustomFieldValue] = [:],
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.person = person
        self.applicationIDs = applicationIDs
        self.jobIDs = jobIDs
        self.customFields = customFields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What is known of a person when looking them up or creating an application for them.
public struct CandidateDetails: Hashable, Sendable {
    /// Given name.
    public var firstName: String?
    /// Family name.
    public var lastName: String?
    /// E-mail address; the strongest key for finding a person.
    public var email: String?
    /// Phone number in any format.
    public var phone: String?

    /// Creates a set of details; give as many as are known.
    public init(firstName: String? = nil, lastName: String? = nil, email: String? = nil, phone: String? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
    }
}
