/// A typed Tracker identifier: a job id cannot be passed where an application id is expected.
///
/// Tracker sends ids as JSON strings (`"1"`) in some places and integers (`1`) in others; both
/// decode to the same value, kept as text so that non-numeric ids would survive too.
public struct TrackerID<Resource>: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral
{
    /// The id as text.
    public let rawValue: String

    /// Creates an id from its text.
    /// - Parameter rawValue: The id as text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an id from an integer.
    /// - Parameter value: The numeric id.
    public init(_ value: Int64) {
        self.rawValue = String(value)
    }

    /// Creates an id from a string literal.
    /// - Parameter value: The id as text.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Creates an id from an integer literal.
    /// - Parameter value: The numeric id.
    public init(integerLiteral value: Int64) {
        self.rawValue = String(value)
    }

    /// The numeric value, when the id is a decimal integer.
    public var integerValue: Int64? { Int64(rawValue) }

    /// The id as text.
    public var description: String { rawValue }

    /// The id as JSON for request bodies: an integer when numeric (as the documented examples
    /// send `app_id: 1`), a string otherwise.
    public var jsonValue: TrackerJSON {
        if let number = integerValue { return .integer(number) }
        return .string(rawValue)
    }

    /// Orders numerically when both ids are numeric, by text otherwise.
    /// - Parameters:
    ///   - lhs: An id.
    ///   - rhs: Another id.
    /// - Returns: Whether `lhs` sorts first.
    public static func < (lhs: TrackerID, rhs: TrackerID) -> Bool {
        if let left = lhs.integerValue, let right = rhs.integerValue { return left < right }
        return lhs.rawValue < rhs.rawValue
    }
}

extension TrackerID: Codable {
    /// Decodes a string or an integer id.
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the value is neither.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self.init(number)
        } else {
            self.init(rawValue: try container.decode(String.self))
        }
    }

    /// Encodes the id as its text.
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Identifies a Tracker job.
public typealias TrackerJobID = TrackerID<TrackerJob>
/// Identifies a Tracker application (one applicant on one job).
public typealias TrackerApplicationID = TrackerID<TrackerApplication>
/// Identifies a note.
public typealias TrackerNoteID = TrackerID<TrackerNote>
/// Identifies a file.
public typealias TrackerFileID = TrackerID<TrackerFile>
/// Identifies a workflow action.
public typealias TrackerActionID = TrackerID<TrackerAction>
/// Identifies a trigger.
public typealias TrackerTriggerID = TrackerID<TrackerTrigger>
/// Identifies a webhook registration.
public typealias TrackerWebhookID = TrackerID<TrackerWebhook>
/// Identifies a user of the account.
public typealias TrackerUserID = TrackerID<TrackerUser>
/// Identifies a company (an account); partner keys act for one company at a time.
public typealias TrackerCompanyID = TrackerID<TrackerCompany>

/// The tag type of ``TrackerCompanyID``; Tracker has no company resource in v1.
public enum TrackerCompany {}
