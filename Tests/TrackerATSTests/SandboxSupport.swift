import ATSCore
import Foundation
import Logging
import Synchronization
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// Runs `body` with a sandbox and a TrackerATSClient pointed at it (real sockets, in process).
///
/// The client is told the sandbox's account time zone unless `clientTimeZone` says otherwise
/// (`.some(nil)` configures no zone at all).
func withSandboxClient<Result: Sendable>(
    _ sandboxConfiguration: SandboxConfiguration = SandboxConfiguration(applicationCount: 300),
    clientTimeZone: TimeZone?? = nil,
    pageSize: Int = 1000,
    configuration: TrackerATSClient.Configuration = TrackerATSClient.Configuration(),
    clock: ManualClock = ManualClock(),
    _ body: (TrackerATSClient, RunningSandbox) async throws -> Result
) async throws -> Result {
    try await withTrackerSandbox(sandboxConfiguration) { sandbox in
        let zone = clientTimeZone ?? sandboxConfiguration.behavior.timeZone
        let apiConfiguration = TrackerAPI.Configuration(
            baseURL: sandbox.baseURL,
            apiKey: sandbox.apiKey,
            apiPassword: sandbox.apiPassword,
            accountTimeZone: zone,
            retryPolicy: TrackerRetryPolicy(initialBackoff: .milliseconds(5), maximumBackoff: .milliseconds(50)),
            rateLimit: nil,
            pageSize: pageSize
        )
        let api = try TrackerAPI(configuration: apiConfiguration)
        var settings = configuration
        if settings.knownStatuses.isEmpty { settings.knownStatuses = sandbox.control.statuses }
        let client = TrackerATSClient(api: api, configuration: settings, clock: clock)
        do {
            let result = try await body(client, sandbox)
            try await api.shutdown()
            return result
        } catch {
            try? await api.shutdown()
            throw error
        }
    }
}

/// A clock that only moves when told to: the metadata cache's time to live is tested without sleeping.
final class ManualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let current = Mutex(Instant(offset: .zero))

    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func advance(by duration: Duration) {
        current.withLock { $0 = $0.advanced(by: duration) }
    }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        // Nothing in these tests sleeps on this clock; fail loudly rather than hang.
        throw CancellationError()
    }
}

extension SandboxConfiguration {
    /// A small account with a manual clock, in the given zone and timestamp mode.
    static func small(
        applications: Int = 300,
        zone: String = "America/Los_Angeles",
        mode: SandboxTimestampMode = .naiveLocal,
        clock: ManualSandboxClock? = nil
    ) -> SandboxConfiguration {
        var configuration = SandboxConfiguration(jobCount: 12, applicationCount: applications)
        configuration.behavior.timeZone = TimeZone(identifier: zone) ?? .gmt
        configuration.behavior.timestampMode = mode
        if let clock { configuration.clock = clock }
        return configuration
    }
}

/// A fixed start for manual sandbox clocks: 2024-03-10 (a US daylight-saving change day), 12:00 UTC.
let sandboxStart = Date(timeIntervalSince1970: 1_710_072_000)
