/// An application — one applicant on one job — as Tracker sends it.
///
/// Tracker has no candidate resource: a person who applied to three jobs is three applications.
/// Every field except ``id`` is optional; ``raw`` keeps the whole object.
public struct TrackerApplication: Sendable, Hashable, Identifiable {
    /// The application's id.
    public var id: TrackerApplicationID
    /// The company (account) id.
    public var companyID: TrackerCompanyID?
    /// The job applied to.
    public var jobID: TrackerJobID?
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// E-mail address.
    public var email: String?
    /// Phone number.
    public var phone: String?
    /// Street address.
    public var address: String?
    /// Second address line.
    public var address2: String?
    /// City.
    public var city: String?
    /// State or region.
    public var state: String?
    /// Gender, as entered.
    public var gender: String?
    /// The free-text status name.
    public var status: TrackerApplicationStatus?
    /// The rating.
    public var rating: Double?
    /// Where the application came from.
    public var source: String?
    /// Whether the application is archived.
    public var isArchived: Bool?
    /// Tags (not in Tracker's documentation).
    public var tags: [String]
    /// When the applicant applied.
    public var appliedAt: TrackerTimestamp?
    /// When the record was created (not in Tracker's documentation).
    public var createdAt: TrackerTimestamp?
    /// When the record was last updated (not in Tracker's documentation).
    public var updatedAt: TrackerTimestamp?
    /// When the applicant was marked as hired (the `mark_as_hired` action); `nil` unless hired.
    public var hiredAt: TrackerTimestamp?
    /// The hired applicant's start date, a calendar date exactly as Tracker writes it
    /// (`2026-12-01`); set by `mark_as_hired`, cleared by `un_mark_as_hired`.
    public var startDate: String?
    /// Custom field values keyed by field name (not in Tracker's documentation).
    public var customFields: [String: TrackerJSON]
    /// The whole object as sent. For a record read from a list it is parsed from ``rawJSON`` the
    /// first time it is read (and then kept), since most callers, a mirror among them, never read it.
    public var raw: [String: TrackerJSON] {
        get { rawObject.members }
        set { rawObject = RawJSONObject(newValue) }
    }
    /// ``raw``, kept as ``rawJSON``'s text until it is read: a mirror never reads it.
    private var rawObject: RawJSONObject
    /// The same object as JSON text (UTF-8) exactly as the server sent it, so that a mirror can
    /// store it without writing it again; compact with sorted keys where the bytes were not at
    /// hand (a record returned inside another response).
    public var rawJSON: [UInt8]
}

extension TrackerApplication: PageableRecord {
    /// Every member ``init(wire:context:)`` reads.
    static let wireKeys: WireKeys? = WireKeys([
        "id", "company_id", "job_id", "first_name", "last_name", "email", "phone", "address", "address_2", "city",
        "state", "gender", "status", "rating", "source", "archived", "tags", "applied_at", "created_at", "updated_at",
        "custom_fields", "hired_at", "start_date",
    ])

    init(wire: WireObject, context: inout WireContext) throws {
        id = try wire.requiredID("id", &context)
        companyID = wire.id("company_id", &context)
        jobID = wire.id("job_id", &context)
        firstName = wire.string("first_name")
        lastName = wire.string("last_name")
        email = wire.string("email")
        phone = wire.string("phone")
        address = wire.string("address")
        address2 = wire.string("address_2")
        city = wire.string("city")
        state = wire.string("state")
        gender = wire.string("gender")
        status = wire.string("status").map(TrackerApplicationStatus.init(rawValue:))
        rating = wire.double("rating")
        source = wire.string("source")
        isArchived = wire.bool("archived")
        tags = wire.strings("tags")
        appliedAt = wire.timestamp("applied_at", &context)
        createdAt = wire.timestamp("created_at", &context)
        updatedAt = wire.timestamp("updated_at", &context)
        hiredAt = wire.timestamp("hired_at", &context)
        startDate = wire.string("start_date")
        customFields = wire.object("custom_fields") ?? [:]
        rawObject = wire.raw
        rawJSON = wire.json
    }

    var pagingKey: Int64? { id.integerValue }
    var pagingUpdatedAt: TrackerTimestamp? { updatedAt }
}
