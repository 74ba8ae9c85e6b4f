public import ATSCore
import Foundation
import TrackerAPI

extension TrackerATSClient {
    /// Jobs changed at or after `query.updatedAfter` (see ``TrackerLookBack`` for how the request is
    /// widened and the overlap removed), optionally only the jobs in `query.jobIDs`.
    /// - Parameter query: The bound and the jobs.
    /// - Returns: A lazy, cancellable stream of jobs, each change once.
    public func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job> {
        let window = changeWindow(query)
        let metadata = metadata
        let changes = TrackerChangeSequence(
            client: self,
            operation: .streamJobs,
            query: query,
            window: window,
            sentJobFilter: false,
            pageSize: api.configuration.pageSize,
            pages: api.jobs.pages(.init(updatedAfter: window.requestBound), logger: logger),
            traits: ChangeRecordTraits(id: { $0.id.rawValue }, updatedAt: { $0.updatedAt }, jobID: { $0.id.rawValue }),
            prepare: { jobs in
                let schemas = try await metadata.customFieldSchemas(
                    covering: jobs.flatMap(\.customFields.keys), for: .job)
                await metadata.observe(categories: jobs.compactMap(\.category))
                let schema = schemas.jobs
                return { TrackerRecordMapping.job($0, schema: schema) }
            }
        )
        return ATSStream(changes)
    }

    /// Applications changed at or after `query.updatedAfter`, optionally only those of the jobs in
    /// `query.jobIDs` (one job is also sent to Tracker as `job_id`; the filter is always applied
    /// on the client too, since servers may ignore it).
    /// - Parameter query: The bound and the jobs.
    /// - Returns: A lazy, cancellable stream of applications, each change once.
    public func streamApplications(_ query: ATSChangeQuery) -> ATSStream<Application> {
        ATSStream(applicationChanges(query, operation: .streamApplications))
    }

    /// Candidates with an application changed at or after `query.updatedAfter` (and to one of
    /// `query.jobIDs`), each once with every application they made.
    ///
    /// Lazy and cancellable, but not flat: a candidate is complete only when every application has
    /// been read, so the first `next()` reads the changed applications, then every application,
    /// and holds the selected candidates (names, contacts and ids, not raw payloads) in memory.
    /// - Parameter query: The bound and the jobs.
    /// - Returns: The candidates, in the order of their first application.
    public func streamCandidates(_ query: ATSChangeQuery) -> ATSStream<Candidate> {
        ATSStream(CandidateChangeSequence(client: self, query: query))
    }

    // MARK: Building blocks

    func changeWindow(_ query: ATSChangeQuery) -> ChangeWindow {
        guard let bound = query.updatedAfter else { return ChangeWindow(lowerBound: nil, lookBack: 0) }
        let lookBack = configuration.lookBack.duration(accountTimeZone: accountTimeZone, around: bound)
        return ChangeWindow(lowerBound: bound, lookBack: lookBack.timeInterval)
    }

    func applicationChanges(_ query: ATSChangeQuery, operation: ATSOperation)
        -> TrackerChangeSequence<TrackerApplication, Application>
    {
        let window = changeWindow(query)
        let singleJob = query.jobIDs.flatMap { $0.count == 1 ? $0.first : nil }
        let request = TrackerApplicationListRequest(
            updatedAfter: window.requestBound,
            jobID: singleJob.map { TrackerJobID(rawValue: $0.rawValue) }
        )
        let metadata = metadata
        let identity = identity
        return TrackerChangeSequence(
            client: self,
            operation: operation,
            query: query,
            window: window,
            sentJobFilter: singleJob != nil,
            pageSize: api.configuration.pageSize,
            pages: api.applications.pages(request, logger: logger),
            traits: ChangeRecordTraits(
                id: { $0.id.rawValue }, updatedAt: { $0.updatedAt }, jobID: { $0.jobID?.rawValue }),
            prepare: { applications in
                let schemas = try await metadata.customFieldSchemas(
                    covering: applications.flatMap(\.customFields.keys), for: .application)
                await metadata.observe(statuses: applications.compactMap { $0.status?.rawValue })
                let schema = schemas.applications
                return { TrackerRecordMapping.application($0, schema: schema, identity: identity) }
            }
        )
    }

    /// The candidates a candidate stream yields: those with a changed application, built from all
    /// of their applications.
    func changedCandidates(_ query: ATSChangeQuery) async throws -> [Candidate] {
        var selected: Set<CandidateID>?
        if query.updatedAfter != nil || query.jobIDs != nil {
            var changed: Set<CandidateID> = []
            for try await application in applicationChanges(query, operation: .streamCandidates) {
                changed.insert(application.candidateID)
            }
            guard !changed.isEmpty else { return [] }
            selected = changed
        }
        let map = try await applicationMapper(.streamCandidates)
        let identity = identity
        var collection = CandidateCollection()
        try await scanApplications(.streamCandidates) { wire in
            if let selected, !selected.contains(identity.candidateID(of: wire)) { return }
            collection.add(map(wire))
        }
        return collection.candidates
    }

    /// Reads every application (of one job, when given) and hands each wire record to `visit`;
    /// repeats from page shifts are skipped and statuses are noted in the metadata.
    func scanApplications(
        _ operation: ATSOperation,
        jobID: TrackerJobID? = nil,
        _ visit: (TrackerApplication) throws -> Void
    ) async throws {
        var recent = RecentDeliveries(capacity: 2 * api.configuration.pageSize)
        try await translating(operation) {
            for try await page in api.applications.pages(.init(jobID: jobID), logger: logger) {
                await metadata.observe(statuses: page.records.compactMap { $0.status?.rawValue })
                for wire in page.records {
                    if let jobID, wire.jobID != jobID {
                        record(.jobFilterIgnored, operation: operation, detail: "job_id returned other jobs")
                        continue
                    }
                    guard recent.insert(.init(id: wire.id.rawValue, updatedAt: wire.updatedAt?.date)) else { continue }
                    try visit(wire)
                }
            }
        }
    }

    /// Maps wire applications with the current application schema.
    func applicationMapper(_ operation: ATSOperation) async throws -> @Sendable (TrackerApplication) -> Application {
        let schemas = try await translating(operation) { try await metadata.customFieldSchemas() }
        let schema = schemas.applications
        let identity = identity
        return { TrackerRecordMapping.application($0, schema: schema, identity: identity) }
    }
}
