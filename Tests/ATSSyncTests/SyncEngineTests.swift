import ATSCore
import ATSSync
import ATSTestSupport
import ATSSyncPostgres
import ATSSyncSQLite
import Foundation
import Logging
import Testing

@Suite struct SyncEngineTests {
    let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    func makeEngine(
        _ account: FakeAccount, _ store: any SyncStore, _ clock: TestClock, restarts: Int = 3
    ) -> SyncEngine<FakeAccount> {
        SyncEngine(
            source: account, store: store, planner: WindowPlanner(safetyLag: .seconds(60), fullScanInterval: nil),
            maximumRestarts: restarts, now: { clock.now }, makeScanID: { UUID().uuidString })
    }

    /// A fake account of `records` applications, a clock a day after their start, a store of
    /// `kind` and an engine syncing the one into the other.
    func withEngine(
        _ kind: StoreKind, records: Int, restarts: Int = 3,
        _ body: (SyncEngine<FakeAccount>, any SyncStore, FakeAccount, TestClock) async throws -> Void
    ) async throws {
        let clock = TestClock(start.addingTimeInterval(86_400))
        let account = FakeAccount(count: records, start: start)
        try await kind.withStore { store in
            try await body(makeEngine(account, store, clock, restarts: restarts), store, account, clock)
        }
    }

    /// The version each live row holds (PostgreSQL returns jsonb text re-spaced, so compare values).
    func versions(_ store: any SyncStore, _ account: FakeAccount) async throws -> [String: Int] {
        let rows = try await store.storedRows(of: .applications, account: account.account)
        return try Dictionary(
            uniqueKeysWithValues: rows.filter { $0.deletedAt == nil }.map { row in
                let object = try JSONSerialization.jsonObject(with: Data(row.raw.utf8)) as? [String: Any]
                return (row.id, object?["v"] as? Int ?? -1)
            })
    }

    func row(_ id: String, _ store: any SyncStore, _ account: FakeAccount) async throws -> StoredRow? {
        try await store.storedRows(of: .applications, account: account.account).first { $0.id == id }
    }

    func allRows(_ store: any SyncStore, _ account: FakeAccount) async throws -> [StoredRow] {
        try await store.storedRows(of: .applications, account: account.account)
    }

    func expectedVersions(_ account: FakeAccount) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: account.snapshot.map { id, record in (String(id), record.version) })
    }

    @Test(arguments: StoreKind.available) func theFirstRunIsAFullScanThatStoresEveryRecord(kind: StoreKind) async throws
    {
        try await withEngine(kind, records: 35) { engine, store, account, _ in
            let report = try await engine.run(.applications)
            #expect(report.completed)
            #expect(report.window.isFullScan)
            #expect(report.records == 35)
            #expect(report.outcome.inserted == 35)
            #expect(report.pages == 4)
            #expect(try await versions(store, account) == expectedVersions(account))
        }
    }

    @Test(arguments: StoreKind.available) func anIncrementalRunReadsOnlyTheWindowAndPicksUpChanges(kind: StoreKind)
        async throws
    {
        try await withEngine(kind, records: 35) { engine, store, account, clock in
            let first = try await engine.run(.applications)
            clock.advance(by: 3600)
            account.update(3, at: clock.now.addingTimeInterval(-600), status: "Interview")
            account.update(17, at: clock.now.addingTimeInterval(-600))
            let second = try await engine.run(.applications)
            #expect(second.window.isFullScan == false)
            #expect(second.window.lower == first.window.upper.addingTimeInterval(-600))
            #expect(second.records == 2)
            #expect(second.outcome.changed == 2)
            #expect(try await versions(store, account) == expectedVersions(account))
            let history = try await store.stageHistory(of: .applications, account: account.account).filter {
                $0.id == "3"
            }
            #expect(history.last?.from == "New")
            #expect(history.last?.to == "Interview")
        }
    }

    @Test(arguments: StoreKind.available) func theLookBackOverlapIsDeduplicatedNotCountedAsChanges(kind: StoreKind)
        async throws
    {
        try await withEngine(kind, records: 5) { engine, _, account, clock in
            _ = try await engine.run(.applications)
            // Updated 2 minutes before the first window's upper bound: read by run 1 and again by run 2.
            account.update(4, at: clock.now.addingTimeInterval(-180))
            clock.advance(by: 1)
            let runOne = try await engine.run(.applications)
            clock.advance(by: 120)
            let runTwo = try await engine.run(.applications)
            #expect(runOne.outcome.changed == 1)
            #expect(runTwo.records == 1)
            #expect(runTwo.outcome.unchanged == 1)
            #expect(runTwo.outcome.changed == 0)
        }
    }

    @Test(arguments: StoreKind.available) func aRecordThatBecomesVisibleLateIsCaughtByTheNextWindow(kind: StoreKind)
        async throws
    {
        try await withEngine(kind, records: 25) { engine, store, account, clock in
            let upper = clock.now.addingTimeInterval(-60)
            // While page 2 is read, record 1 (on page 1, already read) gets an update stamped before
            // the window's upper bound: an in-flight write the first run cannot see.
            account.beforePage { page, account in
                if page == 2 { account.update(1, at: upper.addingTimeInterval(-5)) }
            }
            _ = try await engine.run(.applications)
            account.beforePage(nil)
            #expect(try await versions(store, account)["1"] != expectedVersions(account)["1"])
            clock.advance(by: 300)
            _ = try await engine.run(.applications)
            #expect(try await versions(store, account) == expectedVersions(account))
        }
    }

    @Test(arguments: StoreKind.available) func aKilledRunResumesWhereItStoppedAndEndsWithTheSameMirror(kind: StoreKind)
        async throws
    {
        try await withEngine(kind, records: 47) { engine, store, account, clock in
            account.beforePage { page, _ in if page == 3 { throw FakeAccount.Failure() } }
            await #expect(throws: FakeAccount.Failure.self) { try await engine.run(.applications) }
            let interrupted = try await store.state(of: .applications, account: account.account)
            #expect(interrupted.checkpoint?.nextPage == 3)
            #expect(interrupted.completedThrough == nil)
            #expect(try await allRows(store, account).count == 20)

            account.beforePage(nil)
            let before = account.requestCount
            let resumed = try await engine.run(.applications)
            #expect(resumed.resumed)
            #expect(resumed.completed)
            #expect(account.requestCount - before == 3)  // pages 3, 4 and 5; not 1 and 2 again

            let uninterrupted = InMemorySyncStore()  // the reference store, never interrupted
            _ = try await makeEngine(account, uninterrupted, clock).run(.applications)
            let resumedRows = try await versions(store, account)
            #expect(try await versions(uninterrupted, account) == resumedRows)
        }
    }

    @Test(arguments: StoreKind.available) func recordsDeletedWhilePagingDoNotHideTheRecordsBehindThem(kind: StoreKind)
        async throws
    {
        try await withEngine(kind, records: 40) { engine, store, account, _ in
            // Deleting record 2 before page 3 shifts every later record back by one: record 21 moves
            // onto page 2, which was already read.
            account.beforePage { page, account in
                if page == 3, account.snapshot[2] != nil { account.delete(2) }
            }
            let report = try await engine.run(.applications)
            #expect(report.restarts == 1)
            #expect(report.warnings.contains { $0.contains("disappeared while paging") })
            let stored = Set(try await versions(store, account).keys)
            for id in 1...40 where id != 2 {
                #expect(stored.contains(String(id)), "record \(id) was missed")
            }
        }
    }

    @Test(arguments: StoreKind.available) func paginationThatNeverSettlesDoesNotAdvanceProgress(kind: StoreKind)
        async throws
    {
        try await withEngine(kind, records: 60, restarts: 2) { engine, store, account, _ in
            account.beforePage { page, account in
                if page >= 2, let victim = account.snapshot.keys.min() { account.delete(victim) }
            }
            let report = try await engine.run(.applications)
            #expect(report.completed == false)
            #expect(report.warnings.contains { $0.contains("progress was not advanced") })
            let state = try await store.state(of: .applications, account: account.account)
            #expect(state.completedThrough == nil)
            #expect(state.checkpoint == nil)
            #expect(try await allRows(store, account).allSatisfy { $0.deletedAt == nil })
        }
    }

    @Test(arguments: StoreKind.available) func deletionsAreMarkedOnlyAfterACompleteFullScan(kind: StoreKind)
        async throws
    {
        try await withEngine(kind, records: 30) { engine, store, account, clock in
            _ = try await engine.run(.applications)
            account.delete(25)
            clock.advance(by: 3600)

            account.beforePage { page, _ in if page == 2 { throw FakeAccount.Failure() } }
            await #expect(throws: FakeAccount.Failure.self) { try await engine.run(.applications, fullScan: true) }
            #expect(try await allRows(store, account).allSatisfy { $0.deletedAt == nil })

            account.beforePage(nil)
            let report = try await engine.run(.applications)
            #expect(report.resumed)
            #expect(report.deleted == 1)
            #expect(try await row("25", store, account)?.deletedAt == clock.now)
        }
    }

    @Test(arguments: StoreKind.available) func anIncrementalRunNeverMarksDeletions(kind: StoreKind) async throws {
        try await withEngine(kind, records: 12) { engine, store, account, clock in
            _ = try await engine.run(.applications)
            account.delete(3)
            clock.advance(by: 60)
            let report = try await engine.run(.applications)
            #expect(report.isIncremental)
            #expect(report.deleted == 0)
            #expect(try await row("3", store, account)?.deletedAt == nil)
        }
    }

    @Test(arguments: StoreKind.available) func aDeletedRowThatReappearsIsRestored(kind: StoreKind) async throws {
        try await withEngine(kind, records: 8) { engine, store, account, clock in
            _ = try await engine.run(.applications)
            account.delete(6)
            _ = try await engine.run(.applications, fullScan: true)
            #expect(try await row("6", store, account)?.deletedAt != nil)
            account.insert(6, at: clock.now.addingTimeInterval(-120))
            clock.advance(by: 60)
            let report = try await engine.run(.applications)
            #expect(report.outcome.restored == 1)
            #expect(try await row("6", store, account)?.deletedAt == nil)
        }
    }

    @Test(arguments: StoreKind.available) func anUnknownStreamIsAClearError(kind: StoreKind) async throws {
        let clock = TestClock(start)
        try await kind.withStore { store in
            let engine = makeEngine(FakeAccount(count: 1, start: start), store, clock)
            await #expect(throws: SyncError.unknownStream(.jobs)) { try await engine.run(.jobs) }
        }
    }
}
