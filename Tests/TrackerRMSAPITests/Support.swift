import Foundation
import Logging
import Testing
import TrackerRMSAPI
import TrackerRMSSandbox

/// 2026-03-05 18:30:00 UTC.
let fixedStart = Date(timeIntervalSince1970: 1_772_735_400)

/// Retries that do not slow tests down: eight attempts, waits of a few milliseconds.
let quickRetries = RMSRetryPolicy(
    maximumAttempts: 8, initialBackoff: .milliseconds(1), maximumBackoff: .milliseconds(8), overallTimeout: .seconds(60)
)

/// A small staffing account on a manual clock.
func smallSandbox(
    zone: String = "America/Chicago", placements: Int = 60, behavior: RMSSandboxBehavior = RMSSandboxBehavior()
) -> RMSSandboxConfiguration {
    RMSSandboxConfiguration(
        opportunityCount: 12, resourceCount: 45, placementCount: placements, activityCount: 40,
        timeZoneIdentifier: zone, clock: RMSManualSandboxClock(start: fixedStart), behavior: behavior)
}

/// Changes a client's configuration before it is made.
typealias ClientTweak = (inout TrackerRMSClient.Configuration, RunningRMSSandbox) -> Void

/// Runs `body` with a sandbox and a client pointed at it (API key credentials, the sandbox's zone
/// unless `knowsZone` is false).
func withSandboxClient<Result: Sendable>(
    _ sandboxConfiguration: RMSSandboxConfiguration = smallSandbox(),
    knowsZone: Bool = true,
    configure: ClientTweak = { _, _ in },
    _ body: (RunningRMSSandbox, TrackerRMSClient) async throws -> Result
) async throws -> Result {
    try await withTrackerRMSSandbox(sandboxConfiguration) { sandbox in
        var configuration = TrackerRMSClient.Configuration(
            baseURL: sandbox.baseURL, credentials: .apiKey(sandbox.apiKey), restToken: sandbox.restToken,
            accountTimeZone: knowsZone ? TimeZone(identifier: sandbox.control.timeZoneIdentifier) : nil,
            pageSize: 20, retryPolicy: quickRetries)
        configure(&configuration, sandbox)
        return try await TrackerRMSClient.withClient(configuration: configuration) { client in
            try await body(sandbox, client)
        }
    }
}

/// Collects an async sequence.
func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
    var items: [S.Element] = []
    for try await item in sequence { items.append(item) }
    return items
}

extension RMSRecordID {
    /// The id as an Int, for comparing with the sandbox's ground truth.
    var int: Int? { number.map { Int($0) } }
}
