import ATSSync
import ATSTestSupport
import Foundation
import Testing
import WorkableSandbox

/// The crash suite's Workable part: the built `ats sync --provider workable` is killed with SIGKILL
/// at seeded moments (once the sandbox has answered a drawn number of further requests) and run
/// again each time: a first sync of the record streams; the per-candidate sweep
/// (`--streams notes files`, one request per candidate record), which must go on from its
/// checkpoint rather than start over; an incremental sync after background changes while the
/// sandbox enforces a rate limit that another client has already spent; and a full scan after
/// candidates were deleted. After each phase the mirror must equal the sandbox's truth: every
/// application, comment and file exactly once, nothing stale, nothing deleted left live.
/// Quick: 4 kills per store; `ATSKIT_RELIABILITY=full`: 25 (`scripts/reliability crash`).
@Suite struct WorkableCrashProcessTests {
    /// Comments and files per page of the sweep (`WorkableSyncSource`'s default, which `ats sync` uses).
    static let candidatesPerPage = 10

    /// What the phases counted.
    struct Figures {
        var kills: [String: Int] = [:]
        var answers = 0
        var rateLimited = 0
        var changes = 0
        var deleted = 0
        var applications = WorkableMirrorAudit()
        var perCandidate = PerCandidateAudit()
        var sweepReads = 0
        var referenceSweepReads = 0
        var committedRecordsReadAgain = 0

        mutating func add(_ audit: WorkableMirrorAudit) {
            applications.compared += audit.compared
            applications.lost += audit.lost
            applications.duplicated += audit.duplicated
            applications.differing += audit.differing
            applications.extra += audit.extra
        }
    }

    @Test(.enabled(if: ATSExecutable.url != nil), arguments: ProcessMirror.kinds)
    func anAtsSyncAndItsSweepKilledAtRandomMomentsEndWithTheSandboxsTruth(_ kind: StoreKind) async throws {
        let executable = try #require(ATSExecutable.url)
        let wanted = ReliabilityRun.budget(quick: 4, full: 25)
        let plan = ReliabilityRun.isFull ? (records: 8, sweep: 9, limited: 4) : (records: 1, sweep: 1, limited: 1)
        let folder = try ScratchFolder.make(prefix: "ats-workable-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let mirror = try ProcessMirror(kind, folder: folder)
        let account = "workable-crash-\(UUID().uuidString.prefix(8))"  // PostgreSQL keeps earlier runs
        var configuration = WorkableSandboxConfiguration(personCount: 60, jobCount: 5, seed: 0x18_C4A5)
        // No limit for most runs; the incremental phase turns one on (below).
        configuration.behavior.rateLimit = nil
        configuration.behavior.nextLinks = .nullOnLastPage
        configuration.behavior.resetFormat = .secondsFromNow
        // `ats` paces itself to 10 requests per 10 s unless told otherwise (rate_limit, in requests
        // per second); the sandbox's own limit, when on, is what holds it back.
        var environment = ProcessInfo.processInfo.environment
        environment["ATS_RATE_LIMIT"] = "1000"
        var figures = Figures()

        try await withWorkableSandbox(configuration) { sandbox in
            let control = sandbox.control
            func arguments(_ extra: [String] = [], into other: (database: String, account: String)? = nil)
                -> [String]
            {
                [
                    "sync", "--provider", "workable", "--base-url", sandbox.baseURL, "--api-token", sandbox.token,
                    "--database", other?.database ?? mirror.database, "--account", other?.account ?? account,
                    "--wait-for-lock", "60", "--quiet",
                ] + extra
            }
            func killLoop(seed: UInt64, step: ClosedRange<Int>) -> AnswerKillLoop {
                AnswerKillLoop(
                    executable: executable,
                    answerCount: .init(
                        current: { control.answeredRequestCount },
                        reach: { try await control.awaitAnsweredRequests(atLeast: $0, timeout: .seconds(300)) }),
                    step: step, seed: seed, environment: environment)
            }
            func finished(_ outcome: AnswerKillLoop.Outcome, _ phase: String) {
                figures.kills[phase] = outcome.kills
                figures.answers += outcome.answers
                #expect(
                    outcome.finalStatus == 0,
                    "\(kind), \(phase): the run that was not killed succeeds; it said: \(outcome.finalStandardError)")
            }
            func normalRun(_ extra: [String], _ phase: String) async throws {
                let outcome = try await killLoop(seed: 0, step: 1...1).run(arguments(extra), kills: 0)
                figures.answers += outcome.answers
                #expect(outcome.finalStatus == 0, "\(kind), \(phase): \(outcome.finalStandardError)")
            }
            func audit(_ phase: String, perCandidate: Bool, deletionsSeen: Bool) async throws {
                try await mirror.withStore { store in
                    let applications = try await WorkableMirrorAudit.audit(
                        store: store, account: account, truth: control.candidates,
                        updatedAtSlack: kind == .sqlite ? 1 : 0)
                    figures.add(applications)
                    #expect(applications.isExact, "\(kind), after \(phase): \(applications.examples)")
                    guard perCandidate else { return }
                    let sweep = try await PerCandidateAudit.audit(store: store, account: account, truth: control)
                    figures.perCandidate.add(sweep)
                    #expect(sweep.isExact, "\(kind), after \(phase): \(sweep.examples)")
                }
            }

            // A first sync of the record streams (jobs, applications, derived candidates).
            let first = try await killLoop(seed: 0x5EED_0001, step: 1...4).run(arguments(), kills: plan.records)
            finished(first, "first_sync")
            try await audit("the first sync", perCandidate: false, deletionsSeen: true)

            // The sweep, first uninterrupted into a mirror of its own to count what it reads, then
            // killed again and again. Before each run the test reads the streams' checkpoints; each
            // resumed run must read the record list again and go on one page before its checkpoint
            // (the one overlap page that covers a deletion shifting the pages), never reading again
            // a record of the pages before it. (The account is quiet: no record changed within the
            // sweep's 60-second look-back, so a new window after a completed one reads none.)
            let sweep = ["--streams", "notes", "files"]
            let readsBefore = control.requests.count
            let reference = folder.appendingPathComponent("reference.sqlite").path
            let referenceRun = try await killLoop(seed: 0, step: 1...1).run(
                arguments(sweep, into: (reference, "reference")), kills: 0)
            #expect(referenceRun.finalStatus == 0, "the uninterrupted sweep: \(referenceRun.finalStandardError)")
            figures.referenceSweepReads = Self.perCandidateReads(control.requests.dropFirst(readsBefore)).count
            let order = Dictionary(uniqueKeysWithValues: control.candidates.enumerated().map { ($1.id, $0) })
            var runs: [(logStart: Int, skippable: [String: Int])] = []
            let killedSweep = try await killLoop(seed: 0x5EED_0002, step: 15...45).run(
                arguments(sweep), kills: plan.sweep
            ) { _ in
                runs.append((control.requests.count, try await Self.committedRecords(mirror, account: account)))
            }
            finished(killedSweep, "sweep")
            let log = control.requests
            for (index, run) in runs.enumerated() {
                let end = index + 1 < runs.count ? runs[index + 1].logStart : log.count
                let reads = Self.perCandidateReads(log[run.logStart..<end])
                figures.sweepReads += reads.count
                let again = reads.filter { (order[$0.record] ?? .max) < (run.skippable[$0.stream] ?? 0) }
                figures.committedRecordsReadAgain += again.count
                #expect(
                    again.isEmpty,
                    "\(kind): sweep run \(index) read again \(again.count) records its checkpoints had passed")
            }
            try await audit("the killed sweep", perCandidate: true, deletionsSeen: true)

            // The account changes (moves, new candidates, comments), and the sandbox limits requests
            // to 25 per window of a few seconds, a window another client has just spent: the killed
            // runs and the runs after them meet 429s and wait for the reset that the sandbox names,
            // in real time (the child's pacer sleeps on its own clock, so the sandbox's virtual
            // clock cannot serve a child process). Windows are aligned on Unix time: the length is
            // the one whose current window has the most time left, so that the spent window still
            // runs when the first run's first request arrives.
            control.mutate(count: 30)
            figures.changes += 30
            let window = Self.windowWithTheMostTimeLeft(Date())
            control.update {
                $0.rateLimit = 25
                $0.rateWindowSeconds = window
            }
            control.exhaustRateLimit()
            let limited = try await killLoop(seed: 0x5EED_0003, step: 1...4).run(arguments(), kills: plan.limited)
            finished(limited, "incremental_sync_rate_limited")
            figures.rateLimited = control.requests.count { $0.status == 429 }
            control.update { $0.rateLimit = nil }
            try await normalRun(sweep, "the sweep after the changes")
            try await audit("the incremental sync", perCandidate: true, deletionsSeen: false)

            // Candidates are deleted (later records move up in the paging order) and more changes
            // made; a full scan must retire exactly the deleted ones, also when killed while it
            // reconciles. A full sweep then retires their comments and files.
            for candidate in control.candidates.enumerated().filter({ $0.offset % 37 == 5 }).map(\.element) {
                if control.delete(candidateID: candidate.id) { figures.deleted += 1 }
            }
            control.mutate(count: 10)
            figures.changes += 10
            let full = try await killLoop(seed: 0x5EED_0004, step: 1...4).run(
                arguments(["--full"]), kills: wanted - plan.records - plan.sweep - plan.limited)
            finished(full, "full_scan")
            try await normalRun(["--full"] + sweep, "a full sweep")
            try await audit("the full scan", perCandidate: true, deletionsSeen: true)
        }
        let kills = figures.kills.values.reduce(0, +)
        #expect(kills >= wanted * 3 / 4, "the runs were killed many times: \(figures.kills)")
        #expect(figures.rateLimited > 0, "the rate-limited phase met 429s")
        var published: [String: Any] = [
            "sigkills": kills, "requests_answered": figures.answers, "answers_429": figures.rateLimited,
            "background_changes": figures.changes, "candidates_deleted": figures.deleted,
            "applications_compared": figures.applications.compared, "applications_lost": figures.applications.lost,
            "applications_duplicated": figures.applications.duplicated,
            "applications_differing": figures.applications.differing,
            "deleted_records_left_live": figures.applications.extra + figures.perCandidate.extra,
            "comments_compared": figures.perCandidate.comments, "files_compared": figures.perCandidate.files,
            "comments_or_files_lost": figures.perCandidate.lost,
            "comments_or_files_duplicated": figures.perCandidate.duplicated,
            "sweep_reads_uninterrupted": figures.referenceSweepReads, "sweep_reads_killed": figures.sweepReads,
            "sweep_records_read_again_behind_a_checkpoint": figures.committedRecordsReadAgain,
            "stores": [kind.rawValue],
        ]
        for (phase, count) in figures.kills { published["sigkills_during_\(phase)"] = count }
        ReliabilityRun.publish(suite: "crash-sync (workable, \(kind))", published)
    }

    /// The window length, 5 to 12 seconds, whose window (aligned on Unix time) has the most time
    /// left at `now`.
    static func windowWithTheMostTimeLeft(_ now: Date) -> Int {
        let seconds = now.timeIntervalSince1970
        func timeLeft(_ window: Int) -> Double {
            Double(window) - seconds.truncatingRemainder(dividingBy: Double(window))
        }
        return (5...12).max { timeLeft($0) < timeLeft($1) } ?? 5
    }

    /// One request for a candidate record's comments (`notes`) or files.
    typealias PerCandidateRead = (stream: String, record: String)

    /// The per-candidate requests among `requests` (a record's activities or files): which stream
    /// and which candidate record each read.
    static func perCandidateReads(_ requests: some Sequence<WorkableSandboxRequest>) -> [PerCandidateRead] {
        requests.compactMap { request in
            let parts = request.path.split(separator: "/").map(String.init)
            guard request.host == .api, parts.count >= 3, parts[parts.count - 3] == "candidates" else { return nil }
            switch parts[parts.count - 1] {
            case "activities": return ("notes", parts[parts.count - 2])
            case "files": return ("files", parts[parts.count - 2])
            default: return nil
            }
        }
    }

    /// Per per-candidate stream, how many records (in list order) a run may skip: those of the
    /// pages before the one before its checkpoint's next page.
    static func committedRecords(_ mirror: ProcessMirror, account: String) async throws -> [String: Int] {
        try await mirror.withStore { store in
            var skippable: [String: Int] = [:]
            for stream in [SyncStreamName.notes, .files] {
                let next = try await store.state(of: stream, account: account).checkpoint?.nextPage ?? 1
                skippable[stream.rawValue] = max(0, next - 2) * candidatesPerPage
            }
            return skippable
        }
    }
}

/// The comments and files of a Workable mirror against the sandbox's truth: each exactly once, none
/// that the account no longer has.
struct PerCandidateAudit: Sendable {
    var comments = 0
    var files = 0
    var lost = 0
    var duplicated = 0
    var extra = 0
    var examples: [String] = []

    var isExact: Bool { lost == 0 && duplicated == 0 && extra == 0 }

    mutating func add(_ other: PerCandidateAudit) {
        comments += other.comments
        files += other.files
        lost += other.lost
        duplicated += other.duplicated
        extra += other.extra
    }

    static func audit(store: any SyncStore, account: String, truth: WorkableSandboxControl) async throws
        -> PerCandidateAudit
    {
        var wantedComments: [String] = []
        var wantedFiles: [String] = []
        for candidate in truth.candidates {
            wantedComments += truth.activities(of: candidate.id).filter { $0.action == "comment" }.map(\.id)
            wantedFiles += truth.files(of: candidate.id).map { "\(candidate.id)/\($0.kind)/\($0.name)" }
        }
        var audit = PerCandidateAudit()
        audit.comments = wantedComments.count
        audit.files = wantedFiles.count
        for (stream, wanted) in [(SyncStreamName.notes, wantedComments), (.files, wantedFiles)] {
            let rows = try await store.storedRows(of: stream, account: account).filter { $0.deletedAt == nil }
            let counts = Dictionary(grouping: rows.map(\.id), by: { $0 }).mapValues(\.count)
            let wantedSet = Set(wanted)
            for id in wantedSet where counts[id] == nil { audit.note("\(stream) \(id) lost", into: \.lost) }
            for (id, count) in counts where count > 1 {
                audit.note("\(stream) \(id) \(count) times", into: \.duplicated)
            }
            for id in counts.keys where !wantedSet.contains(id) {
                audit.note("\(stream) \(id) live but gone from the account", into: \.extra)
            }
        }
        return audit
    }

    private mutating func note(_ example: String, into counter: WritableKeyPath<PerCandidateAudit, Int>) {
        self[keyPath: counter] += 1
        if examples.count < 6 { examples.append(example) }
    }
}
