public import ATSCore

/// Scores how well an applicant's details match what a caller is looking for.
///
/// Each detail given has a weight: e-mail 4, phone 3, name 2 (full name; 1 for the last name
/// alone, 0.5 for the first name alone). An application's score is the weight of what matched
/// divided by the weight of what was asked, so 1 means every detail given matched; a candidate's
/// score is their best application's. When an e-mail or phone is given, a candidate must match
/// one of them or the full name: otherwise every namesake would be listed.
public struct CandidateMatcher: Sendable {
    private let email: String?
    private let phone: String?
    private let firstName: String?
    private let lastName: String?
    private let totalWeight: Double

    /// The weight of each detail.
    public static let weights: [CandidateMatch.Field: Double] = [
        .email: 4, .phone: 3, .fullName: 2, .lastName: 1, .firstName: 0.5,
    ]

    /// Creates a matcher.
    /// - Parameter details: What to look for.
    public init(_ details: CandidateDetails) {
        email = ContactNormalization.email(details.email)
        phone = ContactNormalization.phoneDigits(details.phone)
        firstName = ContactNormalization.name(details.firstName)
        lastName = ContactNormalization.name(details.lastName)
        var total = 0.0
        if email != nil { total += Self.weights[.email, default: 0] }
        if phone != nil { total += Self.weights[.phone, default: 0] }
        switch (firstName, lastName) {
        case (.some, .some): total += Self.weights[.fullName, default: 0]
        case (.none, .some): total += Self.weights[.lastName, default: 0]
        case (.some, .none): total += Self.weights[.firstName, default: 0]
        case (.none, .none): break
        }
        totalWeight = total
    }

    /// Whether any detail usable for matching was given (an empty e-mail or a two-digit phone is not).
    public var hasCriteria: Bool { totalWeight > 0 }

    /// How well one applicant matches.
    /// - Parameter person: The applicant's details.
    /// - Returns: The score (0 to 1) and the details that matched; score 0 when the applicant is
    ///   not a match at all.
    public func score(_ person: Person) -> (score: Double, fields: Set<CandidateMatch.Field>) {
        guard hasCriteria else { return (0, []) }
        var fields: Set<CandidateMatch.Field> = []
        if let email, ContactNormalization.email(person.email) == email { fields.insert(.email) }
        if let phone, let other = ContactNormalization.phoneDigits(person.phone),
            ContactNormalization.phonesMatch(phone, other)
        {
            fields.insert(.phone)
        }
        let first = firstName.map { $0 == ContactNormalization.name(person.firstName) } ?? false
        let last = lastName.map { $0 == ContactNormalization.name(person.lastName) } ?? false
        if firstName != nil && lastName != nil && first && last {
            fields.insert(.fullName)
        } else if last {
            fields.insert(.lastName)
        } else if first {
            fields.insert(.firstName)
        }
        let identifying = email != nil || phone != nil
        let strong = fields.contains(.email) || fields.contains(.phone) || fields.contains(.fullName)
        guard !fields.isEmpty, !identifying || strong else { return (0, []) }
        let matched = fields.reduce(0.0) { $0 + Self.weights[$1, default: 0] }
        return (min(1, matched / totalWeight), fields)
    }
}
