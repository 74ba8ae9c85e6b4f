import ATSCore
import ATSSync
import Foundation
import Testing
import WorkableAPI
import WorkableATS
import WorkableSandbox
import WorkableSync

/// Not a test: what a Workable mirror costs at an account token's limit (10 per 10 s), in requests
/// and in the time the pacer spends, next to requests ÷ rate. Runs only with
/// `ATS_BENCH_WORKABLE_SYNC=1` (`ATS_BENCH_PEOPLE`, default 1,000 people), on the sandbox's virtual
/// clock: the time is the pacer's schedule, not this machine's speed.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ATS_BENCH_WORKABLE_SYNC"] == "1"))
struct SyncCostBenchmark {
    @Test func recordStreamsThenTheCommentSweep() async throws {
        let people = Int(ProcessInfo.processInfo.environment["ATS_BENCH_PEOPLE"] ?? "") ?? 1_000
        try await withWorkableMirror(store: InMemorySyncStore(), people: people) { harness in
            let start = harness.clock.now()
            for stream in WorkableSyncSource.recordStreams {
                _ = try await harness.engine(harness.source).run([stream])
            }
            let middle = harness.clock.now()
            let afterRecords = await harness.client.api.traffic
            _ = try await harness.engine(harness.source).run([.notes])
            let end = harness.clock.now()
            let total = await harness.client.api.traffic
            let sweep = total.requests - afterRecords.requests
            print(
                "workable-sync records=\(harness.control.candidates.count) "
                    + "record-streams requests=\(afterRecords.requests) seconds=\(middle.timeIntervalSince(start)) "
                    + "bound-seconds=\(afterRecords.requests) "
                    + "comment-sweep requests=\(sweep) seconds=\(end.timeIntervalSince(middle)) bound-seconds=\(sweep) "
                    + "429s=\(total.rateLimitedResponses) failed=\(total.failedAttempts)")
            #expect(total.failedAttempts == 0)
        }
    }
}
