import ATSBridge
import ATSCore
import Foundation
import Synchronization
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox
import WorkableAPI
import WorkableATS
import WorkableSandbox

/// The seed's hybrid itself: Workable applicants (the same person in several jobs, e-mails that
/// differ in case and spaces) mirrored into Tracker, through the two providers' own clients.
@Suite struct WorkableBridgeTests {
    struct Sides {
        let workable: RunningWorkableSandbox
        let tracker: RunningSandbox
        let source: WorkableATSClient
        let target: TrackerATSClient
        /// The first three Workable jobs onto the first three Tracker jobs; the fourth is unmapped.
        let mapping: [JobID: JobID]

        var trackerCreates: Int {
            tracker.control.requestLog().count { $0.method == "POST" && $0.path.hasSuffix("/applications") }
        }

        var workableWrites: Int { workable.control.requests.count { $0.method != "GET" } }

        /// One (Tracker job, normalised e-mail) per Workable person with an e-mail on a mapped job.
        var expectedPeople: Set<String> {
            Set(
                workable.control.candidates.compactMap { candidate in
                    guard let email = BridgeEmail.normalized(candidate.email),
                        let job = mapping[JobID(candidate.shortcode)]
                    else { return nil }
                    return "\(job) \(email)"
                })
        }

        func trackerPeople() -> [String: Int] {
            var counts: [String: Int] = [:]
            for application in tracker.control.applications() {
                guard let email = BridgeEmail.normalized(application.email) else { continue }
                counts["\(application.jobID) \(email)", default: 0] += 1
            }
            return counts
        }
    }

    static func withSides<Result: Sendable>(_ body: (Sides) async throws -> Result) async throws -> Result {
        var workableConfiguration = WorkableSandboxConfiguration(personCount: 30, jobCount: 4)
        workableConfiguration.behavior.rateLimit = nil
        var trackerConfiguration = SandboxConfiguration(seed: 3, jobCount: 4, applicationCount: 0)
        trackerConfiguration.behavior.timestampMode = .utc
        return try await withWorkableSandbox(workableConfiguration) { workable in
            try await withTrackerSandbox(trackerConfiguration) { tracker in
                // The sandbox has no limit here, and the client need not pace to one (the pacing has tests of its own).
                var wire = WorkableAPI.Configuration(baseURL: workable.baseURL, token: workable.token)
                wire.rateLimit = WorkableRateLimit(requests: 10_000)
                return try await WorkableATSClient.withWorkableATSClient(configuration: wire) { source in
                    let api = TrackerAPI.Configuration(
                        baseURL: tracker.baseURL, apiKey: tracker.apiKey, apiPassword: tracker.apiPassword,
                        accountTimeZone: .gmt, rateLimit: nil)
                    return try await TrackerATSClient.withTrackerATSClient(api: api) { target in
                        let shortcodes = workable.control.jobs.map(\.shortcode).sorted()
                        let jobs = tracker.control.jobs().map(\.id).sorted()
                        let mapping = Dictionary(
                            uniqueKeysWithValues: (0..<3).map { (JobID(shortcodes[$0]), JobID(String(jobs[$0]))) })
                        return try await body(
                            Sides(
                                workable: workable, tracker: tracker, source: source, target: target, mapping: mapping))
                    }
                }
            }
        }
    }

    @Test func workableApplicantsAreMirroredIntoTrackerOncePerPersonAndJob() async throws {
        try await Self.withSides { sides in
            let bridge = ApplicationBridge(source: sides.source, target: sides.target, jobs: sides.mapping)
            let first = try await bridge.run()
            let candidates = sides.workable.control.candidates
            #expect(first.rows.count == candidates.count, "one row per Workable application")
            for row in first.rows {
                let candidate = try #require(candidates.first { $0.id == row.sourceID.rawValue })
                if sides.mapping[JobID(candidate.shortcode)] == nil {
                    #expect(row.outcome == .skipped && row.reason == .unmappedJob)
                } else if BridgeEmail.normalized(candidate.email) == nil {
                    #expect(row.outcome == .failed && row.reason == .noEmail)
                } else {
                    #expect(row.outcome.targetID != nil, "\(row)")
                }
            }
            let people = sides.trackerPeople()
            #expect(Set(people.keys) == sides.expectedPeople)
            #expect(people.values.allSatisfy { $0 == 1 })
            #expect(sides.workableWrites == 0, "the bridge never writes to Workable")
            let created = sides.tracker.control.applications()
            #expect(created.allSatisfy { $0.source == "Workable" })

            let posts = sides.trackerCreates
            let second = try await bridge.run()
            #expect(sides.trackerCreates == posts, "the second run creates nothing")
            #expect(second.counts["created", default: 0] == 0)
        }
    }

    /// The figures docs/BRIDGE.md gives, counted in the sandboxes' request logs: per run, one
    /// Workable request per mapped job and one per page of 100 candidates (plus each job's pipeline
    /// once per client), two Tracker requests per mapped job (plus the two custom-field schemas once
    /// per client); per created application, three Tracker
    /// requests (Tracker's client checks the job and the person again, then POSTs); nothing per
    /// application found.
    @Test func whatARunCostsInRequests() async throws {
        try await Self.withSides { sides in
            let bridge = ApplicationBridge(source: sides.source, target: sides.target, jobs: sides.mapping)
            let mapped = sides.mapping.count
            let pages = (sides.workable.control.candidates.count + 99) / 100
            var workable = sides.workable.control.requests.count
            var tracker = sides.tracker.control.requestLog().count

            let first = try await bridge.run()
            let created = first.counts["created", default: 0]
            #expect(created > 0)
            // Once per client: Tracker's two custom-field schemas, and each Workable job's pipeline.
            let schemas = 2
            let pipelines = Set(sides.workable.control.candidates.map(\.shortcode)).count
            #expect(sides.tracker.control.requestLog().count - tracker == schemas + 2 * mapped + 3 * created)
            #expect(sides.workable.control.requests.count - workable == mapped + pages + pipelines)

            workable = sides.workable.control.requests.count
            tracker = sides.tracker.control.requestLog().count
            _ = try await bridge.run()
            #expect(sides.tracker.control.requestLog().count - tracker == 2 * mapped)
            #expect(sides.workable.control.requests.count - workable == mapped + pages)
        }
    }

    @Test func theHybridClientStreamsTheBridgedSetAndSendsEverythingElseToTracker() async throws {
        try await Self.withSides { sides in
            let reports = ReportBox()
            let hybrid = HybridATSClient(
                bridge: ApplicationBridge(source: sides.source, target: sides.target, jobs: sides.mapping),
                onBridgeReport: { reports.add($0) })
            #expect(hybrid.capabilities.provider.rawValue == "tracker_workable")
            #expect(hybrid.capabilities.support(for: .streamApplications).name == "limited")
            #expect(
                hybrid.capabilities.support(for: .moveToStage) == sides.target.capabilities.support(for: .moveToStage))
            #expect(sides.trackerCreates == 0, "nothing is read or written before the stream is iterated")

            let applications = try await hybrid.streamApplications(.all).collect()
            #expect(reports.count == 1)
            #expect(
                Set(applications.map(\.id.rawValue)) == Set(sides.tracker.control.applications().map { String($0.id) }))
            #expect(applications.count == sides.expectedPeople.count)

            // Everything else goes to Tracker: a note lands on the Tracker application.
            let first = try #require(applications.first)
            #expect(try await hybrid.application(first.id).id == first.id)
            let job = try await hybrid.job(first.jobID)
            #expect(job.id == first.jobID)
            let note = try await hybrid.addNote(NoteDraft("Screened by phone."), toApplication: first.id)
            #expect(try await sides.target.notes(ofApplication: first.id).contains { $0.id == note.id })
            #expect(sides.workable.control.requests.allSatisfy { $0.method == "GET" })
        }
    }
}

/// The hybrid's bridge reports, collected from any task.
final class ReportBox: Sendable {
    private let reports = Mutex<[BridgeReport]>([])
    func add(_ report: BridgeReport) { reports.withLock { $0.append(report) } }
    var count: Int { reports.withLock { $0.count } }
}
