import ATSCore
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// 2026-03-05 18:30:00 UTC.
let rmsStart = Date(timeIntervalSince1970: 1_772_735_400)

/// Retries that do not slow tests down.
let quickRetries = RMSRetryPolicy(
    maximumAttempts: 8, initialBackoff: .milliseconds(1), maximumBackoff: .milliseconds(8), overallTimeout: .seconds(60)
)

/// A small staffing account on a manual clock.
func rmsSandbox(
    zone: String = "America/Chicago", placements: Int = 60, behavior: RMSSandboxBehavior = RMSSandboxBehavior()
) -> RMSSandboxConfiguration {
    RMSSandboxConfiguration(
        opportunityCount: 10, resourceCount: 40, placementCount: placements, activityCount: 30,
        timeZoneIdentifier: zone, clock: RMSManualSandboxClock(start: rmsStart), behavior: behavior)
}

/// Runs `body` with a sandbox and an ATS client for it (API key, the sandbox's zone unless
/// `knowsZone` is false, the REST token, the placements list trusted unless `settings` says otherwise).
func withRMSClient<Result: Sendable>(
    _ configuration: RMSSandboxConfiguration = rmsSandbox(),
    knowsZone: Bool = true,
    settings: TrackerRMSATSClient.Settings = TrackerRMSATSClient.Settings(placementListing: .complete),
    restToken: Bool = true,
    configure: @escaping (inout TrackerRMSClient.Configuration) -> Void = { _ in },
    _ body: (RunningRMSSandbox, TrackerRMSATSClient) async throws -> Result
) async throws -> Result {
    try await withTrackerRMSSandbox(configuration) { sandbox in
        try await TrackerRMSATSClient.withClient(
            baseURL: sandbox.baseURL, credentials: .apiKey(sandbox.apiKey),
            accountTimeZone: knowsZone ? TimeZone(identifier: sandbox.control.timeZoneIdentifier) : nil,
            restToken: restToken ? sandbox.restToken : nil, settings: settings,
            configure: { wire in
                wire.pageSize = 25
                wire.retryPolicy = quickRetries
                configure(&wire)
            }
        ) { client in
            try await body(sandbox, client)
        }
    }
}

extension RMSSandboxControl {
    /// The name of a placement status id.
    func statusName(_ id: Int) -> String? { placementStatuses.first { $0.id == id }?.name }

    /// A placement's status name, from ground truth.
    func statusName(ofPlacement id: Int) -> String? {
        placements.first { $0.id == id }.flatMap { statusName($0.statusID) }
    }

    /// How many write operations of a kind the sandbox answered.
    func count(_ operation: String) -> Int { requestLog.count { $0.operation == operation } }
}

/// The instant of a sandbox time (UTC seconds).
func instant(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: Double(seconds)) }
