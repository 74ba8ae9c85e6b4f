public import ATSCore
import Foundation
import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// One placement as an application (`getRecords X` with its id, never hidden by the list filter).
    /// - Parameter id: The placement id.
    /// - Returns: The application.
    /// - Throws: ``ATSCore/ATSError`` (``ATSCore/ATSError/Code/notFound`` when there is none).
    public func application(_ id: ApplicationID) async throws -> Application {
        try await RMSErrors.mapping(.application) {
            let placement = try await placement(id, operation: .application)
            return RMSRecordMapping(metadata: try await metadata.current()).application(placement)
        }
    }

    /// The account's placement statuses, in its order (plus configured known stages it lacks).
    /// - Returns: The stages.
    /// - Throws: ``ATSCore/ATSError`` with ``ATSCore/ATSError/Code/notSupported`` when the account
    ///   exposes no status list and no stage is configured.
    public func allApplicationStages() async throws -> [Stage] {
        let metadata = try await metadata.current()
        guard !metadata.placementStatuses.isEmpty else {
            throw ATSError.notSupported(
                .allApplicationStages, provider: .trackerRMS,
                reason: "This Tracker RMS account does not expose its placement statuses (getSettings and "
                    + "getSettingsData gave none"
                    + (metadata.settingsFailure.map { ": \($0)" } ?? "")
                    + "); configure them as known stages (--known-stage NAME=ID, ids from Tracker's support).")
        }
        return metadata.stages
    }

    /// One opportunity as a job.
    /// - Parameter id: The opportunity id.
    /// - Returns: The job.
    /// - Throws: ``ATSCore/ATSError`` (``ATSCore/ATSError/Code/notFound`` when there is none).
    public func job(_ id: JobID) async throws -> Job {
        try await RMSErrors.mapping(.job) {
            guard let opportunity = try await rms.record(RMSOpportunity.self, id: RMSRecordID(rawValue: id.rawValue))
            else { throw RMSErrors.notFound("opportunity (job)", id: id.rawValue, operation: .job) }
            return RMSRecordMapping(metadata: try await metadata.current()).job(opportunity)
        }
    }

    /// One job with its typed custom fields, its work type as category and its applications per stage
    /// (from the job's own `Placements` list, so early stages a live account's list hides count too).
    /// - Parameter id: The opportunity id.
    /// - Returns: The enhanced job.
    /// - Throws: ``ATSCore/ATSError``.
    public func enhancedJob(_ id: JobID) async throws -> EnhancedJob {
        try await RMSErrors.mapping(.enhancedJob) {
            let recordID = RMSRecordID(rawValue: id.rawValue)
            guard let opportunity = try await rms.record(RMSOpportunity.self, id: recordID) else {
                throw RMSErrors.notFound("opportunity (job)", id: id.rawValue, operation: .enhancedJob)
            }
            let metadata = try await metadata.current()
            let mapping = RMSRecordMapping(metadata: metadata)
            let detail = try await rms.opportunity(recordID)
            var counts: [String: Int] = [:]
            try await withThrowingTaskGroup(of: String?.self) { group in
                var pending = detail.placements.makeIterator()
                func addNext() -> Bool {
                    guard let entry = pending.next() else { return false }
                    group.addTask {
                        let placement = try await rms.record(RMSPlacement.self, id: entry.placementID)
                        return placement.flatMap { metadata.stage(of: $0)?.name }
                    }
                    return true
                }
                for _ in 0..<max(1, settings.maximumConcurrency) where !addNext() { break }
                while let stage = try await group.next() {
                    if let stage { counts[stage, default: 0] += 1 }
                    _ = addNext()
                }
            }
            return EnhancedJob(
                job: mapping.job(opportunity),
                customFields: mapping.customFieldEntries(opportunity.customFields, owner: .job),
                category: opportunity.workType, applicationCountsByStage: counts)
        }
    }

    /// Many jobs by id, with bounded concurrency; one failure does not stop the others.
    /// - Parameters:
    ///   - ids: The ids; repeats are looked up once.
    ///   - maximumConcurrency: Lookups at once (at least 1).
    /// - Returns: One outcome per distinct id, in order.
    /// - Throws: `CancellationError` only.
    public func batchJobs(_ ids: [JobID], maximumConcurrency: Int) async throws -> [JobLookup] {
        var seen: Set<JobID> = []
        let order = ids.filter { seen.insert($0).inserted }
        var results: [JobID: ATSLookupResult<Job>] = [:]
        try await withThrowingTaskGroup(of: (JobID, ATSLookupResult<Job>).self) { group in
            var pending = order.makeIterator()
            func addNext() -> Bool {
                guard let id = pending.next() else { return false }
                group.addTask {
                    do {
                        return (id, .found(try await job(id)))
                    } catch let error as ATSError where error.code == .notFound {
                        return (id, .notFound)
                    } catch let error as ATSError {
                        return (id, .failed(error))
                    }
                }
                return true
            }
            for _ in 0..<max(1, maximumConcurrency) where !addNext() { break }
            while let (id, result) = try await group.next() {
                results[id] = result
                _ = addNext()
            }
        }
        return order.map { ATSLookup(id: $0, result: results[$0] ?? .notFound) }
    }

    /// The placement with an id, or `notFound`.
    func placement(_ id: ApplicationID, operation: ATSOperation) async throws -> RMSPlacement {
        guard let placement = try await rms.record(RMSPlacement.self, id: RMSRecordID(rawValue: id.rawValue)) else {
            throw RMSErrors.notFound("placement (application)", id: id.rawValue, operation: operation)
        }
        return placement
    }
}
