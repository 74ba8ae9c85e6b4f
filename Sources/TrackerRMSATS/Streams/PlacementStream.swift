import ATSCore
import Foundation
import TrackerRMSAPI

/// The placements a change query selects: the placements list, then (on a complete read that
/// cross-checks) every job's `Placements` list, reading the placements the list hid.
///
/// The jobs' lists and the hidden placements are read a few at a time (the client's
/// `maximumConcurrency`, through the one rate limiter of the wire client): at 50 ms a request, the
/// cross-check's thousands of job reads one after another were most of a first sync's time.
/// Memory holds one page, the ids delivered so far (to de-duplicate a page shift and to know what
/// the list hid), one batch of jobs' placements and, with a recorder, the index of ids.
struct PlacementStream: AsyncSequence, Sendable {
    let client: TrackerRMSATSClient
    let query: ATSChangeQuery
    let crossChecks: Bool
    /// Receives every placement delivered, and the end of the read (a complete read only).
    var recorder: RMSPlacementIndexRecorder?

    func makeAsyncIterator() -> Iterator {
        Iterator(
            client: client, query: query, crossChecks: crossChecks, recorder: recorder,
            list: client.rms.placements(RMSChangeFilter.wireQuery(query)).records.makeAsyncIterator())
    }

    struct Iterator: AsyncIteratorProtocol {
        let client: TrackerRMSATSClient
        let query: ATSChangeQuery
        let crossChecks: Bool
        let recorder: RMSPlacementIndexRecorder?
        var list: RMSRecordSequence<RMSPlacement>.Iterator?
        var jobs: RMSRecordSequence<RMSOpportunity>.Iterator?
        var jobsStarted = false
        /// Hidden placements read and not yet delivered, last first.
        var ready: [RMSPlacement] = []
        var seen: Set<RMSRecordID> = []

        mutating func next() async throws -> RMSPlacement? {
            do {
                let placement = try await nextPlacement()
                if let placement { recorder?.record(placement) } else { recorder?.finish() }
                return placement
            } catch {
                recorder?.fail()
                throw error
            }
        }

        private mutating func nextPlacement() async throws -> RMSPlacement? {
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
            if !jobsStarted {
                jobsStarted = true
                jobs = client.rms.opportunities(RMSRecordQuery(pageSize: nil)).records.makeAsyncIterator()
            }
            while true {
                if let placement = ready.popLast() { return placement }
                let batch = try await nextJobs()
                if batch.isEmpty { return nil }
                let client = client
                var hidden: [RMSRecordID] = []
                let named = try await RMSConcurrentReads.map(batch, limit: width) { id in
                    try await client.placementIDs(ofJob: id)
                }
                for placements in named {
                    for id in placements ?? [] where seen.insert(id).inserted { hidden.append(id) }
                }
                let read = try await RMSConcurrentReads.map(hidden, limit: width) { id in
                    try await client.rms.record(RMSPlacement.self, id: id)
                }
                for placement in read.compactMap({ $0 }) where admits(placement) {
                    client.notice(
                        .placementsHiddenFromList,
                        detail: "placement \(placement.id) is on its job but was not in the placements list")
                    ready.append(placement)
                }
                ready.reverse()
            }
        }

        private var width: Int { Swift.max(1, client.settings.maximumConcurrency) }

        /// The next jobs to cross-check (as many as are read at once), in the jobs list's order.
        private mutating func nextJobs() async throws -> [RMSRecordID] {
            var batch: [RMSRecordID] = []
            while batch.count < width, var reading = jobs {
                // A finished pager asked again would ask its last page again.
                guard let job = try await reading.next() else {
                    jobs = nil
                    break
                }
                jobs = reading
                if let wanted = query.jobIDs, !wanted.contains(JobID(job.id.rawValue)) { continue }
                batch.append(job.id)
            }
            return batch
        }
    }
}

extension TrackerRMSATSClient {
    /// The placement ids a job's record names, or nil when the job was deleted since it was listed.
    func placementIDs(ofJob id: RMSRecordID) async throws -> [RMSRecordID]? {
        try await placementEntries(ofJob: id).1?.map(\.placementID)
    }

    /// The job and the placements its record names (nil when the job was deleted since it was listed).
    func placementEntries(
        ofJob id: RMSRecordID
    ) async throws -> (RMSRecordID, [RMSOpportunityDetail.PlacementEntry]?) {
        do {
            return (id, try await rms.opportunity(id).placements)
        } catch let error as TrackerRMSError where error.code == .recordNotFound {
            return (id, nil)
        }
    }
}
