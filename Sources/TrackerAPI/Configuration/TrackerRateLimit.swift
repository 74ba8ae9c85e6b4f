/// A client-side request rate: a token bucket refilled at ``requestsPerSecond`` holding at most ``burst``.
public struct TrackerRateLimit: Sendable, Hashable {
    /// The sustained rate.
    public var requestsPerSecond: Double
    /// How many requests may go at once after a quiet period.
    public var burst: Int

    /// Creates a rate limit.
    /// - Parameters:
    ///   - requestsPerSecond: The sustained rate (more than zero).
    ///   - burst: The bucket size (at least 1).
    public init(requestsPerSecond: Double, burst: Int = 1) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }

    /// 10 requests per second, bursts of 10. Tracker does not document a limit; this is polite
    /// and fast enough to page 10,000 records a second at the default page size.
    public static let `default` = TrackerRateLimit(requestsPerSecond: 10, burst: 10)
}

/// How paging guards against offset shifts while records are created or deleted.
///
/// Index endpoints page by offset in ascending id order. When a record before the current offset
/// is deleted, every later record moves back one place and one of them falls between two pages.
/// With verification on, whenever ids jump at a page boundary (say page 1 ends with id 10 and
/// page 2 starts with id 14), the paginator asks for the single record at the old boundary
/// position (`per_page=1`). If that is still the last record of the earlier page nothing moved
/// and paging goes on; otherwise it re-reads the earlier page(s) and delivers the records that
/// moved back. This relies on new records getting ids above all earlier ones; it delivers a
/// record twice rather than miss one.
public struct TrackerPagingConsistency: Sendable, Hashable {
    /// Whether page boundaries with an id gap are verified.
    public var verifiesBoundaries: Bool

    /// Creates a consistency setting.
    /// - Parameter verifiesBoundaries: Whether page boundaries with an id gap are verified.
    public init(verifiesBoundaries: Bool = true) {
        self.verifiesBoundaries = verifiesBoundaries
    }

    /// Verify every boundary with an id gap: one extra one-record request per such boundary.
    public static let `default` = TrackerPagingConsistency()
    /// Never verify: fastest, but a deletion during paging can hide a record.
    public static let none = TrackerPagingConsistency(verifiesBoundaries: false)
}
