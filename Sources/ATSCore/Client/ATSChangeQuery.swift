public import Foundation

/// Which records a stream returns: those changed at or after a moment, optionally of some jobs.
public struct ATSChangeQuery: Hashable, Sendable {
    /// Only records whose last change is at or after this instant (inclusive); nil for every record.
    ///
    /// Providers whose servers compare in local time widen the request and then drop what is older
    /// than this instant, so a caller passing its previous high-water mark sees each change once.
    public var updatedAfter: Date?
    /// Only records of these jobs (for jobs: these jobs themselves); nil for every job.
    public var jobIDs: Set<JobID>?

    /// Creates a query.
    /// - Parameters:
    ///   - updatedAfter: The inclusive lower bound of the records' last change, or nil for all.
    ///   - jobIDs: The jobs to keep, or nil for all.
    public init(updatedAfter: Date? = nil, jobIDs: Set<JobID>? = nil) {
        self.updatedAfter = updatedAfter
        self.jobIDs = jobIDs
    }

    /// Every record of every job.
    public static let all = ATSChangeQuery()
}
