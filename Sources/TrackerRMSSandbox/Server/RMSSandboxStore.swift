internal import Foundation
internal import Synchronization

/// One request as the sandbox saw it. Carries no secret: only which kind of credential was used.
public struct RMSSandboxRequestLogEntry: Sendable, Hashable {
    /// The request's number (1-based, in arrival order).
    public var number: Int
    /// The HTTP method.
    public var method: String
    /// The path.
    public var path: String
    /// The widget operation, when the path names one.
    public var operation: String?
    /// `instructions.recordtype`, when sent.
    public var recordType: String?
    /// `instructions.pagenum`, when sent.
    public var pageNumber: Int?
    /// `instructions.numrecords`, when sent.
    public var pageSize: Int?
    /// `instructions.updatedafter`, when sent (a naive local time, not a secret).
    public var updatedAfter: String?
    /// Which credential authenticated: `bearer`, `basic`, `oauthtoken`, `username`, `apikey`, or `none`.
    public var credentialKind: String?
    /// The HTTP status answered.
    public var httpStatus: Int
    /// The envelope's `status`, when one was answered.
    public var rmsStatus: Int?
    /// The fault injected, if any.
    public var fault: RMSSandboxFault?
}

/// The sandbox's request-side state: counters, scripted faults, rate buckets, the log.
struct RMSSandboxTraffic: Sendable {
    var requestCount = 0
    var log: [RMSSandboxRequestLogEntry] = []
    var scriptedFaults: [RMSSandboxFault] = []
    var scriptedOperationFaults: [String: [RMSSandboxFault]] = [:]
    var buckets: [String: (tokens: Double, at: Double)] = [:]
    var restJWTs: Set<String> = []
    var mutationsApplied = 0
    var mutationEpoch: Int64 = 0

    mutating func append(_ entry: RMSSandboxRequestLogEntry, limit: Int) {
        log.append(entry)
        if log.count > limit { log.removeFirst(log.count - limit) }
    }

    /// Takes a token for `key`; the seconds to wait when none is left.
    mutating func takeToken(key: String, rate: Double, now: Double) -> Int? {
        let capacity = max(1, rate)
        var bucket = buckets[key] ?? (capacity, now)
        bucket.tokens = min(capacity, bucket.tokens + (now - bucket.at) * rate)
        bucket.at = now
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            buckets[key] = bucket
            return nil
        }
        buckets[key] = bucket
        return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
    }
}

/// The sandbox's state, shared by the responder and the control handle.
final class RMSSandboxStore: Sendable {
    let configuration: RMSSandboxConfiguration
    let time: RMSSandboxTime
    let data: Mutex<RMSSandboxData>
    let behaviorBox: Mutex<RMSSandboxBehavior>
    let traffic = Mutex(RMSSandboxTraffic())
    let queryCache = Mutex<(key: String, version: Int, ids: [Int])?>(nil)
    let stop = Mutex<(@Sendable () async -> Void)?>(nil)
    /// Told after every answered request, for tests that act at a chosen point of a client's run.
    let answers = RMSAnsweredRequests()

    init(configuration: RMSSandboxConfiguration) {
        self.configuration = configuration
        let zone = TimeZone(identifier: configuration.timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
        time = RMSSandboxTime(zone: zone)
        let now = Int64(configuration.clock.now().timeIntervalSince1970.rounded(.down))
        data = Mutex(RMSSandboxSeeder.seed(configuration, now: now))
        behaviorBox = Mutex(configuration.behavior)
        traffic.withLock { $0.mutationEpoch = now }
    }

    var behavior: RMSSandboxBehavior { behaviorBox.withLock { $0 } }

    /// The sandbox clock's now, whole seconds.
    var now: Int64 { Int64(configuration.clock.now().timeIntervalSince1970.rounded(.down)) }
}
