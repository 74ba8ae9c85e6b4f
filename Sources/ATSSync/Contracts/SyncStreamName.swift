/// The name of a stream the sync engine mirrors, which is also its table's name.
public struct SyncStreamName: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The stream's stable name.
    public let rawValue: String

    /// Creates a stream name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Jobs.
    public static let jobs = SyncStreamName(rawValue: "jobs")
    /// Applications.
    public static let applications = SyncStreamName(rawValue: "applications")
    /// Candidates (derived from applications for providers without a candidate resource).
    public static let candidates = SyncStreamName(rawValue: "candidates")
    /// Notes.
    public static let notes = SyncStreamName(rawValue: "notes")
    /// Files: resumes and attachments (metadata, not bytes).
    public static let files = SyncStreamName(rawValue: "files")
    /// Custom field definitions.
    public static let customFieldSchemas = SyncStreamName(rawValue: "custom_field_schemas")

    /// The stable name.
    public var description: String { rawValue }

    /// Orders by name, so that reports list streams in a stable order.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
