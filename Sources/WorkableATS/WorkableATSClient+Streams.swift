public import ATSCore
import Foundation
import WorkableAPI

extension WorkableATSClient {
    /// How far before the caller's inclusive bound the `updated_after` filter is sent: Workable's
    /// comparison is strict and a server may keep fewer fraction digits than ATSKit sends, so the
    /// request is widened by a second and the overlap dropped here, exactly at the bound.
    static let filterMargin: TimeInterval = 1

    /// Jobs changed at or after the query's bound, in Workable's order; every state is read.
    /// - Parameter query: The lower bound (inclusive) and the jobs to keep.
    /// - Returns: The jobs; nothing is read until iterated.
    public func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job> {
        let api = api
        let logger = logger
        let bound = query.updatedAfter
        let wanted = query.jobIDs
        return ATSStream(
            ClosureSequence<Job> {
                let request = WorkableAPI.Jobs.ListRequest(updatedAfter: Self.widened(bound))
                let records = Box(api.jobs.list(request, logger: logger).records.makeAsyncIterator())
                return {
                    while true {
                        let next = try await WorkableErrors.translating(.streamJobs, subject: "the jobs") {
                            try await records.value.next()
                        }
                        guard let job = next else { return nil }
                        if let wanted, !wanted.contains(JobID(job.shortcode.rawValue)) { continue }
                        if let bound, let updated = job.updatedAt?.date, updated < bound { continue }
                        return WorkableMapping.job(job)
                    }
                }
            })
    }

    /// Applications (candidate records) changed at or after the query's bound, oldest first.
    ///
    /// One list request per 100 records, plus one for the account's stages and one per job's
    /// pipeline the first time a job is met: no request per record.
    /// - Parameter query: The lower bound (inclusive) and the jobs to keep.
    /// - Returns: The applications; nothing is read until iterated.
    public func streamApplications(_ query: ATSChangeQuery) -> ATSStream<Application> {
        let client = self
        return ATSStream(
            ClosureSequence<Application> {
                let records = Box(client.changedRecords(query, operation: .streamApplications).makeAsyncIterator())
                return {
                    guard let record = try await records.value.next() else { return nil }
                    return await client.map(record, operation: .streamApplications)
                }
            })
    }

    /// People with a record changed at or after the query's bound, each once with every record
    /// they have in any job (grouped by normalised e-mail).
    ///
    /// Without a bound every record is read once. With one, the changed records are read first;
    /// up to ``Settings/candidateLookupLimit`` changed people are then looked up by e-mail (one
    /// request each), more than that by one more read of every record.
    /// - Parameter query: The lower bound (inclusive) and the jobs applied to.
    /// - Returns: The candidates; nothing is read until iterated.
    public func streamCandidates(_ query: ATSChangeQuery) -> ATSStream<Candidate> {
        let client = self
        return ATSStream(
            ClosureSequence<Candidate> {
                let pending = Box<[Candidate]?>(nil)
                return {
                    if pending.value == nil {
                        pending.value = try await client.changedCandidates(query).reversed()
                    }
                    return pending.value?.popLast()
                }
            })
    }

    /// The candidate records a query selects, filtered exactly at its bound; one listing per job
    /// when a few jobs are asked for.
    func changedRecords(_ query: ATSChangeQuery, operation: ATSOperation) -> ClosureSequence<WorkableCandidate> {
        let api = api
        let logger = logger
        let bound = query.updatedAfter
        let jobs = query.jobIDs.map { $0.sorted().map { WorkableShortcode($0.rawValue) } }
        return ClosureSequence {
            // A few jobs are read with the shortcode filter; many, with one listing filtered here.
            let perJob = jobs.map { $0.count <= 5 } ?? false
            let listings = perJob ? (jobs ?? []).map { Optional($0) } : [nil]
            let remaining = Box(listings)
            let current = Box<WorkableRecords<WorkableCandidate>.AsyncIterator?>(nil)
            let wanted = jobs.map(Set.init)
            return {
                while true {
                    if current.value == nil {
                        guard !remaining.value.isEmpty else { return nil }
                        let shortcode = remaining.value.removeFirst()
                        let request = WorkableAPI.Candidates.ListRequest(
                            shortcode: shortcode, updatedAfter: Self.widened(bound))
                        current.value = api.candidates.list(request, logger: logger).records.makeAsyncIterator()
                    }
                    let next = try await WorkableErrors.translating(operation, subject: "the candidate records") {
                        try await current.value?.next()
                    }
                    guard let record = next else {
                        current.value = nil
                        continue
                    }
                    if let wanted, let job = record.jobShortcode, !wanted.contains(job) { continue }
                    if let bound, let updated = record.updatedAt?.date, updated < bound { continue }
                    return record
                }
            }
        }
    }

    /// The filter value for an inclusive bound (see ``filterMargin``).
    static func widened(_ bound: Date?) -> WorkableTimestamp? {
        bound.map { WorkableTimestamp($0.addingTimeInterval(-filterMargin)) }
    }

    /// A record as an application, its stage resolved against the job's pipeline and the account's
    /// stages; a list that cannot be read leaves the stage as the record's text.
    func map(_ record: WorkableCandidate, attributes: [WorkableCustomAttribute] = [], operation: ATSOperation) async
        -> Application
    {
        WorkableMapping.application(
            record, stage: await resolvedStage(record.stage, job: record.jobShortcode, operation: operation),
            identity: identity, attributes: attributes)
    }

    /// A stage text resolved in the contract's order (``WorkableMapping/resolveStage(_:pipeline:account:)``).
    func resolvedStage(_ text: String?, job: WorkableShortcode?, operation: ATSOperation) async -> Stage? {
        guard let text, !text.isEmpty else { return nil }
        var pipeline: [WorkableStage] = []
        if let job {
            pipeline = (try? await directory.pipeline(of: job, operation: operation)) ?? []
        }
        var account: [WorkableStage] = []
        if !pipeline.contains(where: { $0.slug.rawValue == text || $0.name == text }) {
            account = (try? await directory.stages(operation: operation)) ?? []
        }
        return WorkableMapping.resolveStage(text, pipeline: pipeline, account: account)
    }
}
