import ATSTestSupport
import ATSCore
import ATSSync
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox
import TrackerSync
import WorkableAPI
import WorkableATS
import WorkableSandbox
import WorkableSync

/// Workable mirrored into the same tables as Tracker: the record streams through the client's list
/// pages, incrementally on exact UTC `updated_at`, stage history, deletions after a complete scan,
/// and one mirror holding a Workable and a Tracker account.
@Suite struct MirrorTests {
    @Test(arguments: StoreKind.available)
    func theRecordStreamsMirrorIncrementallyWithStageHistoryAndDeletions(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await withWorkableMirror(store: store, people: 30) { harness in
                let first = try await harness.engine(harness.source).run(WorkableSyncSource.recordStreams)
                #expect(first.streams.map(\.stream) == [.jobs, .applications, .candidates])
                let firstCompleted = first.streams.allSatisfy { $0.completed }
                #expect(firstCompleted)
                let truth = harness.control.candidates
                let applications = try await harness.live(.applications)
                #expect(Set(applications.keys) == Set(truth.map(\.id)))
                for record in truth {
                    // Workable's milliseconds; SQLite keeps a Date's milliseconds truncated, so a double just
                    // below the millisecond reads back one lower there.
                    let stored = applications[record.id]?.updatedAt.map {
                        Int64(($0.timeIntervalSince1970 * 1000).rounded())
                    }
                    let slack: Int64 = kind == .sqlite ? 1 : 0
                    #expect(abs((stored ?? 0) - record.updatedAtMillis) <= slack, "exact updated_at of \(record.id)")
                }
                #expect(Set(try await harness.live(.jobs).keys) == Set(harness.control.jobs.map(\.shortcode)))
                let people = Set(truth.map { ($0.email ?? "").trimmingCharacters(in: .whitespaces).lowercased() })
                let withoutEmail = truth.filter { ($0.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.count
                #expect(try await harness.live(.candidates).count == people.subtracting([""]).count + withoutEmail)
                #expect(
                    try await harness.store.stageHistory(of: .applications, account: harness.account).count
                        == truth.count)
                #expect(try await harness.store.accountProviders()[harness.account] == .workable)
                // Candidates are derived from the stored applications: one listing of the records in all.
                #expect(first.streams.last?.isDerived == true)
                let applicationRequests = first.streams.first { $0.stream == .applications }?.traffic.requests ?? 0
                // The pages, one pipeline per job, and the account's stages when a name is in no pipeline.
                #expect(applicationRequests >= (truth.count + 99) / 100 + harness.control.jobs.count)
                #expect(applicationRequests <= (truth.count + 99) / 100 + harness.control.jobs.count + 1)
                #expect(first.streams.last?.traffic.requests == 0)
                #expect(
                    harness.control.requests.filter { $0.path.hasSuffix("/candidates") }.count == (truth.count + 99)
                        / 100)
                // The list streams make no per-candidate request.
                #expect(
                    !harness.control.requests.contains {
                        $0.path.hasSuffix("/activities") || $0.path.hasSuffix("/files")
                    })

                // A recruiter moves one application ten minutes later: one change, one stage change.
                harness.clock.advance(by: .seconds(600))
                let moved = try #require(truth.first { $0.stageSlug != "offer" && !$0.isDisqualified })
                _ = try await harness.client.moveToStage(
                    StageMoveRequest(application: ApplicationID(moved.id), to: "offer"))
                harness.clock.advance(by: .seconds(120))
                let second = try await harness.engine(harness.source).run([.applications])
                let report = try #require(second.streams.first)
                #expect(report.isIncremental)
                #expect(report.outcome.changed == 1)
                #expect(report.outcome.stageChanges == 1)
                let history = try await harness.store.stageHistory(of: .applications, account: harness.account)
                #expect(history.last.map { [$0.id, $0.from, $0.to] } == [moved.id, moved.stageName, "Offer"])

                // A deleted record is marked only by a complete scan.
                let deleted = try #require(truth.last?.id)
                harness.control.delete(candidateID: deleted)
                harness.clock.advance(by: .seconds(120))
                _ = try await harness.engine(harness.source).run([.applications])
                #expect(try await harness.live(.applications)[deleted] != nil)
                let full = try await harness.engine(harness.source).run([.applications], fullScan: true)
                #expect(full.streams.first?.deleted == 1)
                #expect(try await harness.live(.applications)[deleted] == nil)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func oneMirrorHoldsAWorkableAndATrackerAccount(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            var trackerConfiguration = SandboxConfiguration(jobCount: 4, applicationCount: 25)
            trackerConfiguration.clock = SystemSandboxClock()
            try await withTrackerSandbox(trackerConfiguration) { tracker in
                let trackerAPI = try TrackerAPI(
                    configuration: TrackerAPI.Configuration(
                        baseURL: tracker.baseURL, apiKey: tracker.apiKey, apiPassword: tracker.apiPassword,
                        accountTimeZone: trackerConfiguration.behavior.timeZone, rateLimit: nil))
                let trackerAccount = "tracker-\(UUID().uuidString.prefix(8))"
                let trackerSource = TrackerSyncSource(
                    api: trackerAPI, account: trackerAccount, identity: CandidateIdentity(secret: Array("t".utf8)),
                    accountTimeZone: trackerConfiguration.behavior.timeZone)
                do {
                    try await withWorkableMirror(store: store, people: 20) { harness in
                        _ = try await harness.engine(harness.source).run(WorkableSyncSource.recordStreams)
                        _ = try await harness.engine(trackerSource).run(trackerSource.streams)
                        let providers = try await store.accountProviders()
                        #expect(providers[harness.account] == .workable)
                        #expect(providers[trackerAccount] == .tracker)
                        #expect(
                            Set(try await harness.live(.applications).keys) == Set(harness.control.candidates.map(\.id))
                        )
                        let trackerRows = try await store.storedRows(of: .applications, account: trackerAccount)
                        #expect(trackerRows.count == tracker.control.applications().count)
                        // Tracker's sync source under the Workable account's name is refused.
                        let intruder = TrackerSyncSource(
                            api: trackerAPI, account: harness.account, identity: CandidateIdentity(secret: [1]),
                            accountTimeZone: nil)
                        await #expect(throws: SyncError.self) {
                            try await harness.engine(intruder).run([.applications])
                        }
                    }
                    try await trackerAPI.shutdown()
                } catch {
                    try? await trackerAPI.shutdown()
                    throw error
                }
            }
        }
    }
}
