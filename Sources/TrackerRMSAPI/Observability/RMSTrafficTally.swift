import Synchronization

/// The requests of one piece of work, counted apart from the client's running total.
///
/// ``TrackerRMSClient/traffic`` counts everything a client sends. When several pieces of work share
/// one client at once (a sync reads its streams concurrently), two snapshots of that total mix
/// their requests up. A tally counts only what is sent inside ``counting(isolation:_:)``: by the
/// work itself and by every task it starts.
///
/// ```swift
/// let tally = RMSTrafficTally()
/// try await tally.counting {
///     for try await job in client.opportunities(RMSRecordQuery()).records { print(job.id) }
/// }
/// print(tally.traffic.requests, tally.traffic.retries)
/// ```
public final class RMSTrafficTally: Sendable {
    private let counts = Mutex(RMSTraffic())

    /// Creates an empty tally.
    public init() {}

    /// What was counted so far: requests (retries included), retries, 429 answers, status-99 answers.
    public var traffic: RMSTraffic { counts.withLock { $0 } }

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
    @TaskLocal static var active: [RMSTrafficTally] = []

    func record(_ update: (inout RMSTraffic) -> Void) { counts.withLock { update(&$0) } }
}
