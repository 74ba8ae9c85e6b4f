import ATSCore
import Foundation
import Synchronization
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// A clock whose sleeps move the sandbox's manual clock instead of waiting, so that a rate-limited
/// sandbox's buckets refill exactly as the client waits.
struct SandboxAdvancingClock: Clock {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    final class Elapsed: Sendable {
        let value = Mutex(Duration.zero)
    }

    let sandbox: RMSManualSandboxClock
    let elapsed = Elapsed()

    var now: Instant { Instant(offset: elapsed.value.withLock { $0 }) }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let wait = elapsed.value.withLock { current -> Duration in
            let wait = max(.zero, deadline.offset - current)
            current += wait
            return wait
        }
        let (seconds, attoseconds) = wait.components
        sandbox.advance(seconds: Double(seconds) + Double(attoseconds) / 1e18)
        await Task.yield()
    }
}

@Suite struct RateLimitTests {
    @Test func aRateLimitedAccountIsReadAndWrittenWithoutRepeats() async throws {
        let clock = RMSManualSandboxClock(start: rmsStart)
        var configuration = rmsSandbox(placements: 30, behavior: RMSSandboxBehavior(rateLimit: 2))
        configuration.clock = clock
        try await withTrackerRMSSandbox(configuration) { sandbox in
            let wire = TrackerRMSClient.Configuration(
                baseURL: sandbox.baseURL, credentials: .apiKey(sandbox.apiKey),
                accountTimeZone: TimeZone(identifier: sandbox.control.timeZoneIdentifier), pageSize: 10,
                retryPolicy: RMSRetryPolicy(maximumAttempts: 8, initialBackoff: .milliseconds(50)))
            let rms = try TrackerRMSClient(configuration: wire, clock: SandboxAdvancingClock(sandbox: clock))
            do {
                let client = TrackerRMSATSClient(rms: rms, settings: .init(placementListing: .complete))
                let applications = try await client.streamApplications(.all).collect()
                #expect(applications.count == sandbox.control.placements.count)
                let open = sandbox.control.placements.filter { $0.statusID != 9 }.prefix(4)
                let report = try await client.bulkReject(
                    .init(applications: open.map { ApplicationID(String($0.id)) }, maximumConcurrency: 2))
                #expect(report.count("rejected") == 4)
                #expect(rms.traffic.rateLimited > 0, "the limit was met")
                let applied = sandbox.control.requestLog.filter {
                    $0.operation == "updateRecord" && $0.httpStatus == 200
                }
                #expect(applied.count == 4, "each move applied once")
                try await rms.shutdown()
            } catch {
                try? await rms.shutdown()
                throw error
            }
        }
    }
}
