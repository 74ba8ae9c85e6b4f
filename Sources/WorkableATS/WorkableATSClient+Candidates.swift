public import ATSCore
import Foundation
import WorkableAPI

extension WorkableATSClient {
    /// One person with every record they have in any job.
    ///
    /// A `wc_` id (from an e-mail address) reads every record and keeps the person's; a `wr_` id
    /// (a record without e-mail) reads that record.
    /// - Parameter id: The candidate's id.
    /// - Returns: The candidate.
    /// - Throws: `ATSError` (`notFound` when no record belongs to the id).
    public func candidate(_ id: CandidateID) async throws -> Candidate {
        let notFound = ATSError(
            code: .notFound, operation: ATSOperation.candidate.rawValue, provider: .workable,
            message: "Workable has no candidate \(id).",
            suggestion: "Candidate ids come from ATSKit (wc_… or wr_…); list or find candidates to get one.")
        if let recordID = WorkableCandidateIdentity.recordID(of: id) {
            let record: WorkableCandidate
            do {
                record = try await api.candidates.get(WorkableCandidateID(recordID), logger: logger)
            } catch {
                if WorkableErrors.isNotFound(error) { throw notFound }
                throw WorkableErrors.translate(error, operation: ATSOperation.candidate.rawValue, subject: "\(id)")
            }
            guard identity.candidateID(email: record.email, recordID: recordID) == id else { throw notFound }
            guard let candidate = Self.group([await map(record, operation: .candidate)]).first else { throw notFound }
            return candidate
        }
        guard id.rawValue.hasPrefix(WorkableCandidateIdentity.emailPrefix) else { throw notFound }
        var applications: [Application] = []
        for try await record in changedRecords(.all, operation: .candidate)
        where identity.candidateID(email: record.email, recordID: record.id.rawValue) == id {
            applications.append(await map(record, operation: .candidate))
        }
        guard let candidate = Self.group(applications).first else { throw notFound }
        return candidate
    }

    /// Candidates matching an e-mail, a phone or a name, best first.
    ///
    /// An e-mail is looked up with Workable's `email` filter (which trims and lower-cases; ATSKit
    /// compares the normalised addresses again); a phone or a name reads every record.
    /// - Parameters:
    ///   - details: What to look for; at least one detail.
    ///   - limit: The most matches to return.
    /// - Returns: The matches, best first.
    /// - Throws: `ATSError` (`invalidInput` when no detail is given).
    public func findCandidates(_ details: CandidateDetails, limit: Int = 10) async throws -> [CandidateMatch] {
        let email = WorkableCandidateIdentity.normalizedEmail(details.email)
        let phone = Self.digits(details.phone)
        let first = Self.folded(details.firstName)
        let last = Self.folded(details.lastName)
        guard email != nil || phone != nil || first != nil || last != nil else {
            throw ATSError(
                code: .invalidInput, operation: ATSOperation.findCandidates.rawValue, provider: .workable,
                message: "Finding candidates needs an e-mail address, a phone number (7 digits or more) or a name.",
                suggestion: "Give at least one of them.")
        }
        guard limit > 0 else { return [] }
        var applications: [Application] = []
        if let email, phone == nil, first == nil, last == nil {
            applications = try await records(withEmail: email, operation: .findCandidates)
        } else {
            for try await record in changedRecords(.all, operation: .findCandidates) {
                applications.append(await map(record, operation: .findCandidates))
            }
        }
        let asked = [email != nil, phone != nil, first != nil, last != nil].count { $0 }
        var matches: [CandidateMatch] = []
        for candidate in Self.group(applications) {
            var fields: Set<CandidateMatch.Field> = []
            for application in applications where application.candidateID == candidate.id {
                let person = application.applicant
                if let email, WorkableCandidateIdentity.normalizedEmail(person.email) == email { fields.insert(.email) }
                if let phone, let digits = Self.digits(person.phone), digits.hasSuffix(phone) || phone.hasSuffix(digits)
                {
                    fields.insert(.phone)
                }
                if let first, Self.folded(person.firstName) == first { fields.insert(.firstName) }
                if let last, Self.folded(person.lastName) == last { fields.insert(.lastName) }
            }
            if fields.contains(.firstName), fields.contains(.lastName) { fields.insert(.fullName) }
            let matched = [
                fields.contains(.email), fields.contains(.phone), fields.contains(.firstName),
                fields.contains(.lastName),
            ].count { $0 }
            guard matched > 0 else { continue }
            matches.append(
                CandidateMatch(candidate: candidate, score: Double(matched) / Double(asked), matchedFields: fields))
        }
        matches.sort {
            $0.score != $1.score
                ? $0.score > $1.score
                : ($0.candidate.updatedAt ?? .distantPast) > ($1.candidate.updatedAt ?? .distantPast)
        }
        return Array(matches.prefix(limit))
    }

    /// Every record with this normalised e-mail, through Workable's `email` filter.
    func records(withEmail email: String, operation: ATSOperation) async throws -> [Application] {
        let request = WorkableAPI.Candidates.ListRequest(email: email)
        var applications: [Application] = []
        let records = try await WorkableErrors.translating(operation, subject: "the records of an e-mail address") {
            try await api.candidates.list(request, logger: logger).collect()
        }
        for record in records where WorkableCandidateIdentity.normalizedEmail(record.email) == email {
            applications.append(await map(record, operation: operation))
        }
        return applications
    }

    /// The people a change query selects, with all their records.
    func changedCandidates(_ query: ATSChangeQuery) async throws -> [Candidate] {
        let operation = ATSOperation.streamCandidates
        var applications: [Application] = []
        if query.updatedAfter == nil {
            for try await record in changedRecords(ATSChangeQuery(), operation: operation) {
                applications.append(await map(record, operation: operation))
            }
        } else {
            var changed: [Application] = []
            for try await record in changedRecords(
                ATSChangeQuery(updatedAfter: query.updatedAfter), operation: operation)
            {
                changed.append(await map(record, operation: operation))
            }
            let people = Set(changed.map(\.candidateID))
            if people.count <= settings.candidateLookupLimit {
                var seen: Set<String> = []
                for application in changed {
                    guard let email = WorkableCandidateIdentity.normalizedEmail(application.applicant.email) else {
                        applications.append(application)
                        continue
                    }
                    guard seen.insert(email).inserted else { continue }
                    applications += try await records(withEmail: email, operation: operation)
                }
            } else {
                for try await record in changedRecords(ATSChangeQuery(), operation: operation)
                where people.contains(identity.candidateID(email: record.email, recordID: record.id.rawValue)) {
                    applications.append(await map(record, operation: operation))
                }
            }
        }
        var candidates = Self.group(applications)
        if let jobs = query.jobIDs {
            candidates = candidates.filter { !jobs.isDisjoint(with: $0.jobIDs) }
        }
        return candidates
    }

    /// Applications grouped into people by their candidate id (normalised e-mail): records oldest
    /// first, details and custom fields from the latest record, people in the order of their first
    /// record. What ``streamCandidates(_:)`` builds, for callers holding the records already (a mirror).
    /// - Parameter applications: The applications.
    /// - Returns: The candidates.
    public static func candidates(grouping applications: [Application]) -> [Candidate] { group(applications) }

    /// Applications grouped into people (see ``candidates(grouping:)``).
    static func group(_ applications: [Application]) -> [Candidate] {
        var order: [CandidateID] = []
        var byPerson: [CandidateID: [Application]] = [:]
        for application in applications {
            if byPerson[application.candidateID] == nil { order.append(application.candidateID) }
            byPerson[application.candidateID, default: []].append(application)
        }
        return order.compactMap { id in
            guard var records = byPerson[id] else { return nil }
            var seen: Set<ApplicationID> = []
            records = records.filter { seen.insert($0.id).inserted }
            records.sort { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
            guard let latest = records.last else { return nil }
            return Candidate(
                id: id, person: latest.applicant, applicationIDs: records.map(\.id), jobIDs: records.map(\.jobID),
                customFields: latest.customFields, createdAt: records.first?.createdAt,
                updatedAt: records.compactMap(\.updatedAt).max())
        }
    }

    static func digits(_ phone: String?) -> String? {
        guard let phone else { return nil }
        let digits = String(phone.filter { $0.isASCII && $0.isNumber })
        return digits.count >= 7 ? digits : nil
    }

    static func folded(_ name: String?) -> String? {
        guard let name else { return nil }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded.isEmpty ? nil : folded
    }
}
