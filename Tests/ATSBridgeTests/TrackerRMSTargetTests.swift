import ATSBridge
import ATSCore
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox
import WorkableAPI
import WorkableATS
import WorkableSandbox

/// The bridge with the other Tracker as its target (the seed's "Tracker" is probably Tracker RMS):
/// Workable applicants become Tracker RMS placements once per person and opportunity.
@Suite struct TrackerRMSTargetTests {
    @Test func workableApplicantsAreMirroredIntoTrackerRMSOncePerPersonAndJob() async throws {
        var workableConfiguration = WorkableSandboxConfiguration(personCount: 16, jobCount: 3)
        workableConfiguration.behavior.rateLimit = nil
        try await withWorkableSandbox(workableConfiguration) { workable in
            try await withTrackerRMSSandbox(
                RMSSandboxConfiguration(opportunityCount: 4, resourceCount: 20, placementCount: 10)
            ) {
                rms in
                var wire = WorkableAPI.Configuration(baseURL: workable.baseURL, token: workable.token)
                wire.rateLimit = WorkableRateLimit(requests: 10_000)
                try await WorkableATSClient.withWorkableATSClient(configuration: wire) { source in
                    try await TrackerRMSATSClient.withClient(
                        baseURL: rms.baseURL, credentials: .apiKey(rms.apiKey),
                        accountTimeZone: TimeZone(identifier: rms.control.timeZoneIdentifier), restToken: rms.restToken,
                        settings: .init(placementListing: .complete)
                    ) { target in
                        try await Self.check(workable: workable, source: source, target: target)
                    }
                }
            }
        }
    }

    static func check(workable: RunningWorkableSandbox, source: WorkableATSClient, target: TrackerRMSATSClient)
        async throws
    {
        let shortcodes = workable.control.jobs.map(\.shortcode).sorted()
        let opportunities = try await target.streamJobs(.all).collect().map(\.id).sorted()
        let mapping = [JobID(shortcodes[0]): opportunities[0], JobID(shortcodes[1]): opportunities[1]]
        let expected = Set(
            workable.control.candidates.compactMap { candidate -> String? in
                guard let email = BridgeEmail.normalized(candidate.email), let job = mapping[JobID(candidate.shortcode)]
                else { return nil }
                return "\(job) \(email)"
            })
        // Tracker RMS lists placements without their person's e-mail: ask each placement's resource.
        func perPerson() async throws -> [String: Int] {
            var counts: [String: Int] = [:]
            for application in try await target.streamApplications(ATSChangeQuery(jobIDs: Set(mapping.values)))
                .collect()
            {
                let email = try await target.candidate(application.candidateID).person.email
                guard let email = BridgeEmail.normalized(email) else { continue }
                counts["\(application.jobID) \(email)", default: 0] += 1
            }
            return counts
        }
        let bridge = ApplicationBridge(source: source, target: target, jobs: mapping)
        let first = try await bridge.run()
        #expect(first.counts["created", default: 0] > 0, "\(first.rows.filter { $0.outcome == .failed })")
        #expect(
            first.rows.allSatisfy { $0.outcome != .failed || $0.reason == .noEmail },
            "\(first.rows.filter { $0.outcome == .failed }.map { $0.detail ?? "" })")
        let counts = try await perPerson()
        #expect(expected.allSatisfy { counts[$0] == 1 }, "one placement per person and opportunity: \(counts)")

        // Found by the bridge itself (through each placement's resource): not one create is even asked of
        // Tracker RMS, whose own create would also find the person.
        let counting = CreateCountingTarget(base: target)
        let second = try await ApplicationBridge(source: source, target: counting, jobs: mapping).run()
        #expect(second.counts["created", default: 0] == 0, "the second run creates nothing")
        #expect(counting.creates.value == 0, "the bridge asked the target for no create")
        #expect(try await perPerson() == counts)
    }
}

/// Forwards what the bridge uses to a target and counts the creates it is asked for.
struct CreateCountingTarget: ATSClient {
    let base: any ATSClient
    let creates = Counter()

    var capabilities: ATSCapabilities { base.capabilities }
    func streamApplications(_ query: ATSChangeQuery) -> ATSStream<Application> { base.streamApplications(query) }
    func job(_ id: JobID) async throws -> Job { try await base.job(id) }
    func candidate(_ id: CandidateID) async throws -> Candidate { try await base.candidate(id) }
    func createApplication(_ request: ApplicationCreationRequest) async throws -> ApplicationCreationResult {
        _ = creates.next()
        return try await base.createApplication(request)
    }
}
