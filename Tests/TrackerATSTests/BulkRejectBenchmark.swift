import ATSCore
import Foundation
import Synchronization
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// Not a test: how long a bulk rejection of 1,000 applications takes against the sandbox's rate
/// limit, next to the lower bound that limit sets (count ÷ rate). Runs only with
/// `ATS_BENCH_BULK_REJECT=1` (see `scripts/benchmark-bulk-reject.sh`), in real time: the sandbox
/// on the system clock runs actions 1 s after they are created, the client paces itself at the
/// sandbox's rate.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ATS_BENCH_BULK_REJECT"] == "1"), .serialized)
struct BulkRejectBenchmark {
    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    @Test func thousandApplicationsAtTheRateLimit() async throws {
        try await measure(faultRate: 0, label: "no faults")
    }

    @Test func thousandApplicationsAtTheRateLimitWithFivePercentFaults() async throws {
        try await measure(faultRate: 0.05, label: "5% faults")
    }

    private func measure(faultRate: Double, label: String) async throws {
        let count = Int(environment["ATS_BENCH_COUNT"] ?? "") ?? 1_000
        let rate = Double(environment["ATS_BENCH_RATE"] ?? "") ?? 50
        var configuration = SandboxConfiguration(jobCount: 40, applicationCount: count * 2)
        configuration.behavior.rateLimit = rate
        configuration.behavior.faultRate = faultRate
        try await withTrackerSandbox(configuration) { sandbox in
            let api = try TrackerAPI(
                configuration: TrackerAPI.Configuration(
                    baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                    accountTimeZone: configuration.behavior.timeZone,
                    rateLimit: TrackerRateLimit(requestsPerSecond: rate, burst: 1)))
            // The sandbox runs actions after 1 s: a lost rejection that has not shown after 2 s never will.
            let writes = TrackerATSClient.WriteSettings(inDoubtSettleTime: .seconds(2))
            let client = TrackerATSClient(
                api: api,
                configuration: .init(knownStatuses: sandbox.control.statuses, writes: writes))
            let targets = sandbox.control.applications().filter { $0.status != "Not Selected" }.prefix(count).map {
                ApplicationID(String($0.id))
            }
            sandbox.control.clearRequestLog()
            let clock = ContinuousClock()
            let started = clock.now
            let phases = PhaseTimes(clock: clock, started: started)
            let report = try await client.bulkReject(
                BulkRejectionRequest(
                    applications: Array(targets), maximumConcurrency: 8, progress: { phases.note($0.phase) }))
            let elapsed = started.duration(to: clock.now)
            try await api.shutdown()

            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let bound = Double(targets.count) / rate
            let log = sandbox.control.requestLog()
            let posts = log.filter { $0.method == "POST" }.count
            let rejections = 429
            let statuses = "\(log.filter { $0.status == rejections }.count) answered 429, "
            let faults = "\(log.filter { $0.fault != nil }.count) faults; "
            let timing = String(format: "%.2f s, bound %.2f s, ratio %.3f; ", seconds, bound, seconds / bound)
            let outcome = "rejected \(report.count("rejected")), failed \(report.count("failed")); "
            print(
                "BENCHMARK bulk-reject (\(label)): \(targets.count) applications at \(rate) req/s: " + timing
                    + "\(log.count) requests (\(posts) POST, \(log.count - posts) GET), " + statuses + faults + outcome
                    + "phases began at " + phases.summary)
            #expect(report.isComplete)
        }
    }
}

/// When each phase of a run began, in seconds from its start.
private final class PhaseTimes: Sendable {
    private let clock: ContinuousClock
    private let started: ContinuousClock.Instant
    private let times = Mutex<[(BulkRejectionProgress.Phase, Duration)]>([])

    init(clock: ContinuousClock, started: ContinuousClock.Instant) {
        self.clock = clock
        self.started = started
    }

    func note(_ phase: BulkRejectionProgress.Phase) {
        let now = started.duration(to: clock.now)
        times.withLock { if $0.last?.0 != phase { $0.append((phase, now)) } }
    }

    var summary: String {
        times.withLock { list in
            list.map { phase, time in
                "\(phase.rawValue) "
                    + String(
                        format: "%.2f s", Double(time.components.attoseconds) * 1e-18 + Double(time.components.seconds))
            }.joined(separator: ", ")
        }
    }
}
