public import ATSCore
import Foundation
import TrackerAPI

extension TrackerATSClient {
    /// One derived candidate with every application they made.
    ///
    /// A `tc_` id (from an e-mail address) is found by reading every application; a `ta_` id
    /// (an applicant without e-mail) reads its one application.
    /// - Parameter id: The candidate's id.
    /// - Returns: The candidate.
    /// - Throws: `ATSError` (`ATSError.Code.notFound` when no application belongs to the id).
    public func candidate(_ id: CandidateID) async throws -> Candidate {
        try await fetchCandidate(id, operation: .candidate)
    }

    /// Candidates matching any mix of e-mail, phone and name, best first (see ``CandidateMatcher``
    /// for the scoring). Ties go to the candidate changed most recently.
    ///
    /// An e-mail alone is looked up by its candidate id; other details read every application
    /// twice (once to score, once to build the best candidates in full).
    /// - Parameters:
    ///   - details: What to look for; at least one detail.
    ///   - limit: The most matches to return.
    /// - Returns: The matches, best first.
    /// - Throws: `ATSError` (`ATSError.Code.invalidInput` when no usable detail is given).
    public func findCandidates(_ details: CandidateDetails, limit: Int = 10) async throws -> [CandidateMatch] {
        let matcher = CandidateMatcher(details)
        guard matcher.hasCriteria else {
            throw ATSError(
                code: .invalidInput, operation: ATSOperation.findCandidates.rawValue, provider: .tracker,
                message: "Finding candidates needs an e-mail address, a phone number (7 digits or more) or a name.",
                suggestion: "Give at least one of them."
            )
        }
        guard limit > 0 else { return [] }
        if details.phone == nil, details.firstName == nil, details.lastName == nil, let email = details.email,
            let id = identity.candidateID(email: email)
        {
            do {
                let candidate = try await fetchCandidate(id, operation: .findCandidates)
                return [CandidateMatch(candidate: candidate, score: 1, matchedFields: [.email])]
            } catch let error as ATSError where error.code == .notFound {
                return []
            }
        }
        return try await scoredCandidates(matcher, limit: limit)
    }

    private struct Score {
        var value: Double
        var fields: Set<CandidateMatch.Field>
        var updatedAt: Date
    }

    private func scoredCandidates(_ matcher: CandidateMatcher, limit: Int) async throws -> [CandidateMatch] {
        let identity = identity
        var scores: [CandidateID: Score] = [:]
        try await scanApplications(.findCandidates) { wire in
            let person = Person(
                firstName: wire.firstName, lastName: wire.lastName, email: wire.email, phone: wire.phone)
            let (value, fields) = matcher.score(person)
            guard value > 0 else { return }
            let id = identity.candidateID(of: wire)
            let updatedAt = wire.updatedAt?.date ?? .distantPast
            var score = scores[id] ?? Score(value: 0, fields: [], updatedAt: .distantPast)
            score.value = max(score.value, value)
            score.fields.formUnion(fields)
            score.updatedAt = max(score.updatedAt, updatedAt)
            scores[id] = score
        }
        let ranked = scores.sorted { Self.ranks($0.value, $0.key, before: $1.value, $1.key) }.prefix(limit)
        guard !ranked.isEmpty else { return [] }
        let wanted = Set(ranked.map(\.key))
        let map = try await applicationMapper(.findCandidates)
        var collection = CandidateCollection()
        try await scanApplications(.findCandidates) { wire in
            if wanted.contains(identity.candidateID(of: wire)) { collection.add(map(wire)) }
        }
        let byID = Dictionary(collection.candidates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ranked.compactMap { id, score in
            byID[id].map { CandidateMatch(candidate: $0, score: score.value, matchedFields: score.fields) }
        }
    }

    private static func ranks(_ left: Score, _ leftID: CandidateID, before right: Score, _ rightID: CandidateID)
        -> Bool
    {
        if left.value != right.value { return left.value > right.value }
        if left.updatedAt != right.updatedAt { return left.updatedAt > right.updatedAt }
        return leftID < rightID
    }

    func fetchCandidate(_ id: CandidateID, operation: ATSOperation) async throws -> Candidate {
        let notFound = ATSError(
            code: .notFound, operation: operation.rawValue, provider: .tracker,
            message: "Tracker has no candidate \(id).",
            suggestion: "Candidate ids come from ATSKit (tc_… or ta_…); list or find candidates to get one."
        )
        if let applicationID = CandidateIdentity.applicationID(of: id) {
            let wire = try await fetchApplication(
                ApplicationID(applicationID.rawValue), operation: operation, subject: "candidate \(id)")
            // An applicant who has since given an e-mail address is now that address's candidate.
            guard identity.candidateID(of: wire) == id else { throw notFound }
            var collection = CandidateCollection()
            collection.add(try await mapApplication(wire, operation: operation))
            guard let candidate = collection.candidates.first else { throw notFound }
            return candidate
        }
        guard id.rawValue.hasPrefix(CandidateIdentity.emailPrefix) else { throw notFound }
        let map = try await applicationMapper(operation)
        let identity = identity
        var collection = CandidateCollection()
        try await scanApplications(operation) { wire in
            if identity.candidateID(of: wire) == id { collection.add(map(wire)) }
        }
        guard let candidate = collection.candidates.first else { throw notFound }
        return candidate
    }
}
