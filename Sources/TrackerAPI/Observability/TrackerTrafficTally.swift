/// The requests of one piece of work, counted apart from the client's running total.
///
/// ``TrackerAPI/traffic`` counts everything a client sends. When several pieces of work share one
/// client at the same time (a sync reads its streams concurrently), subtracting two snapshots of
/// that total mixes their requests up. A tally counts only what is sent inside ``counting(isolation:_:)``:
/// by the work itself and by every task it starts, including the tasks that fetch pages ahead.
///
/// ```swift
/// let tally = TrackerTrafficTally()
/// let jobs = try await tally.counting { try await api.jobs.list() }
/// print(tally.traffic.requests)
/// ```
public final class TrackerTrafficTally: Sendable {
    let counters = TrafficCounters()

    /// Creates an empty tally.
    public init() {}

    /// What has been counted so far.
    public var traffic: TrackerTraffic { counters.snapshot }

    /// Runs `work`, counting into this tally every request that it, and any task it starts, sends.
    ///
    /// Tallies nest: a request made inside two `counting` scopes is counted by both (and always by
    /// the client's total).
    /// - Parameters:
    ///   - isolation: Where `work` runs; the caller's isolation.
    ///   - work: The work to count.
    /// - Returns: What `work` returns.
    /// - Throws: What `work` throws.
    public func counting<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ work: () async throws -> Result
    ) async rethrows -> Result {
        // A task-local value is what reaches the page fetcher's own tasks without threading a
        // parameter through every endpoint: `Task {}` inherits it, `Task.detached` would not.
        try await Self.$active.withValue(Self.active + [counters], operation: work, isolation: isolation)
    }

    /// The tallies counting the current task's requests, innermost last.
    @TaskLocal static var active: [TrafficCounters] = []
}

extension TrackerAPI {
    /// Counts one attempt into the client's total and into the tallies of the current task.
    func recordTrafficAttempt(status: Int?) {
        trafficCounters.recordAttempt(status: status)
        for counters in TrackerTrafficTally.active { counters.recordAttempt(status: status) }
    }

    /// Counts one retry into the client's total and into the tallies of the current task.
    func recordTrafficRetry() {
        trafficCounters.recordRetry()
        for counters in TrackerTrafficTally.active { counters.recordRetry() }
    }
}
