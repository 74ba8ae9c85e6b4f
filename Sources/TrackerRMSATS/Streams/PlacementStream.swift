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
            if jobs == nil {
                jobs = client.rms.opportunities(RMSRecordQuery(pageSize: nil)).records.makeAsyncIterator()
            }
            while true {
                if let placement = ready.popLast() { return placement }
                let batch = try await nextJobs()
                if batch.isEmpty {
                    jobs = nil
                    return nil
                }
                let client = client
                var hidden: [RMSRecordID] = []
                for placements in try await RMSConcurrentReads.map(
                    batch, limit: width,
                    { id in
                        try await client.placementIDs(ofJob: id)
                    })
                {
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
            while batch.count < width, var reading = jobs, let job = try await reading.next() {
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
        do {
            return try await rms.opportunity(id).placements.map(\.placementID)
        } catch let error as TrackerRMSError where error.code == .recordNotFound {
            return nil
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
        /// Resources read by id and not yet delivered, last first.
        var ready: [RMSResource] = []
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
            // Resources unchanged themselves whose placements changed, read a few at a time.
            while true {
                while let resource = ready.popLast() {
                    if let candidate = stream.candidate(resource) { return candidate }
                }
                let width = Swift.max(1, stream.client.settings.maximumConcurrency)
                var batch: [RMSRecordID] = []
                while batch.count < width, let id = pending.popLast() {
                    if seen.insert(id).inserted { batch.append(id) }
                }
                if batch.isEmpty { return nil }
                let client = stream.client
                ready = try await RMSConcurrentReads.map(batch, limit: width) { id in
                    try await client.rms.record(RMSResource.self, id: id)
                }.compactMap { $0 }.reversed()
            }
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
