import Synchronization

/// The requests of one piece of work, counted apart from the client's running total.
///
/// ``WorkableAPI/traffic`` counts everything a client sends. When several pieces of work share one
/// client at once (a sync reads its streams concurrently), two snapshots of that total mix their
/// requests up. A tally counts only what is sent inside ``counting(isolation:_:)``: by the work
/// itself and by every task it starts.
///
/// ```swift
/// let tally = WorkableTrafficTally()
/// let jobs = try await tally.counting { try await api.jobs.list().collect() }
/// print(tally.requests, tally.rateLimitedResponses)
/// ```
public final class WorkableTrafficTally: Sendable {
    private let counts = Mutex(TrafficCounts())

    /// Creates an empty tally.
    public init() {}

    /// Requests sent, retries included.
    public var requests: Int { counts.withLock { $0.requests } }
    /// Requests that were retries.
    public var retries: Int { counts.withLock { $0.retries } }
    /// Answers 429.
    public var rateLimitedResponses: Int { counts.withLock { $0.rateLimited } }
    /// Attempts that failed (5xx, 408, transport).
    public var failedAttempts: Int { counts.withLock { $0.failed } }

    /// Runs `work`, counting into this tally every request that it, and any task it starts, sends.
    /// Tallies nest: a request inside two `counting` scopes is counted by both.
    /// - Parameters:
    ///   - isolation: Where `work` runs; the caller's isolation.
    ///   - work: The work to count.
    /// - Returns: What `work` returns.
    /// - Throws: What `work` throws.
    public func counting<Result>(
        isolation: isolated (any Actor)? = #isolation, _ work: () async throws -> Result
    ) async rethrows -> Result {
        // A task-local value reaches the tasks the work starts (`Task {}` and task groups inherit it).
        try await Self.$active.withValue(Self.active + [self], operation: work, isolation: isolation)
    }

    /// The tallies counting the current task's requests, innermost last.
    @TaskLocal static var active: [WorkableTrafficTally] = []

    func record(_ change: (inout TrafficCounts) -> Void) { counts.withLock { change(&$0) } }
}

extension WorkableAPI {
    /// Counts into the client's total and into the tallies of the current task.
    func count(_ change: (inout TrafficCounts) -> Void) {
        counters.withLock { change(&$0) }
        for tally in WorkableTrafficTally.active { tally.record(change) }
    }
}
