/// An opaque Workable identifier, typed by what it names so that a job's shortcode cannot be passed
/// where a candidate id is expected.
///
/// Workable's ids are hexadecimal text of varying length, so their order says nothing about
/// insertion order: never compare, sort or increment them; send back only ids the server gave.
public struct WorkableID<Kind: WorkableIDKind>: Sendable, Hashable, RawRepresentable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The id's text, as the server sent it (numbers become their decimal text).
    public let rawValue: String

    /// Wraps an id.
    /// - Parameter rawValue: The id's text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an id.
    /// - Parameter rawValue: The id's text.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Wraps an id literal.
    /// - Parameter value: The id's text.
    public init(stringLiteral value: String) { rawValue = value }

    /// The id's text.
    public var description: String { rawValue }
}

/// What a ``WorkableID`` names.
public protocol WorkableIDKind: Sendable {}

/// Kinds of Workable ids.
public enum WorkableIDKinds {
    /// A candidate record (one person in one job).
    public enum Candidate: WorkableIDKind {}
    /// A job's shortcode, the key every candidate call uses.
    public enum JobShortcode: WorkableIDKind {}
    /// A job's hexadecimal id.
    public enum Job: WorkableIDKind {}
    /// An account member.
    public enum Member: WorkableIDKind {}
    /// A stage slug.
    public enum StageSlug: WorkableIDKind {}
    /// A disqualification reason.
    public enum DisqualificationReason: WorkableIDKind {}
    /// An activity (comments are activities).
    public enum Activity: WorkableIDKind {}
    /// A webhook subscription.
    public enum Subscription: WorkableIDKind {}
    /// A custom attribute's key.
    public enum CustomAttribute: WorkableIDKind {}
}

/// A candidate record's id.
public typealias WorkableCandidateID = WorkableID<WorkableIDKinds.Candidate>
/// A job's shortcode (Workable's key for jobs).
public typealias WorkableShortcode = WorkableID<WorkableIDKinds.JobShortcode>
/// A job's hexadecimal id (kept for reference; calls use the shortcode).
public typealias WorkableJobID = WorkableID<WorkableIDKinds.Job>
/// An account member's id (every candidate write names one).
public typealias WorkableMemberID = WorkableID<WorkableIDKinds.Member>
/// A stage's slug (writes and the `stage` filter take slugs only).
public typealias WorkableStageSlug = WorkableID<WorkableIDKinds.StageSlug>
/// A disqualification reason's id.
public typealias WorkableDisqualificationReasonID = WorkableID<WorkableIDKinds.DisqualificationReason>
/// An activity's id (a comment's id is its activity id).
public typealias WorkableActivityID = WorkableID<WorkableIDKinds.Activity>
/// A subscription's id (a number on the wire).
public typealias WorkableSubscriptionID = WorkableID<WorkableIDKinds.Subscription>
/// A custom attribute's key (its `id`).
public typealias WorkableCustomAttributeKey = WorkableID<WorkableIDKinds.CustomAttribute>
