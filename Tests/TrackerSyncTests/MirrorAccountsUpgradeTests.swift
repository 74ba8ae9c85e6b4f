import ATSCore
import ATSSync
import Foundation
import Testing

@testable import ATSSyncPostgres
@testable import ATSSyncSQLite

/// A mirror made before providers were recorded (Fixtures/) learns that its accounts are Tracker's
/// when it is upgraded, and then refuses another provider's records under those names.
/// Serialized: the PostgreSQL case creates a database.
@Suite(.serialized) struct MirrorAccountsUpgradeTests {
    @Test func anUpgradedSQLiteMirrorRecordsItsAccountsAsTrackers() async throws {
        try await UpgradeFixture.withSQLiteCopy { path in
            let store = try SQLiteSyncStore(path: path)
            try await store.prepare()
            try await Self.expectFixtureAccountIsTrackers(store)
        }
    }

    @Test(.enabled(if: UpgradePostgres.baseURL != nil))
    func anUpgradedPostgresMirrorRecordsItsAccountsAsTrackers() async throws {
        let dump = try String(contentsOf: UpgradeFixture.postgresDump, encoding: .utf8)
        try await UpgradePostgres.withDatabase { url in
            try await UpgradePostgres.restore(dump, into: url)
            try await UpgradePostgres.withStore(url, throughVersion: nil) { store in
                try await Self.expectFixtureAccountIsTrackers(store)
            }
        }
    }

    static func expectFixtureAccountIsTrackers(_ store: any SyncStore) async throws {
        #expect(try await store.accountProviders() == [UpgradeFixture.account: .tracker])
        try await store.claimAccount(UpgradeFixture.account, provider: .tracker)
        let stub = StubATSClient(jobs: 1, applications: 1, start: UpgradeFixture.anchor)
        let source = ATSClientSyncSource(client: stub, account: UpgradeFixture.account)
        let before = try await store.storedRows(of: .applications, account: UpgradeFixture.account)
        await #expect(throws: SyncError.self) {
            try await SyncEngine(source: source, store: store).run(source.streams)
        }
        #expect(try await store.storedRows(of: .applications, account: UpgradeFixture.account) == before)
        #expect(before.count == 40)
    }
}
