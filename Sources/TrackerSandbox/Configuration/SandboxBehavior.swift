public import Foundation

/// The sandbox's quirks and faults: every knob here can also be changed while the server runs,
/// through ``SandboxControl/updateBehavior(_:)``.
public struct SandboxBehavior: Sendable, Hashable {
    /// The account's time zone: naive timestamps are rendered in it and naive `updated_after`
    /// values are read in it. Default `America/Los_Angeles`.
    public var timeZone: TimeZone
    /// How job, application, note and file timestamps are rendered. Action and trigger records are
    /// always UTC with `Z`. Default ``SandboxTimestampMode/naiveLocal``.
    public var timestampMode: SandboxTimestampMode
    /// The shape of single-record GETs. Default ``SandboxSingleRecordShape/object``.
    public var singleRecordShape: SandboxSingleRecordShape
    /// Whether `updated_after` filters lists; when `false` the parameter is silently ignored.
    /// Default `true`.
    public var honoursUpdatedAfter: Bool
    /// Requests per second allowed per credential (a token bucket holding one second's worth);
    /// excess requests get `429` with `Retry-After`. `nil` (the default) means unlimited.
    public var rateLimit: Double?
    /// A fixed delay added to every response. Default zero.
    public var latency: Duration
    /// A uniformly random extra delay, up to this much, added to every response. Default zero.
    public var latencyJitter: Duration
    /// The probability (0…1) that a request fails with one of ``faultKinds``. Default 0.
    public var faultRate: Double
    /// The faults drawn when ``faultRate`` fires, with equal probability. Default all of them.
    public var faultKinds: [SandboxFault]
    /// Background changes per second to applications (updates, insertions, deletions). Default 0.
    /// The seconds are the sandbox clock's (``SandboxConfiguration/clock``): with a
    /// ``ManualSandboxClock`` the account changes only as the clock is moved, and the same seed and
    /// the same moves give the same changes.
    public var mutationRate: Double
    /// How long after creation a workflow action runs. Default one second.
    public var actionDelay: Duration
    /// The probability (0…1) that an otherwise valid action fails when it runs. Default 0.
    public var actionFailureRate: Double
    /// Whether the endpoints Tracker does not document exist; when missing they answer 404 as JSON
    /// or as an HTML page (``SandboxOptionalEndpoint/all`` lists them). Default
    /// ``SandboxModelEndpoints/present``.
    public var modelEndpoints: SandboxModelEndpoints = .present

    /// The account time zone used when none is given.
    public static let defaultTimeZone: TimeZone =
        TimeZone(identifier: "America/Los_Angeles") ?? TimeZone(secondsFromGMT: -8 * 3600) ?? TimeZone.current

    /// Creates a behaviour; every parameter has the documented default.
    /// - Parameters:
    ///   - timeZone: the account's time zone.
    ///   - timestampMode: naive local time or UTC.
    ///   - singleRecordShape: object or one-element array.
    ///   - honoursUpdatedAfter: whether `updated_after` filters.
    ///   - rateLimit: requests per second per credential, or `nil`.
    ///   - latency: fixed delay per response.
    ///   - latencyJitter: maximum random extra delay per response.
    ///   - faultRate: probability of a fault per request.
    ///   - faultKinds: the faults to draw from.
    ///   - mutationRate: background changes per second of sandbox clock time.
    ///   - actionDelay: delay before an action runs.
    ///   - actionFailureRate: probability that an action fails.
    public init(
        timeZone: TimeZone = SandboxBehavior.defaultTimeZone,
        timestampMode: SandboxTimestampMode = .naiveLocal,
        singleRecordShape: SandboxSingleRecordShape = .object,
        honoursUpdatedAfter: Bool = true,
        rateLimit: Double? = nil,
        latency: Duration = .zero,
        latencyJitter: Duration = .zero,
        faultRate: Double = 0,
        faultKinds: [SandboxFault] = SandboxFault.allCases,
        mutationRate: Double = 0,
        actionDelay: Duration = .seconds(1),
        actionFailureRate: Double = 0
    ) {
        self.timeZone = timeZone
        self.timestampMode = timestampMode
        self.singleRecordShape = singleRecordShape
        self.honoursUpdatedAfter = honoursUpdatedAfter
        self.rateLimit = rateLimit
        self.latency = latency
        self.latencyJitter = latencyJitter
        self.faultRate = faultRate
        self.faultKinds = faultKinds
        self.mutationRate = mutationRate
        self.actionDelay = actionDelay
        self.actionFailureRate = actionFailureRate
    }

    /// Checks every knob's range.
    /// - Throws: ``SandboxConfigurationError`` naming the first knob out of range.
    public func validate() throws {
        func fail(_ message: String) -> SandboxConfigurationError { SandboxConfigurationError(message) }
        if let rateLimit, !(rateLimit > 0 && rateLimit.isFinite) {
            throw fail("rate limit must be a positive number of requests per second, not \(rateLimit)")
        }
        if latency < .zero { throw fail("latency must not be negative") }
        if latencyJitter < .zero { throw fail("latency jitter must not be negative") }
        if !(0...1).contains(faultRate) { throw fail("fault rate must be between 0 and 1, not \(faultRate)") }
        if faultRate > 0 && faultKinds.isEmpty { throw fail("a fault rate above 0 needs at least one fault kind") }
        if !(mutationRate >= 0 && mutationRate.isFinite) {
            throw fail("mutation rate must be zero or a positive number of changes per second, not \(mutationRate)")
        }
        if actionDelay < .zero { throw fail("action delay must not be negative") }
        if !(0...1).contains(actionFailureRate) {
            throw fail("action failure rate must be between 0 and 1, not \(actionFailureRate)")
        }
    }
}

/// A configuration value the sandbox cannot run with.
public struct SandboxConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong and what to do instead.
    public var message: String

    /// Creates the error.
    /// - Parameter message: what is wrong.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
