public import ATSCore
import Foundation
import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// One resource as a candidate, with every application (one scan of the placements).
    /// - Parameter id: The resource id.
    /// - Returns: The candidate.
    /// - Throws: ``ATSCore/ATSError`` (``ATSCore/ATSError/Code/notFound`` when there is none).
    public func candidate(_ id: CandidateID) async throws -> Candidate {
        try await RMSErrors.mapping(.candidate) {
            let resource = try await resource(id, operation: .candidate)
            let mapping = RMSRecordMapping(metadata: try await metadata.current())
            return mapping.candidate(resource, placements: try await placements(ofResource: resource.id))
        }
    }

    /// Candidates matching some details, best first. Tracker RMS searches names only (`searchtext`),
    /// so e-mail addresses and phones are compared here; without a name every resource is read.
    /// - Parameters:
    ///   - details: E-mail, phone and names; at least one.
    ///   - limit: The most matches.
    /// - Returns: The matches, best first (ties by id).
    /// - Throws: ``ATSCore/ATSError`` (``ATSCore/ATSError/Code/invalidInput`` without any detail).
    public func findCandidates(_ details: CandidateDetails, limit: Int) async throws -> [CandidateMatch] {
        let wanted = RMSCandidateMatcher(details)
        guard wanted.givenCount > 0 else {
            throw RMSErrors.invalidInput(
                "Give at least one of e-mail, phone, first name or last name to find a candidate.",
                operation: .findCandidates)
        }
        return try await RMSErrors.mapping(.findCandidates) {
            var scored: [(RMSResource, Double, Set<CandidateMatch.Field>)] = []
            let query = RMSRecordQuery(searchText: wanted.searchText, includeCustomFields: true)
            for try await resource in rms.resources(query).records {
                let (score, fields) = wanted.score(resource)
                if score > 0 { scored.append((resource, score, fields)) }
            }
            scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
            let mapping = RMSRecordMapping(metadata: try await metadata.current())
            var matches: [CandidateMatch] = []
            for (resource, score, fields) in scored.prefix(max(0, limit)) {
                let candidate = mapping.candidate(resource, placements: try await placements(ofResource: resource.id))
                matches.append(CandidateMatch(candidate: candidate, score: score, matchedFields: fields))
            }
            return matches
        }
    }

    /// The resource with an id, or `notFound`.
    func resource(_ id: CandidateID, operation: ATSOperation) async throws -> RMSResource {
        guard let resource = try await rms.record(RMSResource.self, id: RMSRecordID(rawValue: id.rawValue)) else {
            throw RMSErrors.notFound("resource (candidate)", id: id.rawValue, operation: operation)
        }
        return resource
    }

    /// A resource's placements, from one scan of every placement (Tracker RMS cannot filter
    /// placements by resource).
    func placements(ofResource resourceID: RMSRecordID) async throws -> [RMSPlacementRef] {
        var found: [RMSPlacementRef] = []
        for try await placement in placementStream(.all) where placement.resourceID == resourceID {
            guard let job = placement.opportunityID else { continue }
            found.append(RMSPlacementRef(id: placement.id, opportunityID: job, resourceID: resourceID))
        }
        return found.sorted { $0.id < $1.id }
    }
}

/// Scores a resource against what a caller knows of a person.
struct RMSCandidateMatcher {
    let email: String?
    let phoneDigits: String?
    let firstName: String?
    let lastName: String?

    init(_ details: CandidateDetails) {
        func clean(_ text: String?) -> String? {
            let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() ?? ""
            return trimmed.isEmpty ? nil : trimmed
        }
        email = clean(details.email)
        let digits = Self.digits(details.phone)
        phoneDigits = digits.count >= 7 ? digits : nil
        firstName = clean(details.firstName)
        lastName = clean(details.lastName)
    }

    var givenCount: Int { [email, phoneDigits, firstName, lastName].compactMap { $0 }.count }

    /// The name to narrow the server's search with (names only are searched): the last name when
    /// given, else nothing (every resource is read).
    var searchText: String {
        guard email == nil, phoneDigits == nil else { return "" }
        return lastName ?? firstName ?? ""
    }

    func score(_ resource: RMSResource) -> (Double, Set<CandidateMatch.Field>) {
        var fields: Set<CandidateMatch.Field> = []
        if let email, resource.normalizedEmail == email || resource.otherEmail?.lowercased() == email {
            fields.insert(.email)
        }
        if let phoneDigits {
            let phones = [resource.mobilePhone, resource.homePhone, resource.workPhone].map(Self.digits)
            if phones.contains(where: { !$0.isEmpty && ($0.hasSuffix(phoneDigits) || phoneDigits.hasSuffix($0)) }) {
                fields.insert(.phone)
            }
        }
        let first = resource.firstName?.lowercased()
        let last = resource.lastName?.lowercased()
        if let firstName, firstName == first { fields.insert(.firstName) }
        if let lastName, lastName == last { fields.insert(.lastName) }
        if fields.contains(.firstName), fields.contains(.lastName) { fields.insert(.fullName) }
        let matched = [
            email != nil && fields.contains(.email), phoneDigits != nil && fields.contains(.phone),
            firstName != nil && fields.contains(.firstName), lastName != nil && fields.contains(.lastName),
        ].filter { $0 }.count
        return (Double(matched) / Double(max(1, givenCount)), fields)
    }

    static func digits(_ text: String?) -> String {
        String((text ?? "").unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
    }
}
