import ATSCore
import Foundation

/// Builds one derived candidate from their applications, keeping only what the candidate shows
/// (not the applications' raw payloads), so that many candidates can be built at once.
struct CandidateAccumulator: Sendable {
    private struct Entry: Sendable {
        var id: ApplicationID
        var jobID: JobID
        var appliedAt: Date
    }

    let id: CandidateID
    private var entries: [Entry] = []
    private var person = Person()
    private var customFields: [String: CustomFieldValue] = [:]
    private var latest: (appliedAt: Date, id: ApplicationID)?
    private var createdAt: Date?
    private var updatedAt: Date?

    init(id: CandidateID) {
        self.id = id
    }

    /// Adds one of the candidate's applications; adding the same application twice keeps the later copy.
    mutating func add(_ application: Application) {
        let appliedAt = application.appliedAt ?? application.createdAt ?? .distantPast
        entries.removeAll { $0.id == application.id }
        entries.append(Entry(id: application.id, jobID: application.jobID, appliedAt: appliedAt))
        // The most recent application carries the freshest contact details the person gave.
        if latest.map({ ($0.appliedAt, $0.id) < (appliedAt, application.id) }) ?? true {
            latest = (appliedAt, application.id)
            person = application.applicant
            customFields = application.customFields
        }
        if let created = application.appliedAt ?? application.createdAt {
            createdAt = min(createdAt ?? created, created)
        }
        if let updated = application.updatedAt {
            updatedAt = max(updatedAt ?? updated, updated)
        }
    }

    var candidate: Candidate {
        let ordered = entries.sorted { ($0.appliedAt, $0.id) < ($1.appliedAt, $1.id) }
        return Candidate(
            id: id,
            person: person,
            applicationIDs: ordered.map(\.id),
            jobIDs: ordered.map(\.jobID),
            customFields: customFields,
            createdAt: createdAt,
            updatedAt: updatedAt
        )
    }
}

/// Candidates being built, in the order first seen.
struct CandidateCollection: Sendable {
    private var order: [CandidateID] = []
    private var accumulators: [CandidateID: CandidateAccumulator] = [:]

    var isEmpty: Bool { order.isEmpty }

    mutating func add(_ application: Application) {
        let id = application.candidateID
        if accumulators[id] == nil {
            order.append(id)
            accumulators[id] = CandidateAccumulator(id: id)
        }
        accumulators[id]?.add(application)
    }

    /// The candidates, in the order first seen.
    var candidates: [Candidate] {
        order.compactMap { accumulators[$0]?.candidate }
    }
}
