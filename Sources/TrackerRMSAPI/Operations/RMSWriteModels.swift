/// One column change for `updateRecord`: values are always strings, status ids included.
public struct RMSColumnUpdate: Sendable, Hashable {
    /// The column, such as `opportunityresourcestatusid`.
    public var column: String
    /// The value as text.
    public var value: String

    /// Creates an update.
    /// - Parameters:
    ///   - column: The column.
    ///   - value: The value as text.
    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }
}

/// The answer to a create.
public struct RMSCreateOutcome: Sendable, Hashable {
    /// The record's id (`recordId`, or found by reading back when the reply had none); `nil` when
    /// it could not be found.
    public var recordID: RMSRecordID?
    /// `recordName`, when sent.
    public var recordName: String?
    /// `true` when the server answered status 3: the record already existed (an earlier attempt of
    /// this call may have made it) and ``recordID`` is the existing one.
    public var alreadyExisted: Bool
}

/// Which list a new placement goes on, which decides its first status (the caller cannot choose).
public enum RMSPlacementList: String, Sendable, Hashable {
    /// The account's default Applied status (`assigntolist: short`, `shortlistedby: resource`).
    case applied
    /// Shortlisted (`assigntolist: short`, `shortlistedby: user`).
    case shortlisted
    /// The long list (`assigntolist: long`).
    case longList

    var assignToList: String { self == .longList ? "long" : "short" }
    var shortlistedBy: String { self == .shortlisted ? "user" : "resource" }
}

/// A new resource for `createResource`.
public struct RMSNewResource: Sendable, Hashable {
    /// First name.
    public var firstName: String
    /// Last name.
    public var lastName: String
    /// E-mail address (the server's duplicate key).
    public var email: String
    /// Mobile phone.
    public var mobilePhone: String
    /// Job title.
    public var jobTitle: String
    /// Source.
    public var source: String
    /// A note.
    public var note: String
    /// Custom field values.
    public var customFields: [RMSCustomFieldValue]

    /// Creates a resource.
    /// - Parameters:
    ///   - firstName: First name.
    ///   - lastName: Last name.
    ///   - email: E-mail address.
    ///   - mobilePhone: Mobile phone.
    ///   - jobTitle: Job title.
    ///   - source: Source.
    ///   - note: A note.
    ///   - customFields: Custom field values.
    public init(
        firstName: String, lastName: String, email: String, mobilePhone: String = "", jobTitle: String = "",
        source: String = "", note: String = "", customFields: [RMSCustomFieldValue] = []
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.mobilePhone = mobilePhone
        self.jobTitle = jobTitle
        self.source = source
        self.note = note
        self.customFields = customFields
    }

    /// `firstName lastName`.
    public var fullName: String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    var json: RMSJSON {
        .object([
            "firstname": .string(firstName), "lastname": .string(lastName), "fullname": .string(fullName),
            "email": .string(email), "mobiletelephone": .string(mobilePhone), "jobtitle": .string(jobTitle),
            "source": .string(source), "note": .string(note), "customfields": .array(customFields.map(\.json)),
        ])
    }
}

/// A new activity (a note) for `createActivity`.
public struct RMSNewActivity: Sendable, Hashable {
    /// The subject.
    public var subject: String
    /// The activity type, `Note` for ATSKit's notes.
    public var type: String
    /// The note, plain text.
    public var note: String
    /// The record it is linked to: C, N, L, O, P, T or R (not X).
    public var linkRecordType: RMSRecordType
    /// The linked record's id.
    public var linkRecordID: RMSRecordID
    /// The placement to tie it to as well (`opportunityResourceId`; a server that ignores the key
    /// keeps the note on the linked record).
    public var placementID: RMSRecordID?
    /// The writing user, which must exist.
    public var userID: RMSRecordID?
    /// Custom field values.
    public var customFields: [RMSCustomFieldValue]

    /// Creates an activity.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - type: The activity type.
    ///   - note: The note.
    ///   - linkRecordType: The linked record's type.
    ///   - linkRecordID: The linked record's id.
    ///   - placementID: The placement, if any.
    ///   - userID: The user, if any.
    ///   - customFields: Custom field values.
    public init(
        subject: String, type: String = "Note", note: String, linkRecordType: RMSRecordType = .resource,
        linkRecordID: RMSRecordID, placementID: RMSRecordID? = nil, userID: RMSRecordID? = nil,
        customFields: [RMSCustomFieldValue] = []
    ) {
        self.subject = subject
        self.type = type
        self.note = note
        self.linkRecordType = linkRecordType
        self.linkRecordID = linkRecordID
        self.placementID = placementID
        self.userID = userID
        self.customFields = customFields
    }
}

/// A document for `attachDocument`.
public struct RMSNewDocument: Sendable, Hashable {
    /// The file name (its extension gives the file type).
    public var filename: String
    /// The record it belongs to: C, N, L, O, P, T or R.
    public var recordType: RMSRecordType
    /// The record's id.
    public var recordID: RMSRecordID
    /// `general`, `resume`, `photo`, `specification`, `logo`, `agencyresume` (accounts may add more).
    public var documentType: String
    /// Whether it becomes the record's primary document of its type.
    public var isPrimary: Bool
    /// The bytes.
    public var data: [UInt8]

    /// The largest upload sent (10 MB, as other clients cap it; the server's limit is unknown).
    public static let maximumBytes = 10 * 1024 * 1024

    /// Creates a document.
    /// - Parameters:
    ///   - filename: The file name.
    ///   - recordType: The owner's type.
    ///   - recordID: The owner's id.
    ///   - documentType: The document type.
    ///   - isPrimary: Whether primary.
    ///   - data: The bytes.
    public init(
        filename: String, recordType: RMSRecordType = .resource, recordID: RMSRecordID,
        documentType: String = "general",
        isPrimary: Bool = false, data: [UInt8]
    ) {
        self.filename = filename
        self.recordType = recordType
        self.recordID = recordID
        self.documentType = documentType
        self.isPrimary = isPrimary
        self.data = data
    }
}
