/// A job, as `/jobs` and `/jobs/{shortcode}` answer it. Unknown fields stay in ``raw``.
public struct WorkableJob: Sendable, Hashable {
    /// The shortcode, Workable's key for a job (every candidate call uses it).
    public var shortcode: WorkableShortcode
    /// The hexadecimal id.
    public var id: WorkableJobID?
    /// The title.
    public var title: String?
    /// The title with code and location.
    public var fullTitle: String?
    /// The job code.
    public var code: String?
    /// `draft`, `published`, `archived`, `closed`, or a state this library does not know.
    public var state: WorkableJobState?
    /// The department.
    public var department: String?
    /// The job's public page.
    public var url: String?
    /// The application page.
    public var applicationURL: String?
    /// The location as one line (`location.location_str`).
    public var location: String?
    /// The location's country code.
    public var countryCode: String?
    /// Whether the job is remote.
    public var isTelecommuting: Bool?
    /// When the job was created.
    public var createdAt: WorkableTimestamp?
    /// When the job last changed ([model]: not every server sends it).
    public var updatedAt: WorkableTimestamp?
    /// The description (HTML), on the single-job answer only.
    public var descriptionHTML: String?
    /// The record as received.
    public var raw: WorkableJSON

    /// Reads a job; `nil` when the value has no shortcode.
    /// - Parameter json: One job object.
    public init?(json: WorkableJSON) {
        guard let shortcode = json["shortcode"].string else { return nil }
        self.shortcode = WorkableShortcode(shortcode)
        id = json["id"].string.map(WorkableJobID.init(rawValue:))
        title = json["title"].string
        fullTitle = json["full_title"].string
        code = json["code"].string
        state = json["state"].string.map(WorkableJobState.init(rawValue:))
        department = json["department"].string
        url = json["url"].string
        applicationURL = json["application_url"].string
        location = json["location"]["location_str"].string
        countryCode = json["location"]["country_code"].string
        isTelecommuting = json["location"]["telecommuting"].bool
        createdAt = json["created_at"].timestamp
        updatedAt = json["updated_at"].timestamp
        descriptionHTML = json["full_description"].string ?? json["description"].string
        raw = json
    }
}

/// A job's state: an open set (a new state decodes as itself).
public struct WorkableJobState: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    /// The state's text.
    public let rawValue: String
    /// Wraps a state.
    /// - Parameter rawValue: The state's text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Not yet published.
    public static let draft = WorkableJobState(rawValue: "draft")
    /// Open for applications.
    public static let published = WorkableJobState(rawValue: "published")
    /// Archived.
    public static let archived = WorkableJobState(rawValue: "archived")
    /// Closed.
    public static let closed = WorkableJobState(rawValue: "closed")
    /// The state's text.
    public var description: String { rawValue }
}

/// A pipeline stage: one of the account's stages (`/stages`) or of a job's pipeline
/// (`/jobs/{shortcode}/stages`).
public struct WorkableStage: Sendable, Hashable {
    /// The slug: what writes and the `stage` filter take.
    public var slug: WorkableStageSlug
    /// The display name (may be long and non-ASCII).
    public var name: String
    /// The kind (`sourced`, `applied`, `interview`, `offer`, `hired`, …), an open set.
    public var kind: String?
    /// The position in the pipeline.
    public var position: Int?
    /// The numeric id a job's pipeline carries.
    public var id: String?
    /// The record as received.
    public var raw: WorkableJSON

    /// Reads a stage; `nil` without a slug.
    /// - Parameter json: One stage object.
    public init?(json: WorkableJSON) {
        guard let slug = json["slug"].string ?? json["identifier"].string else { return nil }
        self.slug = WorkableStageSlug(slug)
        name = json["name"].string ?? slug
        kind = json["kind"].string
        position = json["position"].int
        id = json["id"].string
        raw = json
    }
}

/// An account member (the person a write is recorded against).
public struct WorkableMember: Sendable, Hashable {
    /// The id.
    public var id: WorkableMemberID
    /// The name.
    public var name: String?
    /// The e-mail address.
    public var email: String?
    /// The headline.
    public var headline: String?
    /// The roles: `roles` on newer answers, or the one `role` on older ones.
    public var roles: [String]
    /// Whether the member is active (`nil` when the server does not say).
    public var isActive: Bool?
    /// The record as received.
    public var raw: WorkableJSON

    /// Reads a member; `nil` without an id.
    /// - Parameter json: One member object.
    public init?(json: WorkableJSON) {
        guard let id = json["id"].string else { return nil }
        self.id = WorkableMemberID(id)
        name = json["name"].string
        email = json["email"].string
        headline = json["headline"].string
        let roles = json["roles"].strings
        self.roles = roles.isEmpty ? json["role"].string.map { [$0] } ?? [] : roles
        isActive = json["active"].bool
        raw = json
    }

    /// Whether the record came in the older shape (`role`, a string) rather than `roles`.
    var usesSingleRole: Bool { raw["roles"].isNull && !raw["role"].isNull }
}

/// A disqualification (rejection) reason.
public struct WorkableDisqualificationReason: Sendable, Hashable {
    /// The id, sent as `disqualify_reason_id`.
    public var id: WorkableDisqualificationReasonID
    /// The text.
    public var description: String
    /// Whether the reason is in the "withdrew" group rather than "rejected".
    public var candidateWithdrew: Bool
    /// The position in the account's list.
    public var position: Int?
    /// The record as received.
    public var raw: WorkableJSON

    /// Reads a reason; `nil` without an id.
    /// - Parameter json: One reason object.
    public init?(json: WorkableJSON) {
        guard let id = json["id"].string else { return nil }
        self.id = WorkableDisqualificationReasonID(id)
        description = json["description"].string ?? json["name"].string ?? ""
        candidateWithdrew = json["candidate_withdrew"].bool ?? false
        position = json["position"].int
        raw = json
    }
}

/// A custom attribute's definition (`/custom_attributes`).
public struct WorkableCustomAttribute: Sendable, Hashable {
    /// The key writes use.
    public var key: WorkableCustomAttributeKey
    /// The type (`short_text`, `free_text`, `numeric`, `boolean`, `date`, `dropdown`,
    /// `multiple_choice`, `file`, or one this library does not know).
    public var type: String?
    /// The label.
    public var label: String?
    /// Whether it is enabled.
    public var isEnabled: Bool
    /// The option texts of a dropdown or multiple choice.
    public var choices: [String]
    /// The record as received.
    public var raw: WorkableJSON

    /// Reads a definition; `nil` without an id.
    /// - Parameter json: One definition object.
    public init?(json: WorkableJSON) {
        guard let key = json["id"].string ?? json["key"].string else { return nil }
        self.key = WorkableCustomAttributeKey(key)
        type = json["type"].string
        label = json["label"].string
        isEnabled = json["enabled"].bool ?? true
        choices = json["choices"].array.compactMap { $0["body"].string ?? $0.string }
        raw = json
    }
}
