/// A candidate found by ``ATSClient/findCandidates(_:limit:)``, with how well it matched.
public struct CandidateMatch: Sendable {
    /// A detail that matched.
    public struct Field: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The detail's name.
        public let rawValue: String
        /// Creates a detail name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The normalised e-mail address was equal.
        public static let email = Field(rawValue: "email")
        /// The phone number's digits were equal (formatting, extension and country code ignored).
        public static let phone = Field(rawValue: "phone")
        /// First and last name were both equal.
        public static let fullName = Field(rawValue: "full_name")
        /// The last name was equal.
        public static let lastName = Field(rawValue: "last_name")
        /// The first name was equal.
        public static let firstName = Field(rawValue: "first_name")
        /// The name.
        public var description: String { rawValue }
    }

    /// The candidate.
    public var candidate: Candidate
    /// How well the candidate matched: 0 (nothing) to 1 (every detail given matched).
    public var score: Double
    /// The details that matched on at least one of the candidate's applications.
    public var matchedFields: Set<Field>

    /// Creates a match.
    /// - Parameters:
    ///   - candidate: The candidate.
    ///   - score: The score, 0 to 1.
    ///   - matchedFields: The details that matched.
    public init(candidate: Candidate, score: Double, matchedFields: Set<Field>) {
        self.candidate = candidate
        self.score = score
        self.matchedFields = matchedFields
    }
}
