internal import Foundation

/// Per-request bookkeeping: the request log, scripted faults, the request counter behind every
/// deterministic draw, and the rate limiter's token buckets. Kept apart from the data so a
/// request's bookkeeping never waits for a page being assembled.
struct TrafficState: Sendable {
    private(set) var log: [SandboxRequestLogEntry] = []
    /// The log is a ring once full: `logStart` is the oldest entry's index.
    private var logStart = 0
    var scriptedFaults: [SandboxFault] = []
    /// Faults waiting for a request with a given method and path ending.
    var targetedFaults: [(method: String, pathSuffix: String, fault: SandboxFault)] = []
    var requestCount = 0
    /// Requests a test asked to hold (``SandboxControl/holdRequest(numbered:at:)``), armed first.
    var holds: [SandboxHeldRequest] = []
    /// Requests answered (the log may keep fewer).
    private(set) var answeredCount = 0
    /// Requests being handled right now, and the most there were at once.
    private(set) var concurrent = 0
    var peakConcurrent = 0
    private var buckets: [String: TokenBucket] = [:]

    struct TokenBucket: Sendable {
        var tokens: Double
        var refilledAt: Date
    }

    /// Counts a request that the responder started handling.
    mutating func begin() {
        concurrent += 1
        peakConcurrent = max(peakConcurrent, concurrent)
    }

    /// Counts a request that the responder finished handling.
    mutating func end() {
        concurrent -= 1
    }

    /// Takes the first fault targeted at this method and path, if any.
    mutating func takeTargetedFault(method: String, path: String) -> SandboxFault? {
        guard let index = targetedFaults.firstIndex(where: { $0.method == method && path.hasSuffix($0.pathSuffix) })
        else { return nil }
        return targetedFaults.remove(at: index).fault
    }

    /// Takes the hold that catches request `number`, if one is armed for it; drops disarmed holds.
    mutating func takeHold(for number: Int) -> SandboxHeldRequest? {
        holds.removeAll { !$0.isArmed }
        guard let index = holds.firstIndex(where: { $0.firstNumber <= number }) else { return nil }
        return holds.remove(at: index)
    }

    mutating func append(_ entry: SandboxRequestLogEntry, limit: Int) {
        answeredCount += 1
        guard limit > 0 else { return }
        if log.count < limit {
            log.append(entry)
        } else {
            log[logStart] = entry
            logStart = (logStart + 1) % log.count
        }
    }

    /// The log, oldest first.
    var orderedLog: [SandboxRequestLogEntry] {
        Array(log[logStart...] + log[..<logStart])
    }

    mutating func clearLog() {
        log = []
        logStart = 0
    }

    /// Takes a token for `credential`; returns `nil` when allowed, else the whole seconds until a
    /// token is available (at least 1). The bucket holds one second's worth of requests.
    mutating func takeToken(credential: String, rate: Double, now: Date) -> Int? {
        let capacity = max(rate, 1)
        var bucket = buckets[credential] ?? TokenBucket(tokens: capacity, refilledAt: now)
        let elapsed = max(now.timeIntervalSince(bucket.refilledAt), 0)
        bucket.tokens = min(capacity, bucket.tokens + elapsed * rate)
        bucket.refilledAt = now
        defer { buckets[credential] = bucket }
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            return nil
        }
        return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
    }

    mutating func resetRateLimits() {
        buckets = [:]
    }
}
