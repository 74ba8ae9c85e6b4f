import Synchronization

/// How much a client has asked of the server so far: for run reports and progress, not billing.
///
/// The counts only grow; take one snapshot before some work and one after, and subtract.
public struct TrackerTraffic: Sendable, Hashable {
    /// HTTP attempts sent, retries included.
    public var requests: Int
    /// Attempts that were retried (after a transport failure, a 5xx, a 429 or an unreadable answer).
    public var retries: Int
    /// Attempts the server answered with 429 Too Many Requests.
    public var rateLimited: Int

    /// Creates a tally.
    public init(requests: Int = 0, retries: Int = 0, rateLimited: Int = 0) {
        self.requests = requests
        self.retries = retries
        self.rateLimited = rateLimited
    }

    /// The traffic between an earlier snapshot and this one.
    /// - Parameter earlier: The earlier snapshot.
    /// - Returns: The difference.
    public func since(_ earlier: TrackerTraffic) -> TrackerTraffic {
        TrackerTraffic(
            requests: requests - earlier.requests, retries: retries - earlier.retries,
            rateLimited: rateLimited - earlier.rateLimited)
    }
}

/// The lock-free counters behind ``TrackerAPI/traffic``.
final class TrafficCounters: Sendable {
    private let requests = Atomic<Int>(0)
    private let retries = Atomic<Int>(0)
    private let rateLimited = Atomic<Int>(0)

    func recordAttempt(status: Int?) {
        requests.add(1, ordering: .relaxed)
        if status == 429 { rateLimited.add(1, ordering: .relaxed) }
    }

    func recordRetry() {
        retries.add(1, ordering: .relaxed)
    }

    var snapshot: TrackerTraffic {
        TrackerTraffic(
            requests: requests.load(ordering: .relaxed), retries: retries.load(ordering: .relaxed),
            rateLimited: rateLimited.load(ordering: .relaxed))
    }
}
