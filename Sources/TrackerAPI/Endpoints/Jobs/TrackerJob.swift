/// A job as Tracker sends it.
///
/// Every field except ``id`` is optional: servers omit and null fields freely. ``raw`` keeps the
/// whole object, including fields this library does not model.
public struct TrackerJob: Sendable, Hashable, Identifiable {
    /// The job's id.
    public var id: TrackerJobID
    /// The title.
    public var title: String?
    /// The description, as HTML.
    public var description: String?
    /// A short summary.
    public var abstract: String?
    /// The city.
    public var city: String?
    /// The state or region.
    public var state: String?
    /// The country.
    public var country: String?
    /// Whether the job is remote.
    public var isRemote: Bool?
    /// The public link to the job.
    public var jobLink: String?
    /// The distribution status (e.g. `none`).
    public var distributionStatus: TrackerDistributionStatus?
    /// Whether the job is online (active).
    public var isActive: Bool?
    /// Whether the job is archived.
    public var isArchived: Bool?
    /// Whether the job is hidden from the public job board.
    public var isHidden: Bool?
    /// The job code.
    public var jobCode: String?
    /// The company name.
    public var company: String?
    /// The job's URL.
    public var url: String?
    /// The category (not in Tracker's documentation).
    public var category: String?
    /// When the job was posted.
    public var postedAt: TrackerTimestamp?
    /// When the job was created.
    public var createdAt: TrackerTimestamp?
    /// When the job was last updated (not in Tracker's documentation).
    public var updatedAt: TrackerTimestamp?
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

extension TrackerJob: PageableRecord {
    /// Every member ``init(wire:context:)`` reads.
    static let wireKeys: WireKeys? = WireKeys([
        "id", "title", "description", "abstract", "city", "state", "country", "remote", "joblink",
        "distribution_status", "active", "archived", "hidden", "job_code", "company", "url", "category", "posted_at",
        "created_at", "updated_at", "custom_fields",
    ])

    init(wire: WireObject, context: inout WireContext) throws {
        id = try wire.requiredID("id", &context)
        title = wire.string("title")
        description = wire.string("description")
        abstract = wire.string("abstract")
        city = wire.string("city")
        state = wire.string("state")
        country = wire.string("country")
        isRemote = wire.bool("remote")
        jobLink = wire.string("joblink")
        distributionStatus = wire.string("distribution_status").map(TrackerDistributionStatus.init(rawValue:))
        isActive = wire.bool("active")
        isArchived = wire.bool("archived")
        isHidden = wire.bool("hidden")
        jobCode = wire.string("job_code")
        company = wire.string("company") ?? wire.object("company")?["name"]?.scalarText
        url = wire.string("url")
        category = wire.string("category")
        postedAt = wire.timestamp("posted_at", &context)
        createdAt = wire.timestamp("created_at", &context)
        updatedAt = wire.timestamp("updated_at", &context)
        customFields = wire.object("custom_fields") ?? [:]
        rawObject = wire.raw
        rawJSON = wire.json
    }

    var pagingKey: Int64? { id.integerValue }
    var pagingUpdatedAt: TrackerTimestamp? { updatedAt }
}
