/// An operation of ``ATSClient``, as listed in the coverage matrix.
///
/// An open set of stable names, grouped as the matrix shows them.
public struct ATSOperation: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The operation's stable name, as in `ATSError.operation` and `ats coverage --json`.
    public let rawValue: String
    /// The matrix group the operation belongs to.
    public let group: Group
    /// The title shown in the matrix.
    public let title: String

    /// Creates an operation; unknown names from a stored matrix land in ``Group/other``.
    public init(rawValue: String) {
        if let known = Self.all.first(where: { $0.rawValue == rawValue }) {
            self = known
        } else {
            self.init(rawValue, group: .other, title: rawValue)
        }
    }

    /// Creates an operation with its group and title.
    public init(_ rawValue: String, group: Group, title: String) {
        self.rawValue = rawValue
        self.group = group
        self.title = title
    }

    /// The stable name.
    public var description: String { rawValue }

    /// Two operations are the same when their stable names are.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the stable name.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// A group of rows in the coverage matrix.
    public enum Group: String, Hashable, Sendable, CaseIterable {
        /// Reading records changed since a moment.
        case streaming = "Streaming"
        /// Moving, rejecting and creating applications.
        case applications = "Application management"
        /// Reading jobs.
        case jobs = "Job management"
        /// Reading and finding candidates.
        case candidates = "Candidate management"
        /// Notes and files.
        case notesAndAttachments = "Notes & attachments"
        /// Custom field definitions and values.
        case customFields = "Custom fields"
        /// Provider workflow automation.
        case workflow = "Workflow"
        /// Operations this version does not group.
        case other = "Other"
    }
}
