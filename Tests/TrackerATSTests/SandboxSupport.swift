import ATSCore
import Foundation
import InMemoryLogging
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
    pagesInFlight: Int = 4,
    maximumAttempts: Int = 5,
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
            pageSize: pageSize,
            pagesInFlight: pagesInFlight
        )
        var apiSettings = apiConfiguration
        apiSettings.retryPolicy.maximumAttempts = maximumAttempts
        let api = try TrackerAPI(configuration: apiSettings)
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

extension RunningSandbox {
    /// Stamps applications with chosen `updated_at` instants by moving the sandbox's manual clock.
    func touch(_ id: Int, at date: Date, clock: ManualSandboxClock) {
        clock.set(date)
        control.updateApplication(id: id) { $0.source = "touched" }
    }

    /// The `updated_after` values the client sent to a path, decoded.
    func sentUpdatedAfter(path: String) -> [String] {
        control.requestLog().filter { $0.path.hasSuffix(path) }.compactMap { entry in
            entry.query.split(separator: "&").compactMap { pair -> String? in
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, parts[0] == "updated_after" else { return nil }
                return parts[1].removingPercentEncoding
            }.first
        }
    }
}

/// The candidate grouping the issue asks for, computed independently from the sandbox's ground
/// truth: same e-mail once trimmed and lowercased; no e-mail means a group of one.
func expectedCandidateGroups(_ applications: [SandboxApplication]) -> [Set<Int>] {
    var byEmail: [String: Set<Int>] = [:]
    var singles: [Set<Int>] = []
    for application in applications {
        let email = (application.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if email.isEmpty {
            singles.append([application.id])
        } else {
            byEmail[email, default: []].insert(application.id)
        }
    }
    return Array(byEmail.values) + singles
}

extension ApplicationID {
    var int: Int { Int(rawValue) ?? -1 }
}

extension Logger {
    /// A logger that keeps what it is told, for tests that check what the library reports.
    static func inMemory() -> (Logger, InMemoryLogHandler) {
        let handler = InMemoryLogHandler()
        return (Logger(label: "TrackerATSTests") { _ in handler }, handler)
    }
}
