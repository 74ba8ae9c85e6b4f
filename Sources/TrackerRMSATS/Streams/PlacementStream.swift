import ATSCore
import Foundation
import TrackerRMSAPI

/// The placements a change query selects: the placements list, then (on a complete read that
/// cross-checks) every job's `Placements` list, reading the placements the list hid one by one.
///
/// Memory holds one page, the ids delivered so far (to de-duplicate a page shift and to know what
/// the list hid) and one job's placements.
struct PlacementStream: AsyncSequence, Sendable {
    let client: TrackerRMSATSClient
    let query: ATSChangeQuery
    let crossChecks: Bool

    func makeAsyncIterator() -> Iterator {
        Iterator(
            client: client, query: query, crossChecks: crossChecks,
            list: client.rms.placements(RMSChangeFilter.wireQuery(query)).records.makeAsyncIterator())
    }

    struct Iterator: AsyncIteratorProtocol {
        let client: TrackerRMSATSClient
        let query: ATSChangeQuery
        let crossChecks: Bool
        var list: RMSRecordSequence<RMSPlacement>.Iterator?
        var jobs: RMSRecordSequence<RMSOpportunity>.Iterator?
        var hidden: [RMSRecordID] = []
        var seen: Set<RMSRecordID> = []

        mutating func next() async throws -> RMSPlacement? {
            while var reading = list {
                let next = try await reading.next()
                list = next == nil ? nil : reading
                guard let placement = next else { break }
                guard seen.insert(placement.id).inserted, admits(placement) else { continue }
                return placement
            }
            guard crossChecks else { return nil }
            return try await nextHidden()
        }

        private func admits(_ placement: RMSPlacement) -> Bool {
            client.noteUnplaced(placement.lastUpdated)
            guard RMSChangeFilter.admits(placement.lastUpdated, after: query.updatedAfter) else { return false }
            if let jobs = query.jobIDs {
                guard let job = placement.opportunityID, jobs.contains(JobID(job.rawValue)) else { return false }
            }
            return true
        }

        /// The next placement a job names that the list did not return.
        private mutating func nextHidden() async throws -> RMSPlacement? {
            if jobs == nil {
                jobs = client.rms.opportunities(RMSRecordQuery(pageSize: nil)).records.makeAsyncIterator()
            }
            while true {
                while let id = hidden.popLast() {
                    guard seen.insert(id).inserted else { continue }
                    if let placement = try await client.rms.record(RMSPlacement.self, id: id), admits(placement) {
                        client.notice(
                            .placementsHiddenFromList,
                            detail: "placement \(id) is on its job but was not in the placements list")
                        return placement
                    }
                }
                guard var reading = jobs, let job = try await reading.next() else {
                    jobs = nil
                    return nil
                }
                jobs = reading
                if let wanted = query.jobIDs, !wanted.contains(JobID(job.id.rawValue)) { continue }
                let detail: RMSOpportunityDetail
                do {
                    detail = try await client.rms.opportunity(job.id)
                } catch let error as TrackerRMSError where error.code == .recordNotFound {
                    continue  // Deleted since it was listed.
                }
                hidden = detail.placements.map(\.placementID).filter { !seen.contains($0) }.reversed()
            }
        }
    }
}

/// Resources changed since a moment (or with a placement changed since), as candidates.
struct CandidateStream: AsyncSequence, Sendable {
    let client: TrackerRMSATSClient
    let query: ATSChangeQuery
    let mapping: RMSRecordMapping
    let index: RMSPlacementIndex

    func makeAsyncIterator() -> Iterator {
        Iterator(
            stream: self, list: client.rms.resources(RMSChangeFilter.wireQuery(query)).records.makeAsyncIterator(),
            pending: index.changedResources.sorted().reversed())
    }

    struct Iterator: AsyncIteratorProtocol {
        let stream: CandidateStream
        var list: RMSRecordSequence<RMSResource>.Iterator?
        var pending: [RMSRecordID]
        var seen: Set<RMSRecordID> = []

        mutating func next() async throws -> Candidate? {
            while var reading = list {
                let next = try await reading.next()
                list = next == nil ? nil : reading
                guard let resource = next else { break }
                stream.client.noteUnplaced(resource.lastUpdated)
                guard seen.insert(resource.id).inserted,
                    RMSChangeFilter.admits(resource.lastUpdated, after: stream.query.updatedAfter),
                    let candidate = stream.candidate(resource)
                else { continue }
                return candidate
            }
            // Resources unchanged themselves whose placements changed.
            while let id = pending.popLast() {
                guard seen.insert(id).inserted,
                    let resource = try await stream.client.rms.record(RMSResource.self, id: id),
                    let candidate = stream.candidate(resource)
                else { continue }
                return candidate
            }
            return nil
        }
    }

    /// The candidate, or nil when it applied to none of the query's jobs.
    ///
    /// Its `updatedAt` is the resource's own change time, as a read of the resource by id gives it:
    /// a time taken from its placements would move back when the newest one is deleted, and a
    /// mirror keeps the newer of two versions of a provider's record. A candidate whose
    /// applications changed keeps its time and differs in content, which the mirror stores.
    func candidate(_ resource: RMSResource) -> Candidate? {
        let placements = index.byResource[resource.id] ?? []
        if let jobs = query.jobIDs, !placements.contains(where: { jobs.contains(JobID($0.opportunityID.rawValue)) }) {
            return nil
        }
        return mapping.candidate(resource, placements: placements)
    }
}
