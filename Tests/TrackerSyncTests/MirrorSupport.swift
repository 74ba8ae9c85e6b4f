import ATSCore
import ATSSync
import ATSSyncPostgres
import ATSSyncSQLite
import ATSTestSupport
import Foundation
import Logging
import Synchronization
import Testing
import TrackerATS
import TrackerSandbox
import TrackerSync

@testable import TrackerAPI

/// A sandbox, a Tracker API client for it and a mirror, with one clock for both sides.
struct MirrorHarness: Sendable {
    let sandbox: RunningSandbox
    let api: TrackerAPI
    let store: any SyncStore
    let clock: ManualSandboxClock
    let source: TrackerSyncSource
    /// The clock the client waits on (it moves `clock`).
    let clientClock: any Clock<Duration>

    /// A sync run with the harness's clock.
    func engine<S: SyncSource>(_ source: S, store: (any SyncStore)? = nil) -> SyncEngine<S> {
        let clock = clock
        return SyncEngine(
            source: source, store: store ?? self.store, planner: WindowPlanner(fullScanInterval: nil),
            now: { clock.now() })
    }

    /// Runs every stream once.
    @discardableResult
    func sync(full: Bool = false) async throws -> SyncRunReport {
        try await engine(source).run(source.streams, fullScan: full)
    }

    var account: String { source.account }
}

/// A fixed start for the sandbox's clock: 2024-03-10, a US daylight-saving change day, 12:00 UTC.
let mirrorStart = Date(timeIntervalSince1970: 1_710_072_000)

/// Runs `body` with a sandbox of `applications` applications on a manual clock, in `zone` and `mode`.
func withMirror(
    _ kind: StoreKind,
    applications: Int = 240,
    zone: String = "America/Los_Angeles",
    mode: SandboxTimestampMode = .naiveLocal,
    clientKnowsZone: Bool = true,
    pageSize: Int = 50,
    start: Date = mirrorStart,
    configure: (inout SandboxConfiguration) -> Void = { _ in },
    clientClock: ((ManualSandboxClock) -> any Clock<Duration>)? = nil,
    client: (inout TrackerAPI.Configuration) -> Void = { _ in },
    _ body: (MirrorHarness) async throws -> Void
) async throws {
    let clock = ManualSandboxClock(start: start)
    var configuration = SandboxConfiguration(jobCount: 8, applicationCount: applications)
    configuration.behavior.timeZone = TimeZone(identifier: zone) ?? .gmt
    configuration.behavior.timestampMode = mode
    configuration.clock = clock
    configure(&configuration)
    try await kind.withStore { store in
        try await withMirror(
            store: store, configuration: configuration, clock: clock, clientKnowsZone: clientKnowsZone,
            pageSize: pageSize, clientClock: clientClock, client: client, body)
    }
}

/// Runs `body` with a sandbox made from `configuration` (whose clock is `clock`) mirrored into `store`.
/// - Parameters:
///   - account: The account's name in the mirror (default: a new one per call).
///   - identity: How candidate ids are derived (default: a test secret).
///   - clientClock: The clock the client waits on (default: one that advances the sandbox's clock).
///   - client: Changes to the client's settings.
func withMirror(
    store: any SyncStore,
    configuration: SandboxConfiguration,
    clock: ManualSandboxClock,
    clientKnowsZone: Bool = true,
    pageSize: Int = 50,
    account: String? = nil,
    identity: CandidateIdentity = CandidateIdentity(secret: Array("test secret".utf8)),
    clientClock: ((ManualSandboxClock) -> any Clock<Duration>)? = nil,
    client: (inout TrackerAPI.Configuration) -> Void = { _ in },
    _ body: (MirrorHarness) async throws -> Void
) async throws {
    let accountZone = configuration.behavior.timeZone
    try await withTrackerSandbox(configuration) { sandbox in
        var settings = TrackerAPI.Configuration(
            baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
            accountTimeZone: clientKnowsZone ? accountZone : nil,
            retryPolicy: TrackerRetryPolicy(initialBackoff: .milliseconds(2), maximumBackoff: .milliseconds(20)),
            rateLimit: nil, pageSize: pageSize)
        settings.retryPolicy.maximumAttempts = 8
        client(&settings)
        // The client's waits (backoff, Retry-After) advance the sandbox's clock instead of
        // sleeping, so its rate-limit buckets refill as they would in real time.
        let transport = HTTPClientTransport(connectTimeout: .seconds(5), maximumConnections: 16)
        let waits = clientClock?(clock) ?? SandboxAdvancingClock(sandboxClock: clock)
        let api = try TrackerAPI(configuration: settings, transport: transport, clock: waits)
        let source = TrackerSyncSource(
            api: api, account: account ?? "sandbox-\(UUID().uuidString.prefix(8))", identity: identity,
            accountTimeZone: clientKnowsZone ? accountZone : nil, pageSize: pageSize)
        let harness = MirrorHarness(
            sandbox: sandbox, api: api, store: store, clock: clock, source: source, clientClock: waits)
        do {
            try await body(harness)
            try await api.shutdown()
        } catch {
            try? await api.shutdown()
            throw error
        }
    }
}

/// What the mirror should hold, and checks that it does.
struct GroundTruthCheck {
    let harness: MirrorHarness

    /// Every live record of the sandbox is in the mirror with the same update time and fields, and
    /// (unless `allowStaleDeletions`) nothing else is live in the mirror.
    func expectMirrorEqualsGroundTruth(allowStaleDeletions: Bool = false) async throws {
        let control = harness.sandbox.control
        // Every typed column, the candidates' grouping and the stage history, counted.
        let comparison = try await MirrorComparison.of(
            harness.store, account: harness.account, against: control, deletionsSeen: !allowStaleDeletions)
        #expect(comparison.isExact, "the mirror differs from the sandbox: \(comparison.examples)")
        let applications = try await liveRows(.applications)
        let truth = control.applications()
        for application in truth {
            let row = try #require(applications[String(application.id)], "application \(application.id) missing")
            #expect(row.updatedAt == application.updatedAt, "application \(application.id) updated_at")
            let fields = try object(row.raw)
            #expect(fields["status"]?.stringValue == application.status, "application \(application.id) status")
            #expect(fields["email"]?.stringValue == application.email, "application \(application.id) email")
            #expect(fields["first_name"]?.stringValue == application.firstName)
            #expect(fields["tags"]?.arrayValue?.compactMap(\.stringValue) == application.tags)
        }
        if !allowStaleDeletions {
            #expect(Set(applications.keys) == Set(truth.map { String($0.id) }))
        }
        let jobs = try await liveRows(.jobs)
        for job in control.jobs() {
            let row = try #require(jobs[String(job.id)], "job \(job.id) missing")
            #expect(row.updatedAt == job.updatedAt)
            #expect(try object(row.raw)["title"]?.stringValue == job.title)
        }
        #expect(Set(jobs.keys) == Set(control.jobs().map { String($0.id) }))
        let notes = try await liveRows(.notes)
        for note in control.notes() {
            let row = try #require(notes[String(note.id)], "note \(note.id) missing")
            #expect(row.updatedAt == note.updatedAt)
            #expect(try object(row.raw)["body"]?.stringValue == note.body)
        }
        let files = try await liveRows(.files)
        #expect(Set(control.files().map { String($0.id) }).isSubset(of: Set(files.keys)))
        if !allowStaleDeletions {
            #expect(Set(notes.keys) == Set(control.notes().map { String($0.id) }))
            #expect(Set(files.keys) == Set(control.files().map { String($0.id) }))
            try await expectCandidatesMatch(truth)
        }
    }

    /// The live candidates are exactly the groups of the sandbox's applications by normalised e-mail.
    func expectCandidatesMatch(_ truth: [SandboxApplication]) async throws {
        let candidates = try await liveRows(.candidates)
        var mirrored: Set<Set<String>> = []
        for row in candidates.values {
            let ids = try object(row.raw)["application_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
            mirrored.insert(Set(ids))
        }
        let expected = expectedCandidates(truth)
        #expect(mirrored.subtracting(expected).isEmpty, "candidates the mirror has but should not")
        #expect(expected.subtracting(mirrored).isEmpty, "candidates the mirror lacks")
    }

    func liveRows(_ stream: SyncStreamName) async throws -> [String: StoredRow] {
        let rows = try await harness.store.storedRows(of: stream, account: harness.account)
        return Dictionary(uniqueKeysWithValues: rows.filter { $0.deletedAt == nil }.map { ($0.id, $0) })
    }

    func object(_ raw: String) throws -> [String: TrackerJSON] {
        try #require(try TrackerJSON.parse(Data(raw.utf8)).objectValue)
    }
}

/// The candidates a mirror of `truth` should hold, each as its applications' ids: applications that
/// share an email (compared trimmed and ignoring case) are one candidate, and an application without
/// an email is a candidate of its own.
func expectedCandidates(_ truth: [SandboxApplication]) -> Set<Set<String>> {
    var byEmail: [String: Set<String>] = [:]
    var candidates: Set<Set<String>> = []
    for application in truth {
        let email = (application.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if email.isEmpty {
            candidates.insert([String(application.id)])
        } else {
            byEmail[email, default: []].insert(String(application.id))
        }
    }
    return candidates.union(byEmail.values)
}
