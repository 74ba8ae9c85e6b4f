import ATSCore
import Foundation
import Synchronization
import TrackerATS
import TrackerSandbox

@testable import TrackerAPI

/// The client's clock in write tests: sleeps advance the sandbox's manual clock at once.
typealias SandboxTimeClock = SandboxAdvancingClock

/// Write settings for tests: the defaults, but a lost write is sent again after 30 s (the
/// sandbox runs actions after 1 s) instead of 10 minutes.
let testWriteSettings = TrackerATSClient.WriteSettings(inDoubtSettleTime: .seconds(30))

/// Runs `body` with a sandbox on a manual clock whose actions run only as time passes on
/// `SandboxTimeClock`, and a client on that clock.
func withWriteSandbox<Result: Sendable>(
    applications: Int = 300,
    writes: TrackerATSClient.WriteSettings = testWriteSettings,
    rateLimit: TrackerRateLimit? = nil,
    maximumAttempts: Int = 5,
    configuresStatuses: Bool = true,
    retryPolicy: TrackerRetryPolicy? = nil,
    sandbox tweaks: [SandboxTweak] = [],
    _ body: (TrackerATSClient, RunningSandbox, SandboxTimeClock) async throws -> Result
) async throws -> Result {
    let sandboxClock = ManualSandboxClock(start: sandboxStart)
    var configuration = SandboxConfiguration(jobCount: 12, applicationCount: applications)
    configuration.clock = sandboxClock
    configuration.actionExecution = .manual
    for tweak in tweaks { tweak.apply(to: &configuration) }
    let zone = configuration.behavior.timeZone
    return try await withTrackerSandbox(configuration) { sandbox in
        let clock = SandboxTimeClock(sandboxClock: sandboxClock)
        clock.attach(sandbox.control)
        var apiConfiguration = TrackerAPI.Configuration(
            baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
            accountTimeZone: zone,
            retryPolicy: TrackerRetryPolicy(initialBackoff: .milliseconds(5), maximumBackoff: .milliseconds(50)),
            rateLimit: rateLimit)
        apiConfiguration.retryPolicy.maximumAttempts = maximumAttempts
        apiConfiguration.retryPolicy.overallTimeout = .seconds(3600)
        if let retryPolicy { apiConfiguration.retryPolicy = retryPolicy }
        let transport = HTTPClientTransport(connectTimeout: .seconds(5), maximumConnections: 16)
        let api = try TrackerAPI(configuration: apiConfiguration, transport: transport, clock: clock)
        let settings = TrackerATSClient.Configuration(
            knownStatuses: configuresStatuses ? sandbox.control.statuses : [], writes: writes)
        let client = TrackerATSClient(api: api, configuration: settings, clock: clock)
        do {
            let result = try await body(client, sandbox, clock)
            try await api.shutdown()
            return result
        } catch {
            try? await api.shutdown()
            throw error
        }
    }
}

/// A change to the write sandbox's defaults.
enum SandboxTweak {
    case actionFailureRate(Double)
    case actionDelay(Duration)
    case rateLimit(Double)
    case faultRate(Double)
    case maximumFileBytes(Int)
    case maximumRequestBodyBytes(Int)
    case statuses([String])
    case modelEndpoints(SandboxModelEndpoints)

    func apply(to configuration: inout SandboxConfiguration) {
        switch self {
        case .actionFailureRate(let rate): configuration.behavior.actionFailureRate = rate
        case .actionDelay(let delay): configuration.behavior.actionDelay = delay
        case .rateLimit(let rate): configuration.behavior.rateLimit = rate
        case .modelEndpoints(let mode): configuration.behavior.modelEndpoints = mode
        case .faultRate(let rate): configuration.behavior.faultRate = rate
        case .maximumFileBytes(let bytes): configuration.maximumFileBytes = bytes
        case .maximumRequestBodyBytes(let bytes): configuration.maximumRequestBodyBytes = bytes
        case .statuses(let statuses): configuration.statuses = statuses
        }
    }
}

extension RunningSandbox {
    /// The requests sent to a path suffix with a method, e.g. `("POST", "/actions")`.
    func requests(_ method: String, _ suffix: String) -> [SandboxRequestLogEntry] {
        control.requestLog().filter { $0.method == method && $0.path.hasSuffix(suffix) }
    }

    /// The `set_app_status` actions that ran without error, by application id.
    func appliedStatusActions() -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for action in control.actions()
        where action.type == "set_app_status" && action.executedAt != nil && action.error == nil {
            if let id = action.data["app_id"]?.intValue { counts[id, default: 0] += 1 }
        }
        return counts
    }

    /// The ids of applications with a given status.
    func applicationIDs(withStatus status: String) -> [Int] {
        control.applications().filter { $0.status == status }.map(\.id)
    }

    /// The ids of applications whose status is not the given one.
    func applicationIDs(notInStatus status: String) -> [Int] {
        control.applications().filter { $0.status != status }.map(\.id)
    }
}

extension Int {
    var applicationID: ApplicationID { ApplicationID(String(self)) }
}
