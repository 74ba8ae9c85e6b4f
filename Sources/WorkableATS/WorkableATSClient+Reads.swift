public import ATSCore
import Foundation
import WorkableAPI

extension WorkableATSClient {
    /// One application: the full candidate record, with its custom attributes typed.
    /// - Parameter id: The candidate record's id.
    /// - Returns: The application.
    /// - Throws: `ATSError` (`notFound` for an unknown id).
    public func application(_ id: ApplicationID) async throws -> Application {
        let record = try await fullRecord(id, operation: .application)
        let attributes = (try? await directory.customAttributes(operation: .application)) ?? []
        return await map(record, attributes: attributes, operation: .application)
    }

    /// The full record behind an application id.
    func fullRecord(_ id: ApplicationID, operation: ATSOperation) async throws -> WorkableCandidate {
        try await WorkableErrors.translating(operation, subject: "application \(id)") {
            try await api.candidates.get(WorkableCandidateID(id.rawValue), logger: logger)
        }
    }

    /// The account's disqualification reasons, in the account's order (both groups: rejected and withdrew).
    /// - Returns: The reasons; the id is Workable's reason id.
    /// - Throws: `ATSError`.
    public func dispositionReasons() async throws -> [RejectionReason] {
        try await directory.disqualificationReasons(operation: .dispositionReasons).map {
            RejectionReason(id: RejectionReasonID($0.id.rawValue), name: $0.description)
        }
    }

    /// The account's stages (`GET /stages`), in position order; the id is the slug.
    /// - Returns: The stages.
    /// - Throws: `ATSError`.
    public func allApplicationStages() async throws -> [Stage] {
        try await directory.stages(operation: .allApplicationStages).map(WorkableMapping.stage)
    }

    /// A job's own pipeline (`GET /jobs/{shortcode}/stages`), which may be a subset of the account's stages.
    /// - Parameter job: The job's shortcode.
    /// - Returns: The stages in pipeline order.
    /// - Throws: `ATSError` (`notFound` for an unknown job).
    public func stages(of job: JobID) async throws -> [Stage] {
        try await directory.pipeline(of: WorkableShortcode(job.rawValue), operation: .allApplicationStages)
            .map(WorkableMapping.stage)
    }

    /// One job, with its description.
    /// - Parameter id: The job's shortcode.
    /// - Returns: The job.
    /// - Throws: `ATSError` (`notFound` for an unknown shortcode).
    public func job(_ id: JobID) async throws -> Job {
        WorkableMapping.job(
            try await WorkableErrors.translating(.job, subject: "job \(id)") {
                try await api.jobs.get(WorkableShortcode(id.rawValue), logger: logger)
            })
    }

    /// One job with its application counts per stage (read from the job's candidate list, one
    /// request per 100 records); Workable jobs have no custom fields in v3.
    /// - Parameter id: The job's shortcode.
    /// - Returns: The enhanced job.
    /// - Throws: `ATSError`.
    public func enhancedJob(_ id: JobID) async throws -> EnhancedJob {
        let job = try await job(id)
        var counts: [String: Int] = [:]
        for try await application in streamApplications(ATSChangeQuery(jobIDs: [id])) {
            counts[application.stage?.name ?? "", default: 0] += 1
        }
        return EnhancedJob(job: job, customFields: [], category: job.category, applicationCountsByStage: counts)
    }

    /// Many jobs by shortcode, a few at a time (the limit is shared, so more at once is not faster).
    /// - Parameters:
    ///   - ids: The shortcodes; repeats are read once.
    ///   - maximumConcurrency: How many reads may run at once.
    /// - Returns: One outcome per distinct id, in the order given.
    /// - Throws: `CancellationError` only.
    public func batchJobs(_ ids: [JobID], maximumConcurrency: Int) async throws -> [JobLookup] {
        var seen: Set<JobID> = []
        let unique = ids.filter { seen.insert($0).inserted }
        let width = max(1, maximumConcurrency)
        var results: [JobID: ATSLookupResult<Job>] = [:]
        try await withThrowingTaskGroup(of: (JobID, ATSLookupResult<Job>).self) { group in
            var pending = unique.makeIterator()
            func addNext() -> Bool {
                guard let id = pending.next() else { return false }
                group.addTask {
                    do {
                        return (id, .found(try await self.job(id)))
                    } catch let error as ATSError where error.code == .notFound {
                        return (id, .notFound)
                    } catch let error as ATSError {
                        return (id, .failed(error))
                    }
                }
                return true
            }
            for _ in 0..<width where !addNext() { break }
            while let (id, result) = try await group.next() {
                results[id] = result
                _ = addNext()
            }
        }
        return unique.map { JobLookup(id: $0, result: results[$0] ?? .notFound) }
    }
}
