import ATSCore
import ATSSync
import ATSTestSupport
import ATSSyncPostgres
import ATSSyncSQLite
import Foundation
import Logging
import Testing
import TrackerAPI
import TrackerATS
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox
import TrackerSandbox
import TrackerSync

/// A Tracker RMS account mirrored through `ATSClientSyncSource`, next to a Tracker account.
@Suite struct MirrorTests {
    @Test(arguments: StoreKind.available)
    func theMirrorHoldsTheAccountAndFollowsItsChanges(_ kind: StoreKind) async throws {
        let clock = RMSManualSandboxClock(start: rmsStart)
        var configuration = rmsSandbox(placements: 50)
        configuration.clock = clock
        try await kind.withStore { store in
            try await syncATrackerAccount(into: store)
            try await withRMSClient(configuration) { sandbox, client in
                let truth = sandbox.control
                let account = "rms-\(UUID().uuidString.prefix(8))"
                let source = ATSClientSyncSource(client: client, account: account, pageSize: 20)
                #expect(source.streams == [.jobs, .applications, .candidates])
                func engine() -> SyncEngine<ATSClientSyncSource> {
                    SyncEngine(
                        source: source, store: store, planner: WindowPlanner(fullScanInterval: nil),
                        now: { clock.now() })
                }
                clock.advance(seconds: 120)
                let first = try await engine().run(source.streams)
                #expect(
                    first.streams.map(\.outcome.inserted) == [
                        truth.opportunities.count, truth.placements.count, truth.resources.count,
                    ])
                var rows = try await live(store, .applications, account)
                #expect(Set(rows.keys) == Set(truth.placements.map { String($0.id) }))
                for placement in truth.placements {
                    #expect(rows[String(placement.id)]?.updatedAt == instant(placement.updatedAt))
                }
                #expect(try await store.accountProviders()[account] == .trackerRMS)
                #expect(try await store.accountProviders()["tracker-next-door"] == .tracker)

                // A move made through the client, and changes behind its back.
                clock.advance(seconds: 600)
                let placement = try #require(truth.placements.first { $0.statusID != 7 })
                let before = try #require(truth.statusName(placement.statusID))
                _ = try await client.moveToStage(.init(application: ApplicationID(String(placement.id)), to: "Working"))
                truth.mutate(count: 4)
                clock.advance(seconds: 120)
                let second = try await engine().run(source.streams)
                let applications = try #require(second.streams.first { $0.stream == .applications })
                #expect(applications.isIncremental)
                #expect(applications.outcome.changed >= 1)
                #expect(applications.outcome.stageChanges >= 1)
                let history = try await store.stageHistory(of: .applications, account: account)
                #expect(history.contains { $0.id == String(placement.id) && $0.from == before && $0.to == "Working" })
                rows = try await live(store, .applications, account)
                for truthPlacement in truth.placements {
                    #expect(rows[String(truthPlacement.id)]?.updatedAt == instant(truthPlacement.updatedAt))
                }

                // A deletion shows after a complete scan.
                let deleted = truth.placements[3].id
                truth.deletePlacement(deleted)
                clock.advance(seconds: 120)
                try await engine().run([.applications])
                #expect(try await live(store, .applications, account)[String(deleted)] != nil, "not before a full scan")
                try await engine().run([.applications], fullScan: true)
                #expect(try await live(store, .applications, account)[String(deleted)] == nil)
                #expect(
                    try await live(store, .applications, "tracker-next-door").count == 10, "the neighbour is intact")
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func withoutTheZoneBackgroundChangesStillReachTheMirror(_ kind: StoreKind) async throws {
        let clock = RMSManualSandboxClock(start: rmsStart)
        var configuration = rmsSandbox(
            zone: "America/Adak", placements: 40, behavior: RMSSandboxBehavior(mutationsPerHour: 12))
        configuration.clock = clock
        try await kind.withStore { store in
            try await withRMSClient(configuration, knowsZone: false) { sandbox, client in
                let truth = sandbox.control
                let account = "rms-nozone-\(UUID().uuidString.prefix(8))"
                let source = TrackerRMSSyncSource(client: client, account: account, pageSize: 15)
                func engine() -> SyncEngine<TrackerRMSSyncSource> {
                    SyncEngine(
                        source: source, store: store, planner: WindowPlanner(fullScanInterval: nil),
                        now: { clock.now() })
                }
                clock.advance(seconds: 120)
                try await engine().run(source.streams)
                // An hour of a busy agency (12 changes), then an incremental run.
                clock.advance(seconds: 3_600)
                _ = try await client.allApplicationStages()  // any request applies the due changes
                let second = try await engine().run(source.streams)
                let applications = try #require(second.streams.first { $0.stream == .applications })
                #expect(applications.isIncremental)
                #expect(applications.warnings.contains { $0.contains("time zone is not configured") })
                #expect(applications.outcome.changed > 0, "the background changes were read")
                let rows = try await live(store, .applications, account)
                #expect(Set(rows.keys) == Set(truth.placements.map { String($0.id) }))
                for placement in truth.placements {
                    let stored = try #require(rows[String(placement.id)])
                    #expect(stored.updatedAt == nil, "a naive time is not guessed")
                    #expect(stored.raw.contains(truth.statusName(placement.statusID) ?? "?"), "\(placement.id) current")
                }
            }
        }
    }

    private func live(_ store: any SyncStore, _ stream: SyncStreamName, _ account: String) async throws
        -> [String: StoredRow]
    {
        let rows = try await store.storedRows(of: stream, account: account).filter { $0.deletedAt == nil }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
    }

    /// Mirrors a small Tracker (ATS Anywhere) account as `tracker-next-door` into `store`.
    private func syncATrackerAccount(into store: any SyncStore) async throws {
        let clock = ManualSandboxClock(start: Date(timeIntervalSince1970: 1_710_072_000))
        var configuration = SandboxConfiguration(jobCount: 3, applicationCount: 10)
        configuration.clock = clock
        let zone = configuration.behavior.timeZone
        try await withTrackerSandbox(configuration) { sandbox in
            let api = try TrackerAPI(
                configuration: TrackerAPI.Configuration(
                    baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                    accountTimeZone: zone,
                    retryPolicy: TrackerRetryPolicy(
                        initialBackoff: .milliseconds(2), maximumBackoff: .milliseconds(20)),
                    rateLimit: nil, pageSize: 50))
            let source = TrackerSyncSource(
                api: api, account: "tracker-next-door", identity: CandidateIdentity(secret: Array("test".utf8)),
                accountTimeZone: zone, pageSize: 50)
            do {
                try await SyncEngine(
                    source: source, store: store, planner: WindowPlanner(fullScanInterval: nil), now: { clock.now() }
                ).run(source.streams)
                try await api.shutdown()
            } catch {
                try? await api.shutdown()
                throw error
            }
        }
    }
}
