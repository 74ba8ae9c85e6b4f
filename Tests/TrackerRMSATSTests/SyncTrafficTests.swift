import ATSCore
import ATSSync
import Foundation
import Testing
import TrackerRMSATS
import TrackerRMSSandbox

/// A `TrackerRMSSyncSource` run report counts each stream's requests as the sandbox's request log does.
@Suite struct SyncTrafficTests {
    @Test func eachStreamReportsTheRequestsTheSandboxAnswered() async throws {
        let clock = RMSManualSandboxClock(start: rmsStart)
        var configuration = rmsSandbox(placements: 70)
        configuration.clock = clock
        // Cross-checked complete reads also read every job's placements: more operations per stream.
        let settings = TrackerRMSATSClient.Settings(placementListing: .crossCheckedOnCompleteReads)
        try await withRMSClient(configuration, settings: settings) { sandbox, client in
            let truth = sandbox.control
            let store = InMemorySyncStore()
            let source = TrackerRMSSyncSource(client: client, account: "rms-traffic", pageSize: 20)
            let engine = SyncEngine(
                source: source, store: store, planner: WindowPlanner(fullScanInterval: nil), now: { clock.now() })
            clock.advance(seconds: 120)

            // One stream at a time, so that the log holds only that stream's requests; a fault on
            // the applications stream makes a retry.
            for stream in source.streams {
                truth.clearRequestLog()
                if stream == .applications { truth.scriptFaults([.serverError]) }
                let report = try await engine.run(stream, fullScan: true)
                let log = truth.requestLog
                #expect(report.traffic.requests > 0, "\(stream) sent requests")
                #expect(report.traffic.requests == log.count, "\(stream): report against the sandbox's log")
                #expect(report.traffic.retries == (stream == .applications ? 1 : 0), "\(stream) retries")
            }

            // All streams at once: each counts only its own requests, so together they are the log.
            truth.mutate(count: 6)
            clock.advance(seconds: 600)
            truth.clearRequestLog()
            let run = try await engine.run(source.streams)
            #expect(run.streams.allSatisfy { $0.traffic.requests > 0 })
            #expect(run.streams.map(\.traffic.requests).reduce(0, +) == truth.requestLog.count)
        }
    }
}
