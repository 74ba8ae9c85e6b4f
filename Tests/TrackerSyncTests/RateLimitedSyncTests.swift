import ATSTestSupport
import ATSSync
import Foundation
import Testing
import TrackerSandbox

@testable import TrackerAPI

/// A sync of an account that is rate limited (5 requests per second) and fails 5% of requests,
/// with the settings `ats sync` uses: the patient retry policy, 4 requests in flight over all
/// streams, no client-side rate. The client's waits move the sandbox's clock, so its buckets
/// refill as in real time without the test waiting.
@Suite struct RateLimitedSyncTests {
    private static func unattended(_ configuration: inout TrackerAPI.Configuration) {
        configuration.retryPolicy = .patient
        configuration.maximumRequestsInFlight = 4
        configuration.rateLimit = nil
    }

    private static func limitedAndFaulty(_ configuration: inout SandboxConfiguration) {
        configuration.behavior.rateLimit = 5
        configuration.behavior.faultRate = 0.05
        configuration.behavior.faultKinds = SandboxFault.allCases
    }

    @Test func aRateLimitedFaultyAccountIsMirroredWithEveryRecord() async throws {
        try await withMirror(
            .sqlite, applications: 400, pageSize: 25, configure: Self.limitedAndFaulty, client: Self.unattended
        ) { harness in
            let first = try await harness.sync(full: true)
            #expect(first.streams.allSatisfy { $0.completed })
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
            let log = harness.sandbox.control.requestLog()
            #expect(log.contains { $0.status == 429 }, "the account's limit was reached")
            let refused = first.streams.reduce(0) { $0 + $1.traffic.rateLimited }
            #expect(refused == log.filter { $0.status == 429 }.count, "the report counts every 429")
            // The window halved on the 429s and, by the end, never had more than 4 on the wire.
            #expect(harness.api.budget.window.reductions > 0)
            #expect(harness.sandbox.control.peakConcurrentRequests <= 4)

            harness.clock.advance(by: .seconds(120))
            let second = try await harness.sync()
            #expect(second.streams.allSatisfy { $0.completed })
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }

    private static func slow(_ configuration: inout SandboxConfiguration) {
        // Latency makes the streams' requests overlap at the sandbox: unbounded, the applications,
        // notes and files streams would have 4 pages each on the wire (9 were seen at once).
        configuration.behavior.latency = .milliseconds(3)
    }

    private static func threeInFlight(_ configuration: inout TrackerAPI.Configuration) {
        configuration.maximumRequestsInFlight = 3
        configuration.pagesInFlight = 4
    }

    @Test func theInFlightBoundHoldsOverEveryStreamOfARun() async throws {
        try await withMirror(
            .sqlite, applications: 400, pageSize: 20, configure: Self.slow, client: Self.threeInFlight
        ) { harness in
            let report = try await harness.sync(full: true)
            #expect(report.streams.allSatisfy { $0.completed })
            #expect(harness.sandbox.control.peakConcurrentRequests <= 3)
            #expect(harness.api.budget.window.peakInFlight <= 3)
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }
}
