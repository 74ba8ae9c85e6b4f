/// A status of the account (placement, opportunity or resource): the ground truth of the stages.
public struct RMSSandboxStatus: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// The display name.
    public var name: String
    /// The group (`Applied`, `Shortlisted`, `Internal`, `Offer`, `Working`, `Complete`, `Unsuccessful`;
    /// for opportunities `Open`, `Won`, `Closed`).
    public var group: String
}

/// A client company (C).
public struct RMSSandboxClient: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// The company name.
    public var name: String
    /// Last update, seconds since 1970 (UTC).
    public var updatedAt: Int64
}

/// A contact (N), a client's person.
public struct RMSSandboxContact: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// The client company.
    public var clientID: Int
    /// First name.
    public var firstName: String
    /// Last name.
    public var lastName: String
    /// E-mail address.
    public var email: String
    /// Phone.
    public var phone: String
    /// Last update (UTC seconds).
    public var updatedAt: Int64
}

/// An opportunity (O), a job.
public struct RMSSandboxOpportunity: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// The plain title.
    public var title: String
    /// The client company.
    public var clientID: Int
    /// The contact.
    public var contactID: Int?
    /// The opportunity status id.
    public var statusID: Int
    /// The description.
    public var description: String
    /// The work type (Permanent, Contract, Temporary).
    public var workType: String
    /// When it was opened (UTC seconds).
    public var openedAt: Int64
    /// The owning user.
    public var ownerUserID: Int
    /// Custom field values by field id.
    public var customFields: [Int: String]
    /// Last update (UTC seconds).
    public var updatedAt: Int64
}

/// A resource (R), a candidate.
public struct RMSSandboxResource: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// First name.
    public var firstName: String
    /// Last name.
    public var lastName: String
    /// E-mail address (the duplicate key, compared trimmed and lower-cased).
    public var email: String
    /// Other e-mail address.
    public var otherEmail: String
    /// Mobile phone.
    public var mobilePhone: String
    /// Home phone.
    public var homePhone: String
    /// Work phone.
    public var workPhone: String
    /// Job title.
    public var jobTitle: String
    /// Source.
    public var source: String
    /// Available for work.
    public var workAvailable: Bool
    /// The resource status name.
    public var statusName: String
    /// The owning user.
    public var ownerUserID: Int
    /// A note.
    public var note: String
    /// Custom field values by field id.
    public var customFields: [Int: String]
    /// When created (UTC seconds).
    public var createdAt: Int64
    /// Last update (UTC seconds).
    public var updatedAt: Int64

    /// `first last`.
    public var fullName: String { [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// A placement (X): one resource on one opportunity.
public struct RMSSandboxPlacement: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// The opportunity.
    public var opportunityID: Int
    /// The resource.
    public var resourceID: Int
    /// The placement status id.
    public var statusID: Int
    /// When assigned (UTC seconds).
    public var assignedAt: Int64
    /// Start date `YYYY-MM-DD`, when placed.
    public var startDate: String?
    /// End date `YYYY-MM-DD`, when placed.
    public var endDate: String?
    /// The source.
    public var source: String
    /// Last update (UTC seconds).
    public var updatedAt: Int64
}

/// An activity (A): a note, call, e-mail or interview.
public struct RMSSandboxActivity: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// The subject.
    public var subject: String
    /// The activity type's name, such as `Note`.
    public var typeName: String
    /// The status name.
    public var statusName: String
    /// The note (plain text).
    public var note: String
    /// The linked record's type letter.
    public var linkRecordType: String
    /// The linked record's id.
    public var linkRecordID: Int
    /// The resource, when linked to one.
    public var resourceID: Int?
    /// The opportunity, when linked to one.
    public var opportunityID: Int?
    /// The placement it is tied to.
    public var placementID: Int?
    /// The writing user.
    public var userID: Int
    /// Last update (UTC seconds).
    public var updatedAt: Int64
}

/// A document attached to a record.
public struct RMSSandboxDocument: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// The owner's type letter.
    public var recordType: String
    /// The owner's id.
    public var recordID: Int
    /// The file name.
    public var filename: String
    /// The document type.
    public var documentType: String
    /// Whether primary.
    public var isPrimary: Bool
    /// The bytes.
    public var data: [UInt8]
}

/// A custom field definition.
public struct RMSSandboxCustomField: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// `Resource`, `Opportunity` …
    public var association: String
    /// The name.
    public var name: String
    /// `Text`, `Memo`, `Number`, `Date`, `Checkbox`, `List`.
    public var type: String
    /// The pick-list, for `List` fields.
    public var listID: Int
}

/// A user of the account.
public struct RMSSandboxUser: Sendable, Hashable {
    /// The id.
    public var id: Int
    /// The e-mail address, which is the username.
    public var email: String
    /// The display name.
    public var name: String
    /// Whether active.
    public var isActive: Bool
}
