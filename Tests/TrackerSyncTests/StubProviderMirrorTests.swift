import ATSTestSupport
import ATSCore
import ATSSync
import Foundation
import Testing
import TrackerAPI
import TrackerSandbox
import TrackerSync

/// A second provider that implements only listing jobs and applications mirrors into the same
/// store as a Tracker account, through the sync source any ATSClient feeds; the mirror records
/// which provider owns each account and never mixes two providers under one account name.
@Suite struct StubProviderMirrorTests {
    @Test(arguments: StoreKind.available)
    func aStubProviderSyncsNextToATrackerAccount(_ kind: StoreKind) async throws {
        try await withMirror(kind, applications: 30) { harness in
            try await harness.sync()
            let stub = StubATSClient(jobs: 3, applications: 5, start: harness.clock.now())
            let stubAccount = "stub-\(UUID().uuidString.prefix(8))"
            let source = ATSClientSyncSource(client: stub, account: stubAccount, pageSize: 2)
            #expect(source.streams == [.jobs, .applications], "only the streams the stub implements")

            let first = try await harness.engine(source).run(source.streams)
            #expect(first.streams.map(\.stream) == [.jobs, .applications])
            #expect(first.streams.map(\.outcome.inserted) == [3, 5])
            #expect(first.streams.first { $0.stream == .applications }?.pages == 3, "5 records, 2 a page")

            let applications = try await harness.store.storedRows(of: .applications, account: stubAccount)
            #expect(applications.map(\.id) == ["A1", "A2", "A3", "A4", "A5"])
            // PostgreSQL keeps JSON as jsonb, which spaces it its own way.
            #expect(
                applications.first?.raw.filter { $0 != " " } == #"{"id":"A1","stage":"Applied"}"#,
                "the provider's JSON")
            #expect(applications.map(\.updatedAt) == stub.applications.map(\.updatedAt))
            let jobs = try await harness.store.storedRows(of: .jobs, account: stubAccount)
            #expect(jobs.map(\.id) == ["J1", "J2", "J3"])
            #expect(try await harness.store.stageHistory(of: .applications, account: stubAccount).count == 5)

            // The Tracker account next to it is untouched and still the sandbox's truth.
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
            let providers = try await harness.store.accountProviders()
            #expect(providers[harness.account] == .tracker)
            #expect(providers[stubAccount] == StubATSClient.provider)

            // An incremental run reads the change a recruiter made, and its stage change.
            harness.clock.advance(by: .seconds(600))
            stub.move(ApplicationID("A2"), to: "Interview", at: harness.clock.now().addingTimeInterval(-120))
            let second = try await harness.engine(source).run(source.streams)
            let changed = try #require(second.streams.first { $0.stream == .applications })
            #expect(changed.isIncremental)
            #expect(changed.outcome.changed == 1)
            #expect(changed.outcome.stageChanges == 1)
            let history = try await harness.store.stageHistory(of: .applications, account: stubAccount)
            #expect(history.last.map { [$0.id, $0.from, $0.to] } == ["A2", "Applied", "Interview"])
        }
    }

    @Test(arguments: StoreKind.available)
    func aSyncRefusesToWriteAnAccountAnotherProviderOwns(_ kind: StoreKind) async throws {
        try await withMirror(kind, applications: 12) { harness in
            try await harness.sync()
            let trackerRows = try await harness.store.storedRows(of: .applications, account: harness.account)
            let stub = StubATSClient(jobs: 1, applications: 2, start: harness.clock.now())

            // The stub under the Tracker account's name: refused before anything is written.
            let intruder = ATSClientSyncSource(client: stub, account: harness.account)
            let error = try await #require(throws: SyncError.self) {
                try await harness.engine(intruder).run(intruder.streams)
            }
            #expect(error.description.contains("'\(harness.account)' holds records of provider 'tracker'"))
            #expect(error.description.contains("this sync reads provider 'stub'"))
            #expect(error.description.contains("Nothing was written"))
            #expect(try await harness.store.storedRows(of: .applications, account: harness.account) == trackerRows)

            // And Tracker under an account the stub owns.
            let stubAccount = "stub-\(UUID().uuidString.prefix(8))"
            let stubSource = ATSClientSyncSource(client: stub, account: stubAccount)
            try await harness.engine(stubSource).run(stubSource.streams)
            let tracker = TrackerSyncSource(
                api: harness.api, account: stubAccount, identity: harness.source.identity,
                accountTimeZone: harness.source.accountTimeZone)
            await #expect(throws: SyncError.self) { try await harness.engine(tracker).run(tracker.streams) }
            #expect(
                try await harness.store.storedRows(of: .applications, account: stubAccount).map(\.id) == ["A1", "A2"])
            #expect(try await harness.store.storedRows(of: .notes, account: stubAccount).isEmpty)
        }
    }
}
