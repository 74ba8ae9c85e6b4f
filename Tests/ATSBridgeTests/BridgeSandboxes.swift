import ATSBridge
import ATSCore
import Foundation
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// Two Tracker sandboxes, each with its own client: one plays the source (where applicants
/// arrive), the other the target (the system of record). The bridge speaks only `ATSClient`, so
/// a Tracker source stands in for Workable until that client lands.
struct BridgeSandboxes: Sendable {
    let source: TrackerATSClient
    let target: TrackerATSClient
    let sourceSandbox: RunningSandbox
    let targetSandbox: RunningSandbox

    /// Source job → target job: the source's first two jobs onto the target's first two; the
    /// source's third job is left unmapped.
    var mapping: [JobID: JobID] {
        let sourceJobs = sourceSandbox.control.jobs().map(\.id).sorted()
        let targetJobs = targetSandbox.control.jobs().map(\.id).sorted()
        return [
            JobID(String(sourceJobs[0])): JobID(String(targetJobs[0])),
            JobID(String(sourceJobs[1])): JobID(String(targetJobs[1])),
        ]
    }

    /// The source applications on mapped jobs.
    var mappedSourceApplications: [SandboxApplication] {
        let mapped = Set(mapping.keys.map(\.rawValue))
        return sourceSandbox.control.applications().filter { mapped.contains(String($0.jobID)) }
    }

    /// The number of `POST /applications` the target received.
    var targetCreates: Int {
        targetSandbox.control.requestLog().count { $0.method == "POST" && $0.path.hasSuffix("/applications") }
    }

    /// How many target applications each (target job, normalised e-mail) has.
    func targetApplicationsPerPerson() -> [String: Int] {
        var counts: [String: Int] = [:]
        for application in targetSandbox.control.applications() {
            guard let email = BridgeEmail.normalized(application.email) else { continue }
            counts["\(application.jobID) \(email)", default: 0] += 1
        }
        return counts
    }

    /// The (target job, normalised e-mail) pairs the bridge must end with: one per person with an
    /// e-mail on each mapped job, computed from the sandboxes' own records.
    func expectedPeople() -> Set<String> {
        var people: Set<String> = []
        for application in mappedSourceApplications {
            guard let email = BridgeEmail.normalized(application.email),
                let target = mapping[JobID(String(application.jobID))]
            else { continue }
            people.insert("\(target) \(email)")
        }
        return people
    }

    func bridge(
        journal: any BridgeJournal = InMemoryBridgeJournal(), source: (any ATSClient)? = nil,
        target: (any ATSClient)? = nil
    ) -> ApplicationBridge {
        ApplicationBridge(
            source: source ?? self.source, target: target ?? self.target, jobs: mapping, journal: journal,
            options: ApplicationBridge.Options(sourceLabel: "Workable"))
    }
}

/// Runs `body` with a source sandbox of `sourceApplications` applications on three jobs and an
/// empty-ish target of three jobs (`targetApplications` generated applications of other people).
func withBridgeSandboxes<Result: Sendable>(
    sourceApplications: Int = 30,
    targetApplications: Int = 0,
    _ body: (BridgeSandboxes) async throws -> Result
) async throws -> Result {
    var sourceConfiguration = SandboxConfiguration(seed: 7, jobCount: 3, applicationCount: sourceApplications)
    sourceConfiguration.behavior.timestampMode = .utc
    var targetConfiguration = SandboxConfiguration(seed: 99, jobCount: 3, applicationCount: targetApplications)
    targetConfiguration.behavior.timestampMode = .utc
    targetConfiguration.apiKey = "target-key"
    targetConfiguration.apiPassword = "target-password"
    return try await withTrackerSandbox(sourceConfiguration) { sourceSandbox in
        try await withTrackerSandbox(targetConfiguration) { targetSandbox in
            try await withClient(sourceSandbox) { source in
                try await withClient(targetSandbox) { target in
                    try await body(
                        BridgeSandboxes(
                            source: source, target: target, sourceSandbox: sourceSandbox, targetSandbox: targetSandbox))
                }
            }
        }
    }
}

private func withClient<Result: Sendable>(
    _ sandbox: RunningSandbox, _ body: (TrackerATSClient) async throws -> Result
) async throws -> Result {
    var api = TrackerAPI.Configuration(
        baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword, accountTimeZone: .gmt,
        retryPolicy: TrackerRetryPolicy(initialBackoff: .milliseconds(5), maximumBackoff: .milliseconds(50)),
        rateLimit: nil)
    api.retryPolicy.maximumAttempts = 3
    return try await TrackerATSClient.withTrackerATSClient(
        api: api, configuration: TrackerATSClient.Configuration(knownStatuses: sandbox.control.statuses), body)
}

extension BridgeSandboxes {
    /// Creates an application on the target straight through the wire library, as another
    /// integration or a person would (no duplicate check): for people the target already has.
    @discardableResult
    func plantOnTarget(job: JobID, email: String, firstName: String = "Planted", lastName: String = "Person")
        async throws -> ApplicationID
    {
        let api = try TrackerAPI(
            configuration: TrackerAPI.Configuration(
                baseURL: targetSandbox.baseURL, apiKey: targetSandbox.apiKey, apiPassword: targetSandbox.apiPassword,
                accountTimeZone: .gmt, rateLimit: nil))
        do {
            let created = try await api.applications.create(
                TrackerApplicationCreateRequest(
                    jobID: TrackerJobID(rawValue: job.rawValue), firstName: firstName, lastName: lastName, email: email)
            )
            try await api.shutdown()
            return ApplicationID(created.id.rawValue)
        } catch {
            try? await api.shutdown()
            throw error
        }
    }
}
