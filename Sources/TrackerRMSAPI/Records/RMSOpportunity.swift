/// An opportunity (record type O, a "job" in the UI).
public struct RMSOpportunity: RMSRecordDecodable, Hashable {
    /// The record type letter: O.
    public static var recordType: RMSRecordType { .opportunity }
    /// The opportunity id.
    public var id: RMSRecordID
    /// The plain title: `details.name`, else the listed name without its `JOB-1034 ` prefix.
    public var title: String
    /// The listed name as sent (often prefixed with a reference).
    public var listedName: String?
    /// The client company's name.
    public var company: String?
    /// The client company's id.
    public var clientID: RMSRecordID?
    /// The account's status name.
    public var statusName: String?
    /// `dateopened` as sent.
    public var dateOpened: String?
    /// The description.
    public var description: String?
    /// The work type (`details.type`).
    public var workType: String?
    /// When it was last updated.
    public var lastUpdated: RMSTimestamp?
    /// Custom field values (when asked for).
    public var customFields: [RMSCustomFieldValue]
    /// The result as sent.
    public var record: RMSRecord

    /// Reads a result.
    /// - Parameters:
    ///   - record: The result.
    ///   - time: The account's clock.
    public init?(record: RMSRecord, time: RMSAccountTime) {
        guard let id = record.id else { return nil }
        self.id = id
        self.listedName = record.name
        self.title =
            record.details.member("name")?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
            ?? Self.strippingReference(record.name ?? "")
        self.company = record.text("clientname", "company")
        self.clientID = RMSRecordID(json: record.field("clientid"))
        self.statusName = record.status ?? record.text("status")
        self.dateOpened = record.dateOpened ?? record.text("dateopened")
        self.description = record.text("description")
        self.workType = record.text("type", "worktype")
        self.lastUpdated = time.timestamp(record.field("lastupdated", "lastupdateddatetime"))
        self.customFields = record.customFields
        self.record = record
    }

    /// `JOB-1034 Java Programmer` → `Java Programmer`: a leading `<LETTERS>-<digits> ` is dropped.
    /// - Parameter name: The listed name.
    /// - Returns: The title.
    public static func strippingReference(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        var index = 0
        while index < scalars.count, ("A"..."Z").contains(scalars[index]) || ("a"..."z").contains(scalars[index]) {
            index += 1
        }
        guard index > 0, index < scalars.count, scalars[index] == "-" else { return name }
        index += 1
        let digitsStart = index
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        guard index > digitsStart, index < scalars.count, scalars[index] == " " else { return name }
        var rest = String(String.UnicodeScalarView(scalars[(index + 1)...]))
        while rest.first == " " { rest.removeFirst() }
        return rest.isEmpty ? name : rest
    }
}

/// A resource (record type R, a candidate): a real record with its own id.
public struct RMSResource: RMSRecordDecodable, Hashable {
    /// The record type letter: R.
    public static var recordType: RMSRecordType { .resource }
    /// The resource id.
    public var id: RMSRecordID
    /// The full name as listed.
    public var name: String?
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// The main e-mail address.
    public var email: String?
    /// The other e-mail address.
    public var otherEmail: String?
    /// Mobile phone.
    public var mobilePhone: String?
    /// Home phone.
    public var homePhone: String?
    /// Work phone.
    public var workPhone: String?
    /// Job title.
    public var jobTitle: String?
    /// Source.
    public var source: String?
    /// Whether available for work (`true`, `"Y"`, `"n"`, `0` … all read).
    public var workAvailable: Bool?
    /// When it was last updated.
    public var lastUpdated: RMSTimestamp?
    /// Custom field values (when asked for).
    public var customFields: [RMSCustomFieldValue]
    /// The result as sent.
    public var record: RMSRecord

    /// Reads a result.
    /// - Parameters:
    ///   - record: The result.
    ///   - time: The account's clock.
    public init?(record: RMSRecord, time: RMSAccountTime) {
        guard let id = record.id else { return nil }
        self.id = id
        self.name = record.name
        self.firstName = record.text("firstname")
        self.lastName = record.text("lastname")
        self.email = record.text("email")
        self.otherEmail = record.text("otheremail")
        self.mobilePhone = record.text("mobiletelephone", "mobile")
        self.homePhone = record.text("hometelephone")
        self.workPhone = record.text("worktelephone")
        self.jobTitle = record.text("jobtitle")
        self.source = record.text("source")
        self.workAvailable = record.field("workavailable")?.booleanValue
        self.lastUpdated = time.timestamp(record.field("lastupdated", "lastupdateddatetime"))
        self.customFields = record.customFields
        self.record = record
    }

    /// The e-mail address trimmed and lower-cased, the key the server matches resources by.
    public var normalizedEmail: String? {
        email.map { $0.rmsTrimmed.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A placement (record type X, "OpportunityResource"): one resource on one opportunity, an
/// application in ATSKit's words.
public struct RMSPlacement: RMSRecordDecodable, Hashable {
    /// The record type letter: X.
    public static var recordType: RMSRecordType { .placement }
    /// The placement id.
    public var id: RMSRecordID
    /// The name as listed.
    public var name: String?
    /// The client company.
    public var company: String?
    /// The status name (the stage's display name).
    public var statusName: String?
    /// `opportunityresourcestatusid`, when sent; else map ``statusName`` through the settings.
    public var statusID: RMSRecordID?
    /// The opportunity (job) id.
    public var opportunityID: RMSRecordID?
    /// The resource (candidate) id.
    public var resourceID: RMSRecordID?
    /// The resource's name.
    public var resourceName: String?
    /// The client id.
    public var clientID: RMSRecordID?
    /// `dateassigned` as sent.
    public var dateAssigned: String?
    /// `startdate` as sent.
    public var startDate: String?
    /// `enddate` as sent.
    public var endDate: String?
    /// When it was last updated.
    public var lastUpdated: RMSTimestamp?
    /// The result as sent.
    public var record: RMSRecord

    /// Reads a result.
    /// - Parameters:
    ///   - record: The result.
    ///   - time: The account's clock.
    public init?(record: RMSRecord, time: RMSAccountTime) {
        guard let id = record.id else { return nil }
        self.id = id
        self.name = record.name
        self.company = record.company ?? record.text("clientname")
        self.statusName = record.details.member("status")?.scalarText.flatMap { $0.isEmpty ? nil : $0 } ?? record.status
        self.statusID = RMSRecordID(json: record.field("opportunityresourcestatusid", "statusid"))
        self.opportunityID = RMSRecordID(json: record.field("opportunityid"))
        self.resourceID = RMSRecordID(json: record.field("resourceid"))
        self.resourceName = record.text("resourcename")
        self.clientID = RMSRecordID(json: record.field("clientid"))
        self.dateAssigned = record.text("dateassigned")
        self.startDate = record.text("startdate")
        self.endDate = record.text("enddate")
        self.lastUpdated = time.timestamp(record.field("lastupdated", "lastupdateddatetime"))
        self.record = record
    }
}

/// An activity (record type A): a call, e-mail, note or interview.
public struct RMSActivity: RMSRecordDecodable, Hashable {
    /// The record type letter: A.
    public static var recordType: RMSRecordType { .activity }
    /// The activity id.
    public var id: RMSRecordID
    /// The subject.
    public var subject: String?
    /// The activity type's name (`ActivityTypeName`), such as `Note`.
    public var typeName: String?
    /// The activity status's name.
    public var statusName: String?
    /// The linked resource.
    public var resourceID: RMSRecordID?
    /// The linked opportunity.
    public var opportunityID: RMSRecordID?
    /// The linked placement.
    public var placementID: RMSRecordID?
    /// The user who wrote it.
    public var userID: RMSRecordID?
    /// The note, plain text.
    public var note: String?
    /// When it was last updated.
    public var lastUpdated: RMSTimestamp?
    /// The result as sent.
    public var record: RMSRecord

    /// Reads a result.
    /// - Parameters:
    ///   - record: The result.
    ///   - time: The account's clock.
    public init?(record: RMSRecord, time: RMSAccountTime) {
        guard let id = RMSRecordID(json: record.field("activityid")) ?? record.id else { return nil }
        self.id = id
        self.subject = record.text("subject")
        self.typeName = record.text("ActivityTypeName", "type")
        self.statusName = record.text("activitystatusname")
        self.resourceID = RMSRecordID(json: record.field("resourceid"))
        self.opportunityID = RMSRecordID(json: record.field("opportunityid"))
        self.placementID = RMSRecordID(json: record.field("opportunityresourceid"))
        self.userID = RMSRecordID(json: record.field("userid"))
        self.note = record.text("note", "notes")
        self.lastUpdated = time.timestamp(record.field("lastupdateddatetime", "lastupdated"))
        self.record = record
    }
}
