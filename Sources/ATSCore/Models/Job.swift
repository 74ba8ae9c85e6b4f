public import Foundation

/// A job (a requisition) that people apply to.
public struct Job: Hashable, Sendable, Identifiable {
    /// Whether the job is open, closed or archived, as the provider reports it.
    public struct Status: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
        /// The status's name.
        public let rawValue: String
        /// Creates a status from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The job accepts applications.
        public static let open = Status(rawValue: "open")
        /// The job is offline: it exists but accepts no applications.
        public static let closed = Status(rawValue: "closed")
        /// The job is archived.
        public static let archived = Status(rawValue: "archived")
        /// The name.
        public var description: String { rawValue }
    }

    /// The provider's id.
    public var id: JobID
    /// The job's title.
    public var title: String
    /// Open, closed or archived.
    public var status: Status
    /// Whether the job is hidden from the public job board while open.
    public var isHidden: Bool
    /// The job's category, when the provider has one.
    public var category: String?
    /// The job's reference code.
    public var code: String?
    /// City, state and country, as free text.
    public var location: Location
    /// Whether the job can be done remotely.
    public var isRemote: Bool
    /// The description, as the provider stores it (HTML for Tracker).
    public var descriptionHTML: String?
    /// The public link to the job, when there is one.
    public var url: String?
    /// Custom field values keyed by field name.
    public var customFields: [String: CustomFieldValue]
    /// When the job was created.
    public var createdAt: Date?
    /// When the job was last changed; the cursor of incremental reads.
    public var updatedAt: Date?
    /// The provider's JSON for this record.
    public var raw: RawPayload

    /// Creates a job.
    public init(
        id: JobID,
        title: String,
        status: Status,
        isHidden: Bool = false,
        category: String? = nil,
        code: String? = nil,
        location: Location = Location(),
        isRemote: Bool = false,
        descriptionHTML: String? = nil,
        url: String? = nil,
        customFields: [String: CustomFieldValue] = [:],
        createdAt: Date? = nil,
        updatedAt: Date? = nil,
        raw: RawPayload = .empty
    ) {
        self.id = id
        self.title = title
        self.status = status
        self.isHidden = isHidden
        self.category = category
        self.code = code
        self.location = location
        self.isRemote = isRemote
        self.descriptionHTML = descriptionHTML
        self.url = url
        self.customFields = customFields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.raw = raw
    }
}

/// A postal location as free text; providers rarely structure it further.
public struct Location: Hashable, Codable, Sendable {
    /// The city.
    public var city: String?
    /// The state, province or region.
    public var state: String?
    /// The country.
    public var country: String?

    /// Creates a location.
    public init(city: String? = nil, state: String? = nil, country: String? = nil) {
        self.city = city
        self.state = state
        self.country = country
    }
}
