import ATSBridge
import ATSCore
import ATSSync
import ATSSyncSQLite
import ArgumentParser
import Foundation
import Logging
import TrackerAPI
import TrackerATS
import TrackerSandbox
import WorkableAPI
import WorkableATS
import WorkableSandbox

/// `ats demo --bridge`: the flag, as an option group so that the demo command carries one line for it.
struct BridgeDemoOption: ParsableArguments {
    @Flag(
        help: """
            Show the bridge instead: a Workable sandbox and a Tracker sandbox, a bridge run that creates some \
            applications in Tracker and finds others, a second run that creates nothing, and the mirror of the \
            hybrid (Tracker with the Workable applicants) in --database.
            """
    )
    var bridge = false
}

/// The bridge demo, step by step, on two embedded sandboxes; nothing outside them is contacted.
struct BridgeDemo {
    /// The mirror file (replaced only when an earlier demo made it).
    var database: String
    /// The sandboxes' seed.
    var seed: UInt64
    /// Where the demo writes.
    var output: CommandOutput
    /// Whether the Workable sandbox enforces, and the client keeps to, the real 10 requests per 10 s.
    var realWorkableLimit = true

    /// People in the Workable sandbox; some apply to several jobs.
    static let workablePeople = 24

    func run() async throws {
        let path = URL(fileURLWithPath: database).standardizedFileURL.path
        try SQLiteFileCheck.check(path)
        do {
            try await SQLiteMirrorLock.withLock(mirror: path) {
                if try DemoRun.checkReplaceable(path) {
                    for suffix in [""] + SQLiteMirrorFile.sideFileSuffixes
                    where FileManager.default.fileExists(atPath: path + suffix) {
                        try FileManager.default.removeItem(atPath: path + suffix)
                    }
                }
                let store = try SQLiteSyncStore(path: path)
                try await store.prepare()
                try await store.markAsDemo()
                try await withSandboxes(store: store, path: path)
            }
        } catch let busy as SQLiteMirrorLock.Busy {
            throw CommandFailure.failed("\(busy.description). The demo did not start; give --database another file.")
        }
    }

    private func withSandboxes(store: SQLiteSyncStore, path: String) async throws {
        var workableSettings = WorkableSandboxConfiguration(personCount: Self.workablePeople, jobCount: 4, seed: seed)
        if !realWorkableLimit { workableSettings.behavior.rateLimit = nil }
        var trackerSettings = SandboxConfiguration(seed: seed, jobCount: 4, applicationCount: 60)
        trackerSettings.behavior.timestampMode = .utc
        try await withWorkableSandbox(workableSettings) { workable in
            try await withTrackerSandbox(trackerSettings) { tracker in
                var wire = WorkableAPI.Configuration(baseURL: workable.baseURL, token: workable.token)
                if !realWorkableLimit { wire.rateLimit = WorkableRateLimit(requests: 10_000) }
                let trackerAPI = TrackerAPI.Configuration(
                    baseURL: tracker.baseURL, apiKey: tracker.apiKey, apiPassword: tracker.apiPassword,
                    accountTimeZone: .gmt, rateLimit: nil)
                try await WorkableATSClient.withWorkableATSClient(configuration: wire) { source in
                    try await TrackerATSClient.withTrackerATSClient(
                        api: trackerAPI,
                        configuration: TrackerATSClient.Configuration(knownStatuses: tracker.control.statuses)
                    ) { target in
                        try await BridgeDemoSteps(
                            workable: workable, tracker: tracker, source: source, target: target, store: store,
                            path: path, output: output
                        ).run()
                    }
                }
            }
        }
    }
}

/// The demo's steps, once both sandboxes and clients are up.
private struct BridgeDemoSteps {
    let workable: RunningWorkableSandbox
    let tracker: RunningSandbox
    let source: WorkableATSClient
    let target: TrackerATSClient
    let store: SQLiteSyncStore
    let path: String
    let output: CommandOutput

    var workableRequests: Int { workable.control.requests.count { $0.host == .api } }
    var trackerRequests: Int { tracker.control.requestLog().count }
    var trackerCreates: Int {
        tracker.control.requestLog().count { $0.method == "POST" && $0.path.hasSuffix("/applications") }
    }

    func run() async throws {
        let shortcodes = workable.control.jobs.map(\.shortcode).sorted()
        let trackerJobs = tracker.control.jobs().map(\.id).sorted()
        let mapping = Dictionary(
            uniqueKeysWithValues: (0..<3).map { (JobID(shortcodes[$0]), JobID(String(trackerJobs[$0]))) })
        let candidates = workable.control.candidates
        output.line("ATSKit bridge demo: Workable applicants mirrored into Tracker")
        output.line("")
        output.line(
            "1. A Workable sandbox (\(candidates.count) applications of \(BridgeDemo.workablePeople) people on "
                + "\(shortcodes.count) jobs, the same person on several jobs with e-mails in other cases and spaces; "
                + "\(workable.control.behavior.rateLimit.map { "\($0) requests per 10 s" } ?? "no rate limit")) and a "
                + "Tracker sandbox (\(tracker.control.applicationCount) applications of other people).")
        output.line(
            "   Jobs mapped, Workable → Tracker: "
                + mapping.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", ")
                + "; \(shortcodes[3]) is not mapped.")

        // Some Workable applicants are already in Tracker (typed differently), so the bridge finds them.
        var planted = 0
        for candidate in candidates where planted < 4 {
            guard let targetJob = mapping[JobID(candidate.shortcode)], let email = candidate.email,
                BridgeEmail.normalized(email) != nil
            else { continue }
            let person = try await source.application(ApplicationID(candidate.id)).applicant
            _ = try await target.createApplication(
                ApplicationCreationRequest(
                    job: targetJob,
                    applicant: .details(
                        CandidateDetails(
                            firstName: person.firstName ?? "Known", lastName: person.lastName ?? "Person",
                            email: " " + email.uppercased())),
                    source: "Career fair"))
            planted += 1
        }
        output.line("   \(planted) of these people were already entered in Tracker by hand, their e-mails in capitals.")

        let journalFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ats-bridge-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: journalFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: journalFolder) }
        let journalURL = journalFolder.appendingPathComponent("bridge.journal")
        let identity = "workable \(workable.baseURL) → tracker \(tracker.baseURL)"

        output.line("")
        output.line("2. First bridge run (ats bridge --config bridge.json --journal bridge.journal):")
        let first = try await bridgeRun(mapping: mapping, journal: journalURL, identity: identity)
        output.line("")
        output.line("3. Second run, same configuration:")
        let posts = trackerCreates
        let second = try await bridgeRun(mapping: mapping, journal: journalURL, identity: identity)
        let verdict = trackerCreates == posts && second.counts["created", default: 0] == 0
        output.line(
            "   \(verdict ? "✓" : "✗") \(trackerCreates - posts) applications created in Tracker: everyone bridged "
                + "in run 1 was found by e-mail. (\(first.counts["created", default: 0]) created in run 1.)")

        output.line("")
        output.line("4. The hybrid client (HybridATSClient, provider tracker_workable) mirrored into \(path):")
        let hybrid = HybridATSClient(bridge: ApplicationBridge(source: source, target: target, jobs: mapping))
        let engine = SyncEngine(
            source: ATSClientSyncSource(client: hybrid, account: "hybrid"), store: store,
            logger: Logger(label: "ats.demo.bridge") { _ in SwiftLogNoOpLogHandler() })
        let sync = try await engine.run(ATSClientSyncSource(client: hybrid, account: "hybrid").streams)
        for stream in sync.streams {
            output.line("   \(stream.stream): \(stream.records) records")
        }
        let query = """
            SELECT coalesce(source, '(none)') AS source, count(*) AS applications
            FROM applications WHERE account = 'hybrid' AND deleted_at IS NULL
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8
            """
        output.line("")
        output.line("   -- The combined applications by source: Tracker's own, and the Workable applicants")
        for line in query.split(separator: "\n") { output.line("   " + line) }
        let result = try await store.query(query, limit: 10)
        for row in result.rows {
            output.line(
                "      " + (row[0] ?? "NULL").padding(toLength: 20, withPad: " ", startingAt: 0) + (row[1] ?? ""))
        }
        output.line("")
        output.line("Next: docs/BRIDGE.md for bridge.json, the report and the guarantees.")
    }

    /// One bridge run with a file journal; prints its totals, a few rows and what it cost.
    private func bridgeRun(mapping: [JobID: JobID], journal url: URL, identity: String) async throws -> BridgeReport {
        let workableBefore = workableRequests
        let trackerBefore = trackerRequests
        let journal = try FileBridgeJournal(url: url, bridge: identity)
        let report: BridgeReport
        do {
            report = try await ApplicationBridge(
                source: source, target: target, jobs: mapping, journal: journal,
                options: ApplicationBridge.Options(sourceLabel: "Workable")
            ).run()
            await journal.close()
        } catch {
            await journal.close()
            throw error
        }
        let counts = report.counts
        output.line(
            "   \(counts["created", default: 0]) created, \(counts["existing", default: 0]) existing, "
                + "\(counts["skipped", default: 0]) skipped, \(counts["failed", default: 0]) failed, of "
                + "\(report.rows.count) Workable applications.")
        var shown: Set<String> = []
        for row in report.rows where shown.insert(row.outcome.name).inserted {
            output.line("     e.g. " + BridgeReportPrinter.textLine(row))
        }
        let workableCost = workableRequests - workableBefore
        let trackerCost = trackerRequests - trackerBefore
        output.line(
            "   Requests: \(workableCost) to Workable, \(trackerCost) to Tracker "
                + "(\(String(format: "%.2f", Double(workableCost + trackerCost) / Double(max(report.rows.count, 1)))) "
                + "per Workable application).")
        return report
    }
}
