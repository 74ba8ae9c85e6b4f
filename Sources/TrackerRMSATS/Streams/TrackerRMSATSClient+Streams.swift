public import ATSCore
import Foundation
import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// Opportunities changed at or after the query's moment (every one without it), as jobs.
    /// - Parameter query: The lower bound and the jobs to keep.
    /// - Returns: The jobs, lazily, page by page.
    public func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job> {
        let client = self
        return ATSStream(
            DeferredStream(operation: .streamJobs) {
                let mapping = RMSRecordMapping(metadata: try await client.metadata.current())
                let records = client.rms.opportunities(RMSChangeFilter.wireQuery(query)).records
                return ATSStream(
                    CompactMappedStream(base: records) { opportunity -> Job? in
                        client.noteUnplaced(opportunity.lastUpdated)
                        guard RMSChangeFilter.admits(opportunity.lastUpdated, after: query.updatedAfter) else {
                            return nil
                        }
                        if let jobs = query.jobIDs, !jobs.contains(JobID(opportunity.id.rawValue)) { return nil }
                        return mapping.job(opportunity)
                    })
            })
    }

    /// Placements changed at or after the query's moment, as applications. A complete read (no
    /// moment) with ``PlacementListing/crossCheckedOnCompleteReads`` also reads every job's
    /// placements and the ones the list hid.
    /// - Parameter query: The lower bound and the jobs whose applications to keep.
    /// - Returns: The applications, lazily.
    public func streamApplications(_ query: ATSChangeQuery) -> ATSStream<Application> {
        let client = self
        return ATSStream(
            DeferredStream(operation: .streamApplications) {
                // Claimed before the first await, so that a candidates stream starting with it finds it.
                var placements = client.placementStream(query)
                if query.updatedAfter == nil, query.jobIDs == nil {
                    placements.recorder = client.placementIndexHub?.beginRecording()
                }
                let mapping = RMSRecordMapping(metadata: try await client.metadata.current())
                return ATSStream(
                    CompactMappedStream(base: placements) { placement in
                        mapping.application(placement)
                    })
            })
    }

    /// Resources changed at or after the query's moment, or with a placement changed since, as
    /// candidates with all their applications (from one scan of the placements). A candidate's
    /// `updatedAt` is the resource's own change time, never its placements'.
    /// - Parameter query: The lower bound and the jobs applied to.
    /// - Returns: The candidates, each once.
    public func streamCandidates(_ query: ATSChangeQuery) -> ATSStream<Candidate> {
        let client = self
        return ATSStream(
            DeferredStream(operation: .streamCandidates) {
                let mapping = RMSRecordMapping(metadata: try await client.metadata.current())
                return ATSStream(CandidateStream(client: client, query: query, mapping: mapping))
            })
    }

    /// The placements a change query selects, as the wire library's records.
    func placementStream(_ query: ATSChangeQuery) -> PlacementStream {
        PlacementStream(
            client: self, query: query,
            crossChecks: query.updatedAfter == nil && settings.placementListing == .crossCheckedOnCompleteReads)
    }

    /// Every placement (ids, job, resource), grouped by resource, and the resources with a placement
    /// changed at or after `bound`. Without a bound, the index of a complete applications read of the
    /// same sync run when one is under way (its placements read once for both streams).
    func placementIndex(changedAfter bound: Date?) async throws -> RMSPlacementIndex {
        if bound == nil, let shared = await placementIndexHub?.indexOfReadUnderWay() { return shared }
        if let bound, settings.placementListing == .crossCheckedOnCompleteReads {
            return try await crossCheckedIndex(changedAfter: bound)
        }
        var index = RMSPlacementIndex()
        for try await placement in placementStream(.all) {
            guard let ref = RMSPlacementRef(placement) else { continue }
            index.byResource[ref.resourceID, default: []].append(ref)
            if bound != nil, RMSChangeFilter.admits(placement.lastUpdated, after: bound) {
                index.changedResources.insert(ref.resourceID)
            }
        }
        return index
    }

    /// Every placement from the jobs' `Placements` lists (read `maximumConcurrency` at a time), and
    /// the resources with a placement in the change-filtered list: an incremental index that does not
    /// read the placements list whole, nor every placement the list hides one by one (a live account
    /// hides most of them). A placement the list hides reaches its candidate's row when the candidate
    /// changes or at the next complete scan, as it reaches the applications (the run report says so).
    private func crossCheckedIndex(changedAfter bound: Date) async throws -> RMSPlacementIndex {
        var index = RMSPlacementIndex()
        let client = self
        let width = Swift.max(1, settings.maximumConcurrency)
        var jobs = rms.opportunities(RMSRecordQuery(pageSize: nil)).records.makeAsyncIterator()
        var batch: [RMSRecordID] = []
        var finished = false
        while !finished {
            if let job = try await jobs.next() { batch.append(job.id) } else { finished = true }
            guard batch.count == width || (finished && !batch.isEmpty) else { continue }
            let entries = try await RMSConcurrentReads.map(batch, limit: width) { id in
                try await client.placementEntries(ofJob: id)
            }
            batch.removeAll()
            for (job, placements) in entries {
                for entry in placements ?? [] {
                    guard let resource = entry.resourceID else { continue }
                    index.byResource[resource, default: []].append(
                        RMSPlacementRef(id: entry.placementID, opportunityID: job, resourceID: resource))
                }
            }
        }
        for try await placement in placementStream(ATSChangeQuery(updatedAfter: bound)) {
            guard let ref = RMSPlacementRef(placement) else { continue }
            index.changedResources.insert(ref.resourceID)
            // New since the jobs were read: on its resource too.
            if !(index.byResource[ref.resourceID]?.contains { $0.id == ref.id } ?? false) {
                index.byResource[ref.resourceID, default: []].append(ref)
            }
        }
        return index
    }

    /// Notes that a time could not be placed because the zone is unknown.
    func noteUnplaced(_ stamp: RMSTimestamp?) {
        guard let stamp, stamp.placement == .unplaced else { return }
        notice(
            .naiveTimesUnplaced,
            detail: "Tracker RMS writes naive local times and the account's time zone is not configured")
    }
}

/// The placements grouped by resource.
struct RMSPlacementIndex: Sendable {
    var byResource: [RMSRecordID: [RMSPlacementRef]] = [:]
    /// Resources with a placement changed at or after the query's moment: read again even when
    /// unchanged themselves, since their applications changed.
    var changedResources: Set<RMSRecordID> = []
}
