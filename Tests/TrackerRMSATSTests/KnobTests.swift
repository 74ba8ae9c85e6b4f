import ATSCore
import ATSSync
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// The sandbox's knobs that change what the server says, and what the client makes of them.
@Suite struct KnobTests {
    static let paging: [RMSSandboxBehavior] = [
        RMSSandboxBehavior(pageBase: .oneReadingZeroAsOne, pageSizeCap: 7, countMeaning: .total),
        RMSSandboxBehavior(pageBase: .oneWithZeroEmpty, pageSizeCap: 11),
        RMSSandboxBehavior(pageBase: .zero, pageSizeCap: 4, countMeaning: .total),
    ]

    @Test(arguments: paging)
    func everyPagingVariantGivesEveryRecordOnce(_ behavior: RMSSandboxBehavior) async throws {
        try await withRMSClient(rmsSandbox(placements: 45, behavior: behavior)) { sandbox, client in
            let applications = try await client.streamApplications(.all).collect()
            #expect(
                applications.map(\.id.rawValue).sorted() == sandbox.control.placements.map { String($0.id) }.sorted())
            let jobs = try await client.streamJobs(.all).collect()
            #expect(jobs.count == sandbox.control.opportunities.count)
        }
    }

    @Test(arguments: [RMSSandboxSettingsShape.nestedLowercase, .onlySettingsData])
    func stagesAreReadFromEverySettingsShape(_ shape: RMSSandboxSettingsShape) async throws {
        let known = RMSStatus(id: RMSRecordID(rawValue: "77"), name: "Imported", group: nil)
        try await withRMSClient(
            rmsSandbox(behavior: RMSSandboxBehavior(settingsShape: shape)),
            settings: .init(knownStages: [known], placementListing: .complete)
        ) { sandbox, client in
            let stages = try await client.allApplicationStages()
            #expect(stages.map(\.name) == sandbox.control.placementStatuses.map(\.name) + ["Imported"])
            #expect(try await client.metadata.current().statusSource == .account)
            #expect(try await client.rejectionStatus().name == "Unsuccessful")
            let definitions = try await client.customFieldDefinitions(for: .job)
            #expect(definitions.map(\.name) == ["Cost Centre"])
        }
    }

    @Test func createsWithoutARecordIdAreFoundByReadingBack() async throws {
        try await withRMSClient(rmsSandbox(behavior: RMSSandboxBehavior(omitRecordIDOnCreate: true))) {
            sandbox, client in
            let job = try #require(sandbox.control.opportunities.first)
            let created = try await client.createApplication(
                .init(
                    job: JobID(String(job.id)),
                    applicant: .details(.init(firstName: "Noor", lastName: "Haddad", email: "noor.haddad@new.example")))
            )
            #expect(created.wasCreated)
            let placement = try #require(
                sandbox.control.placements.first { String($0.id) == created.application.id.rawValue })
            #expect(
                sandbox.control.resources.first { $0.id == placement.resourceID }?.email == "noor.haddad@new.example")
            let note = try await client.addNote(.init("Welcome call booked"), toApplication: created.application.id)
            #expect(
                sandbox.control.activities.contains {
                    String($0.id) == note.id.rawValue && $0.note == "Welcome call booked"
                })
        }
    }

    @Test func theRunReportSaysWhatTheMirrorMayMiss() async throws {
        let clock = RMSManualSandboxClock(start: rmsStart)
        var configuration = rmsSandbox(
            placements: 20, behavior: RMSSandboxBehavior(placementsListOnlyWorkingStates: true))
        configuration.clock = clock
        try await withRMSClient(configuration, knowsZone: false, settings: .init(placementListing: .listOnly)) {
            sandbox, client in
            let source = TrackerRMSSyncSource(client: client, account: "rms-report")
            #expect(source.contract(for: .applications)?.lookBack == ATSClientSyncSource.unplacedLocalTimeLookBack)
            clock.advance(seconds: 120)
            let report = try await SyncEngine(
                source: source, store: InMemorySyncStore(), planner: WindowPlanner(fullScanInterval: nil),
                now: { clock.now() }
            ).run(source.streams)
            let applications = try #require(report.streams.first { $0.stream == .applications })
            #expect(applications.warnings.contains { $0.contains("may be missing from this mirror") })
            #expect(applications.warnings.contains { $0.contains("time zone is not configured") })
            #expect(applications.records < sandbox.control.placements.count)
        }
    }
}
