import ATSCore
import Foundation
import TrackerRMSAPI

/// Resources changed since a moment (or with a placement changed since), as candidates.
///
/// The placement index is read when the first resource arrives, not before the list's first page:
/// by then a complete applications read started with it in the same sync run has claimed the
/// index's placements (RMSPlacementIndexHub), and this stream waits for it instead of reading them
/// again.
struct CandidateStream: AsyncSequence, Sendable {
    let client: TrackerRMSATSClient
    let query: ATSChangeQuery
    let mapping: RMSRecordMapping

    func makeAsyncIterator() -> Iterator {
        Iterator(
            stream: self, list: client.rms.resources(RMSChangeFilter.wireQuery(query)).records.makeAsyncIterator())
    }

    struct Iterator: AsyncIteratorProtocol {
        let stream: CandidateStream
        var list: RMSRecordSequence<RMSResource>.Iterator?
        var index: RMSPlacementIndex?
        /// Resources whose placements changed, to read by id after the list, last first.
        var pending: [RMSRecordID] = []
        /// Resources read by id and not yet delivered, last first.
        var ready: [RMSResource] = []
        var seen: Set<RMSRecordID> = []

        init(stream: CandidateStream, list: RMSRecordSequence<RMSResource>.Iterator) {
            self.stream = stream
            self.list = list
        }

        mutating func next() async throws -> Candidate? {
            while var reading = list {
                let next = try await reading.next()
                list = next == nil ? nil : reading
                guard let resource = next else { break }
                stream.client.noteUnplaced(resource.lastUpdated)
                guard seen.insert(resource.id).inserted,
                    RMSChangeFilter.admits(resource.lastUpdated, after: stream.query.updatedAfter),
                    let candidate = stream.candidate(resource, index: try await placementIndex())
                else { continue }
                return candidate
            }
            // Resources unchanged themselves whose placements changed, read a few at a time.
            let index = try await placementIndex()
            while true {
                while let resource = ready.popLast() {
                    if let candidate = stream.candidate(resource, index: index) { return candidate }
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

        private mutating func placementIndex() async throws -> RMSPlacementIndex {
            if let index { return index }
            let read = try await stream.client.placementIndex(changedAfter: stream.query.updatedAfter)
            index = read
            pending = read.changedResources.sorted().reversed()
            return read
        }
    }

    /// The candidate, or nil when it applied to none of the query's jobs.
    ///
    /// Its `updatedAt` is the resource's own change time, as a read of the resource by id gives it:
    /// a time taken from its placements would move back when the newest one is deleted, and a
    /// mirror keeps the newer of two versions of a provider's record. A candidate whose
    /// applications changed keeps its time and differs in content, which the mirror stores.
    func candidate(_ resource: RMSResource, index: RMSPlacementIndex) -> Candidate? {
        let placements = index.byResource[resource.id] ?? []
        if let jobs = query.jobIDs, !placements.contains(where: { jobs.contains(JobID($0.opportunityID.rawValue)) }) {
            return nil
        }
        return mapping.candidate(resource, placements: placements)
    }
}
