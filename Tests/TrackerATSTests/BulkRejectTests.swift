import ATSCore
import Foundation
import Synchronization
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// A journal that fails on purpose at a chosen step, as a process killed at that moment would
/// stop: the failing entry is not recorded, and the run stops.
actor DyingJournal: BulkRejectionJournal {
    let base: InMemoryBulkRejectionJournal
    private var remaining: Int
    private let step: BulkRejectionJournalEntry.Step

    struct Killed: Error {}

    /// Fails when recording the `count`-th entry of `step`.
    init(base: InMemoryBulkRejectionJournal, failingAt count: Int, of step: BulkRejectionJournalEntry.Step) {
        self.base = base
        self.remaining = count
        self.step = step
    }

    func entries() async throws -> [BulkRejectionJournalEntry] { await base.entries() }

    func record(_ entry: BulkRejectionJournalEntry) async throws {
        if entry.step == step {
            remaining -= 1
            if remaining <= 0 { throw Killed() }
        }
        await base.record(entry)
    }
}

@Suite struct BulkRejectTests {
    /// 1,000 applications, the sandbox's rate limit on, 5% of requests failing: every application
    /// ends rejected exactly once, and the report says what the sandbox knows.
    @Test func aThousandApplicationsUnderRateLimitAndFaultsEndRejectedExactlyOnce() async throws {
        try await withWriteSandbox(
            applications: 1_200, rateLimit: TrackerRateLimit(requestsPerSecond: 40, burst: 1), maximumAttempts: 8,
            sandbox: [.rateLimit(40), .faultRate(0.05)]
        ) { client, sandbox, _ in
            let before = Dictionary(uniqueKeysWithValues: sandbox.control.applications().map { ($0.id, $0.status) })
            let targets = Array(101...1_100)
            let missing = [5_000, 5_001]
            let request = BulkRejectionRequest(
                applications: (targets + missing + [targets[0]]).map(\.applicationID),
                journal: InMemoryBulkRejectionJournal())
            let report = try await client.bulkReject(request)

            #expect(report.items.count == targets.count + missing.count)
            #expect(report.isComplete, "failures: \(report.failures.prefix(3))")
            let applied = sandbox.appliedStatusActions()
            for item in report.items {
                let id = item.application.int
                if missing.contains(id) {
                    #expect(item.outcome == .notFound)
                    continue
                }
                let truth = sandbox.control.application(id: id)
                #expect(truth?.status == "Not Selected", "application \(id)")
                if before[id] == "Not Selected" {
                    #expect(item.outcome == .alreadyRejected)
                    #expect(applied[id] == nil, "application \(id) was already rejected")
                } else {
                    #expect(item.outcome == .rejected)
                    #expect(applied[id] == 1, "application \(id) was rejected \(applied[id] ?? 0) times")
                }
            }
            #expect(sandbox.control.requestLog().contains { $0.status == 429 || $0.fault != nil })
        }
    }

    /// What `ats applications bulk-reject` does on an account limited to 5 requests per second
    /// (and failing 5% of them) when it sets no client-side rate: the patient policy waits out
    /// every 429, and every application still ends rejected exactly once.
    @Test func aRateLimitedAccountSlowsABulkRejectionDownButDoesNotFailIt() async throws {
        try await withWriteSandbox(
            applications: 300, rateLimit: nil, retryPolicy: .patient, sandbox: [.rateLimit(5), .faultRate(0.05)]
        ) { client, sandbox, _ in
            let targets = sandbox.applicationIDs(notInStatus: "Not Selected").prefix(120)
            let report = try await client.bulkReject(
                BulkRejectionRequest(
                    applications: targets.map(\.applicationID), maximumConcurrency: 8,
                    journal: InMemoryBulkRejectionJournal()))
            #expect(report.isComplete, "failures: \(report.failures.prefix(3))")
            let applied = sandbox.appliedStatusActions()
            for id in targets {
                #expect(sandbox.control.application(id: id)?.status == "Not Selected", "application \(id)")
                #expect(applied[id] == 1, "application \(id) was rejected \(applied[id] ?? 0) times")
            }
            #expect(sandbox.control.requestLog().contains { $0.status == 429 }, "the account's limit was reached")
        }
    }

    @Test func aRunKilledAfterSendingButBeforeJournalingResumesWithoutActingTwice() async throws {
        try await withWriteSandbox(applications: 400) { client, sandbox, _ in
            let targets = sandbox.applicationIDs(notInStatus: "Not Selected").prefix(150).map(\.applicationID)
            let journal = InMemoryBulkRejectionJournal()
            // The 40th "accepted" entry fails: its action was sent, but the journal only has the intent.
            let dying = DyingJournal(base: journal, failingAt: 40, of: .accepted)
            await #expect(throws: DyingJournal.Killed.self) {
                _ = try await client.bulkReject(
                    BulkRejectionRequest(applications: targets, maximumConcurrency: 4, journal: dying))
            }
            let sentBeforeResume = sandbox.requests("POST", "/actions").count
            #expect(sentBeforeResume >= 40)
            #expect(sentBeforeResume < targets.count)

            let report = try await client.bulkReject(BulkRejectionRequest(applications: targets, journal: journal))
            #expect(report.isComplete, "failures: \(report.failures.prefix(3))")
            #expect(report.count("rejected") == targets.count)
            let applied = sandbox.appliedStatusActions()
            for id in targets.map(\.int) {
                #expect(applied[id] == 1, "application \(id) was rejected \(applied[id] ?? 0) times")
                #expect(sandbox.control.application(id: id)?.status == "Not Selected")
            }
            #expect(sandbox.control.actions().count == targets.count)
        }
    }

    @Test func aRunKilledBeforeSendingResumesAndSendsTheRest() async throws {
        try await withWriteSandbox(applications: 300) { client, sandbox, _ in
            let targets = sandbox.applicationIDs(notInStatus: "Not Selected").prefix(60).map(\.applicationID)
            let journal = InMemoryBulkRejectionJournal()
            let dying = DyingJournal(base: journal, failingAt: 25, of: .intent)
            await #expect(throws: DyingJournal.Killed.self) {
                _ = try await client.bulkReject(
                    BulkRejectionRequest(applications: targets, maximumConcurrency: 1, journal: dying))
            }
            let report = try await client.bulkReject(BulkRejectionRequest(applications: targets, journal: journal))
            #expect(report.count("rejected") == targets.count)
            #expect(sandbox.appliedStatusActions().values.allSatisfy { $0 == 1 })
            #expect(sandbox.control.actions().count == targets.count)
            // A third run finds everything settled in the journal and sends nothing at all.
            sandbox.control.clearRequestLog()
            let again = try await client.bulkReject(BulkRejectionRequest(applications: targets, journal: journal))
            #expect(again.items.allSatisfy { $0.isFromJournal && $0.outcome == .rejected })
            #expect(sandbox.control.requestLog().isEmpty)
        }
    }

    @Test func failedActionsAreReportedPerApplicationAndTheRestGoOn() async throws {
        try await withWriteSandbox(sandbox: [.actionFailureRate(0.3)]) { client, sandbox, _ in
            let targets = sandbox.applicationIDs(notInStatus: "Not Selected").prefix(80).map(\.applicationID)
            let report = try await client.bulkReject(BulkRejectionRequest(applications: targets))
            #expect(report.items.count == targets.count)
            #expect(!report.failures.isEmpty)
            #expect(report.count("rejected") > 0)
            for item in report.items {
                let status = sandbox.control.application(id: item.application.int)?.status
                switch item.outcome {
                case .rejected: #expect(status == "Not Selected")
                case .failed(let why):
                    #expect(status != "Not Selected")
                    #expect(why.contains("failed: action failed (simulated"))
                default: Issue.record("unexpected outcome \(item.outcome) for \(item.application)")
                }
            }
        }
    }

    @Test func reasonsAreKeptAsNotesAndProgressIsReported() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let targets = sandbox.applicationIDs(notInStatus: "Not Selected").prefix(20).map(\.applicationID)
            let phases = Mutex<[BulkRejectionProgress.Phase]>([])
            let last = Mutex<BulkRejectionProgress?>(nil)
            let request = BulkRejectionRequest(
                applications: targets, options: RejectionOptions(reason: "Position closed"),
                progress: { progress in
                    phases.withLock { if $0.last != progress.phase { $0.append(progress.phase) } }
                    last.withLock { $0 = progress }
                })
            let report = try await client.bulkReject(request)
            #expect(report.items.allSatisfy { $0.reasonNote != nil })
            for item in report.items {
                let note = try #require(sandbox.control.note(id: Int(item.reasonNote?.rawValue ?? "") ?? 0))
                #expect(note.body == "Rejection reason: Position closed")
                #expect(note.applicationID == item.application.int)
            }
            #expect(phases.withLock { $0 } == [.checking, .rejecting, .confirming, .finished])
            #expect(last.withLock { $0 }?.settled == targets.count)
        }
    }

    @Test func aFileJournalSurvivesATornLastLine() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let journal = FileBulkRejectionJournal(url: url)
        try await journal.record(BulkRejectionJournalEntry(application: "1", step: .intent))
        try await journal.record(
            BulkRejectionJournalEntry(application: "1", step: .settled, references: ["9"], outcome: .rejected))
        await journal.close()
        // A crash in the middle of writing the next entry leaves half a line.
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"application":"2","st"#.utf8))
        try handle.close()

        let reopened = FileBulkRejectionJournal(url: url)
        let latest = try await reopened.latestEntries()
        #expect(latest.count == 1)
        #expect(latest["1"]?.outcome == .rejected)
        #expect(latest["1"]?.references == ["9"])
        try await reopened.record(BulkRejectionJournalEntry(application: "2", step: .intent))
        #expect(try await reopened.latestEntries()["2"]?.step == .intent)
    }
}
