internal import Foundation

/// A candidate record: one person in one job. The same person in three jobs is three records;
/// only the e-mail address links them (see ``normalizedEmail``).
///
/// The list answer carries the summary fields; the single-record answer adds the rest (resume,
/// tags, custom attributes…). Unknown fields stay in ``raw``.
public struct WorkableCandidate: Sendable, Hashable {
    /// The id.
    public var id: WorkableCandidateID
    /// The full name.
    public var name: String?
    /// The first name.
    public var firstname: String?
    /// The last name.
    public var lastname: String?
    /// The e-mail address as sent (it may differ in case and spaces between one person's records).
    public var email: String?
    /// The phone number.
    public var phone: String?
    /// The headline.
    public var headline: String?
    /// The job's shortcode.
    public var jobShortcode: WorkableShortcode?
    /// The job's title.
    public var jobTitle: String?
    /// The `stage` field as sent: a display name on Workable's examples, a slug on some servers
    /// ([model]: resolve it against the pipelines, and keep it when it matches neither).
    public var stage: String?
    /// The stage's kind, on newer records.
    public var stageKind: String?
    /// Whether the candidate is disqualified.
    public var isDisqualified: Bool
    /// Whether the candidate withdrew.
    public var withdrew: Bool
    /// The disqualification reason's text.
    public var disqualificationReason: String?
    /// When the candidate was disqualified (full record).
    public var disqualifiedAt: WorkableTimestamp?
    /// Whether the candidate was sourced (uploaded) rather than applied.
    public var isSourced: Bool?
    /// Where the candidate came from.
    public var domain: String?
    /// The candidate's page in Workable.
    public var profileURL: String?
    /// When the record was created (the application time).
    public var createdAt: WorkableTimestamp?
    /// When the record last changed.
    public var updatedAt: WorkableTimestamp?
    /// When the candidate was hired.
    public var hiredAt: WorkableTimestamp?
    /// The tags (full record).
    public var tags: [String]
    /// The resume's pre-signed URL (full record). It expires: never store it.
    public var resumeURL: String?
    /// The candidate this one was copied from (set on copies).
    public var originatingCandidateID: WorkableCandidateID?
    /// Custom attribute values (full record): key → value as received.
    public var customAttributes: [String: WorkableJSON]
    /// The record as received.
    public var raw: WorkableJSON

    /// Reads a candidate; `nil` without an id.
    /// - Parameter json: One candidate object.
    public init?(json: WorkableJSON) {
        guard let id = json["id"].string else { return nil }
        self.id = WorkableCandidateID(id)
        name = json["name"].string
        firstname = json["firstname"].string
        lastname = json["lastname"].string
        email = json["email"].string
        phone = json["phone"].string
        headline = json["headline"].string
        jobShortcode = json["job"]["shortcode"].string.map(WorkableShortcode.init(rawValue:))
        jobTitle = json["job"]["title"].string
        stage = json["stage"].string
        stageKind = json["stage_kind"].string
        isDisqualified = json["disqualified"].bool ?? false
        withdrew = json["withdrew"].bool ?? false
        disqualificationReason = json["disqualification_reason"].string
        disqualifiedAt = json["disqualified_at"].timestamp
        isSourced = json["sourced"].bool
        domain = json["domain"].string
        profileURL = json["profile_url"].string
        createdAt = json["created_at"].timestamp
        updatedAt = json["updated_at"].timestamp
        hiredAt = json["hired_at"].timestamp
        tags = json["tags"].strings
        resumeURL = json["resume_url"].string
        originatingCandidateID = json["originating_candidate_id"].string.map(WorkableCandidateID.init(rawValue:))
        var attributes: [String: WorkableJSON] = [:]
        for attribute in json["custom_attributes"].array {
            if let key = attribute["key"].string { attributes[key] = attribute["value"] }
        }
        customAttributes = attributes
        raw = json
    }

    /// The e-mail address trimmed of surrounding white space and lower-cased: what links one
    /// person's records across jobs. `nil` when there is no address.
    public var normalizedEmail: String? {
        guard let email else { return nil }
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// An activity on a candidate: a move, a comment, a rating, a disqualification… The only place
/// comments and a candidate's stage history can be read.
public struct WorkableActivity: Sendable, Hashable {
    /// The id (a comment's id).
    public var id: WorkableActivityID
    /// What happened (`applied`, `sourced`, `moved`, `disqualified`, `reverted`, `comment`,
    /// `rating`, `relocated`, or an action this library does not know).
    public var action: String?
    /// The stage the candidate was in.
    public var stageName: String?
    /// The stage moved to, on moves.
    public var targetStage: String?
    /// The text of comments, ratings, messages and disqualifications.
    public var body: String?
    /// The member who acted (`nil` when the system did).
    public var memberID: WorkableMemberID?
    /// The member's name.
    public var memberName: String?
    /// When it happened.
    public var createdAt: WorkableTimestamp?
    /// When it last changed.
    public var updatedAt: WorkableTimestamp?
    /// The record as received.
    public var raw: WorkableJSON

    /// Reads an activity; `nil` without an id.
    /// - Parameter json: One activity object.
    public init?(json: WorkableJSON) {
        guard let id = json["id"].string else { return nil }
        self.id = WorkableActivityID(id)
        action = json["action"].string
        stageName = json["stage_name"].string
        targetStage = json["target_stage"].string
        body = json["body"].string
        memberID = json["member"]["id"].string.map(WorkableMemberID.init(rawValue:))
        memberName = json["member"]["name"].string
        createdAt = json["created_at"].timestamp
        updatedAt = json["updated_at"].timestamp
        raw = json
    }

    /// Whether the activity is a comment (a note).
    public var isComment: Bool { action == "comment" }
}

/// A file attached to a candidate. Its URL is pre-signed and expires: store the name and kind,
/// and ask the API for a fresh URL when downloading.
public struct WorkableFile: Sendable, Hashable {
    /// The file name.
    public var name: String
    /// The kind (`resume`, `cover_letter`, `attachment`…), an open set.
    public var kind: String?
    /// Where the file came from.
    public var source: String?
    /// The pre-signed download URL; fetch it with ``WorkableAPI/Files-swift.struct/download(from:logger:)``,
    /// which never sends the token.
    public var url: String?
    /// The record as received.
    public var raw: WorkableJSON

    /// Reads a file; `nil` without a name.
    /// - Parameter json: One file object.
    public init?(json: WorkableJSON) {
        guard let name = json["name"].string else { return nil }
        self.name = name
        kind = json["kind"].string
        source = json["source"].string
        url = json["preview_url"].string ?? json["url"].string ?? json["download_url"].string
        raw = json
    }
}

/// A webhook subscription.
public struct WorkableSubscription: Sendable, Hashable {
    /// The id.
    public var id: WorkableSubscriptionID
    /// The event (`candidate_created`, `candidate_moved`, …), an open set.
    public var event: String?
    /// The URL deliveries go to.
    public var target: String?
    /// The state.
    public var state: String?
    /// When it was created.
    public var createdAt: WorkableTimestamp?
    /// The record as received.
    public var raw: WorkableJSON

    /// Reads a subscription; `nil` without an id.
    /// - Parameter json: One subscription object.
    public init?(json: WorkableJSON) {
        guard let id = json["id"].string else { return nil }
        self.id = WorkableSubscriptionID(id)
        event = json["event"].string
        target = json["target"].string
        state = json["state"].string
        createdAt = json["created_at"].timestamp
        raw = json
    }
}
