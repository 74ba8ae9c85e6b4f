public import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// One job, its custom fields typed by the job schema.
    /// - Parameter id: The job's id.
    /// - Returns: The job.
    /// - Throws: `ATSError` (`ATSError.Code.notFound` when there is none).
    public func job(_ id: JobID) async throws -> Job {
        try await fetchJob(id, operation: .job)
    }

    /// One job with typed custom fields, its category and how many of its applications are in each
    /// status (an empty status name counts applications without one).
    ///
    /// The counts read the job's applications (`job_id` is sent; a server that ignores it costs a
    /// full scan, filtered on the client and reported as `ATSDiagnostic.jobFilterIgnored`).
    /// - Parameter id: The job's id.
    /// - Returns: The enhanced job.
    /// - Throws: `ATSError` (`ATSError.Code.notFound` when there is none).
    public func enhancedJob(_ id: JobID) async throws -> EnhancedJob {
        let job = try await fetchJob(id, operation: .enhancedJob)
        var statusByApplication: [String: String] = [:]
        try await scanApplications(.enhancedJob, jobID: TrackerJobID(rawValue: id.rawValue)) { wire in
            statusByApplication[wire.id.rawValue] = wire.status?.rawValue ?? ""
        }
        var counts: [String: Int] = [:]
        for status in statusByApplication.values { counts[status, default: 0] += 1 }
        let schemas = try await translating(.enhancedJob) { try await metadata.customFieldSchemas() }
        return EnhancedJob(
            job: job,
            customFields: schemas.jobs.entries(for: job.customFields),
            category: job.category,
            applicationCountsByStage: counts
        )
    }

    /// Many jobs by id, at most `maximumConcurrency` requests at once; one failure does not stop
    /// the others.
    /// - Parameters:
    ///   - ids: The ids; repeats are looked up once.
    ///   - maximumConcurrency: Requests at once (at least 1).
    /// - Returns: One outcome per distinct id, in the order given.
    /// - Throws: `CancellationError` only.
    public func batchJobs(_ ids: [JobID], maximumConcurrency: Int) async throws -> [JobLookup] {
        var seen: Set<JobID> = []
        let unique = ids.filter { seen.insert($0).inserted }
        var results: [ATSLookupResult<Job>?] = Array(repeating: nil, count: unique.count)
        try await withThrowingTaskGroup(of: (Int, ATSLookupResult<Job>).self) { group in
            var next = 0
            func start() {
                let index = next
                let id = unique[index]
                next += 1
                group.addTask { [self] in (index, try await lookUp(id)) }
            }
            while next < min(max(1, maximumConcurrency), unique.count) { start() }
            for try await (index, result) in group {
                results[index] = result
                if next < unique.count { start() }
            }
        }
        // Every started task reports exactly once, so `nil` cannot remain; it is mapped rather than
        // force-unwrapped.
        return zip(unique, results).map { id, result in
            JobLookup(
                id: id,
                result: result ?? .failed(ATSError(code: .providerError, operation: "batchJobs", message: "No result."))
            )
        }
    }

    /// Many jobs by id with the configured concurrency.
    /// - Parameter ids: The ids.
    /// - Returns: One outcome per distinct id, in the order given.
    /// - Throws: `CancellationError` only.
    public func batchJobs(_ ids: [JobID]) async throws -> [JobLookup] {
        try await batchJobs(ids, maximumConcurrency: configuration.batchConcurrency)
    }

    private func lookUp(_ id: JobID) async throws -> ATSLookupResult<Job> {
        do {
            return .found(try await fetchJob(id, operation: .batchJobs))
        } catch let error as ATSError where error.code == .notFound {
            return .notFound
        } catch let error as ATSError {
            return .failed(error)
        }
    }

    func fetchJob(_ id: JobID, operation: ATSOperation) async throws -> Job {
        let wire = try await translating(operation, subject: "job \(id)") {
            try await api.jobs.get(TrackerJobID(rawValue: id.rawValue), logger: logger)
        }
        let schemas = try await translating(operation) {
            try await metadata.customFieldSchemas(covering: wire.customFields.keys, for: .job)
        }
        if let category = wire.category { await metadata.observe(categories: [category]) }
        return TrackerRecordMapping.job(wire, schema: schemas.jobs)
    }
}
