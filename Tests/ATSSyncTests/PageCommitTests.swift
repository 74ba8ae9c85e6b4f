import ATSCore
import ATSSync
import ATSTestSupport
import Foundation
import Testing

@testable import ATSSyncSQLite

/// The stores write a page with a few statements for all its rows (PostgreSQL) or cached
/// statements per row (SQLite); these pages mix every case a row can be in, so each store must
/// count and store exactly what the in-memory reference does.
@Suite struct PageCommitTests {
    let seen = Date(timeIntervalSince1970: 1_767_225_600)
    let queue = StreamDerivation(stream: .candidates, source: .applications, groupColumn: "candidate_id")

    func record(_ id: Int, version: Int, stage: String? = "New", candidate: String? = nil) -> SyncRecord {
        SyncRecord(
            id: String(id),
            updatedAt: seen.addingTimeInterval(Double(version * 60 - 86_400)),
            fields: [
                "candidate_id": candidate.map(SyncValue.text) ?? .text("c\(id % 3)"),
                "email": .text("person\(id)@example.com"),
                "tags": .text(#"["a","b"]"#),
                "rating": version.isMultiple(of: 2) ? .real(Double(version)) : .null,
                "is_archived": .boolean(version > 2),
                "applied_at": .date(seen.addingTimeInterval(-86_400 * 30)),
                "custom_fields": .text(#"{"visa":"no"}"#),
                "stage": stage.map(SyncValue.text) ?? .null,
            ],
            raw: RawPayload(json: #"{"id":"\#(id)","v":\#(version),"stage":"\#(stage ?? "")"}"#),
            stage: stage)
    }

    /// What a store holds, in a form every store reports alike (jsonb re-spaces the raw text).
    struct Snapshot: Equatable {
        var rows: [String: String]
        var history: [String]
        var queued: [String]
    }

    func snapshot(_ store: any SyncStore, account: String) async throws -> Snapshot {
        var rows: [String: String] = [:]
        for row in try await store.storedRows(of: .applications, account: account) {
            let object = try JSONSerialization.jsonObject(with: Data(row.raw.utf8)) as? [String: Any]
            rows[row.id] =
                "v\(object?["v"] as? Int ?? -1) \(row.updatedAt?.timeIntervalSince1970 ?? 0) "
                + "\(row.deletedAt == nil ? "live" : "deleted")"
        }
        let history = try await store.stageHistory(of: .applications, account: account).map {
            "\($0.id): \($0.from ?? "-") → \($0.to ?? "-")"
        }
        let queued = try await store.queuedGroups(for: queue, account: account, limit: 100)
        return Snapshot(rows: rows, history: history, queued: queued)
    }

    /// Runs the same commits on the reference and on `kind`, comparing outcomes and contents.
    func compare(_ kind: StoreKind, pages: [[SyncRecord]], deletingAfterFirst: Bool = false) async throws {
        let account = "page-commit-\(UUID().uuidString)"
        let reference = InMemorySyncStore()
        try await kind.withStore { store in
            try await store.prepare()
            // A candidate already derived: the account is past its first sync, so every store queues
            // each changed row's groups (a first sync may queue them all at once; see below).
            for target in [reference, store] as [any SyncStore] {
                _ = try await target.commitDerived(
                    [SyncRecord(id: "seed", updatedAt: seen, raw: .empty)], for: queue, groups: ["seed"],
                    account: account, scanID: "seed", seenAt: seen)
            }
            for (index, page) in pages.enumerated() {
                var state = StreamState(stream: .applications)
                state.begin(
                    SyncWindow(lower: nil, upper: seen, isFullScan: true), scanID: "scan\(index)", startedAt: seen)
                let seenAt = seen.addingTimeInterval(Double(index))
                let expected = try await reference.commit(
                    page, stream: .applications, account: account, scanID: "scan\(index)", seenAt: seenAt, state: state,
                    derivations: [queue])
                let outcome = try await store.commit(
                    page, stream: .applications, account: account, scanID: "scan\(index)", seenAt: seenAt, state: state,
                    derivations: [queue])
                #expect(outcome == expected, "page \(index)")
                if index == 0, deletingAfterFirst {
                    state.completeWindow()
                    for target in [reference, store] as [any SyncStore] {
                        _ = try await target.complete(
                            state, account: account, reconcilingScan: ReconcilingScan(id: "none", startedAt: seenAt),
                            at: seenAt, derivations: [queue])
                    }
                }
            }
            #expect(try await snapshot(store, account: account) == snapshot(reference, account: account))
        }
    }

    @Test(arguments: StoreKind.available) func aPageMixingNewChangedUnchangedAndOlderRows(kind: StoreKind) async throws
    {
        let first = (1...20).map { record($0, version: 1) }
        var second = (1...5).map { record($0, version: 1) }  // unchanged
        second += (6...10).map { record($0, version: 2, stage: "Interview") }  // changed, stage moved
        second += (11...13).map { record($0, version: 2, candidate: "moved") }  // changed group
        second += (21...30).map { record($0, version: 1, stage: $0.isMultiple(of: 2) ? nil : "New") }  // new
        let third = [record(6, version: 1)] + (14...16).map { record($0, version: 3, stage: "Offer") }  // older
        try await compare(kind, pages: [first, second, third])
    }

    @Test(arguments: StoreKind.available) func rowsMarkedDeletedAreRestored(kind: StoreKind) async throws {
        let first = (1...6).map { record($0, version: 1) }
        let second = [record(1, version: 1), record(2, version: 2, stage: "Hired")]
        try await compare(kind, pages: [first, second], deletingAfterFirst: true)
    }

    /// Two runs on one mirror (the false-delete class of Nango #1132): a full scan reads rows 1–5
    /// while another run stores row 8 (new) and row 9 (already stored) after the scan began. The
    /// scan never read 8 or 9, yet must tombstone only 6 and 7, which nobody has seen since before it.
    @Test(arguments: StoreKind.available) func aFullScanNeverTombstonesARowAnotherRunWroteAfterItStarted(
        kind: StoreKind
    ) async throws {
        let account = "two-runs-\(UUID().uuidString)"
        try await kind.withStore { store in
            try await store.prepare()
            let before = seen.addingTimeInterval(-600)
            func commit(_ ids: [Int], scan: String, at time: Date) async throws {
                var state = StreamState(stream: .applications)
                state.begin(SyncWindow(lower: nil, upper: time, isFullScan: false), scanID: scan, startedAt: time)
                _ = try await store.commit(
                    ids.map { record($0, version: 1) }, stream: .applications, account: account, scanID: scan,
                    seenAt: time, state: state, derivations: [queue])
            }
            try await commit([1, 2, 3, 4, 5, 6, 7, 9], scan: "earlier", at: before)
            var full = StreamState(stream: .applications)
            full.begin(SyncWindow(lower: nil, upper: seen, isFullScan: true), scanID: "full", startedAt: seen)
            try await commit([1, 2, 3], scan: "full", at: seen.addingTimeInterval(1))
            try await commit([8, 9], scan: "other run", at: seen.addingTimeInterval(2))
            try await commit([4, 5], scan: "full", at: seen.addingTimeInterval(3))
            full.completeWindow()
            let deleted = try await store.complete(
                full, account: account, reconcilingScan: ReconcilingScan(id: "full", startedAt: seen),
                at: seen.addingTimeInterval(4), derivations: [queue])
            let rows = try await store.storedRows(of: .applications, account: account)
            #expect(rows.filter { $0.deletedAt != nil }.map(\.id).sorted() == ["6", "7"])
            #expect(deleted == 2)
        }
    }

    @Test(arguments: StoreKind.available) func aRecordTwiceInOnePageIsComparedWithItsFirstCopy(kind: StoreKind)
        async throws
    {
        let page = [
            record(1, version: 1), record(2, version: 1), record(1, version: 2, stage: "Offer"),
            record(2, version: 2), record(2, version: 2), record(1, version: 1),
        ]
        try await compare(kind, pages: [page, page])
    }

    /// Sources store the provider's bytes as sent; a stored row written with another key order or
    /// spacing (an earlier ATSKit sorted the keys) is still the same record, and a different value
    /// under the same update time is still a change.
    @Test(arguments: StoreKind.available) func jsonThatDiffersOnlyInKeyOrderAndSpacingIsUnchanged(kind: StoreKind)
        async throws
    {
        func variant(_ id: Int, raw: String) -> SyncRecord {
            var copy = record(id, version: 1)
            copy.raw = RawPayload(json: raw)
            return copy
        }
        let stored = [
            variant(1, raw: #"{"id":"1","stage":"New","v":1}"#), variant(2, raw: #"{"id":"2","stage":"New","v":1}"#),
        ]
        let reordered = [
            variant(1, raw: #"{ "v": 1, "stage": "New", "id": "1" }"#),
            variant(2, raw: #"{"v":1.5,"stage":"New","id":"2"}"#),
        ]
        try await kind.withStore { store in
            try await store.prepare()
            let state = StreamState(stream: .applications)
            _ = try await store.commit(
                stored, stream: .applications, account: "json", scanID: "s1", seenAt: seen, state: state,
                derivations: [queue])
            let outcome = try await store.commit(
                reordered, stream: .applications, account: "json", scanID: "s2", seenAt: seen, state: state,
                derivations: [queue])
            #expect(outcome.unchanged == 1)
            #expect(outcome.changed == 1)
        }
    }

    /// Into an empty mirror, the SQLite store builds the secondary indexes after the window and
    /// queues every group at once; what it stores, counts and queues is still the reference's.
    @Test func aFirstSyncBuildsTheIndexesAtTheEndAndQueuesTheSameGroups() async throws {
        let store = try SQLiteSyncStore()
        let reference = InMemorySyncStore()
        try await store.prepare()
        func indexes() async throws -> String {
            let result = try await store.query(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applications'")
            return (result.rows.first?.first ?? nil) ?? ""
        }
        #expect(try await indexes() == "5")  // the primary key's and four secondary ones
        var state = StreamState(stream: .applications)
        state.begin(SyncWindow(lower: nil, upper: seen, isFullScan: true), scanID: "first", startedAt: seen)
        for page in [(1...10).map { record($0, version: 1) }, (11...20).map { record($0, version: 1) }] {
            for target in [reference, store] as [any SyncStore] {
                let outcome = try await target.commit(
                    page, stream: .applications, account: "a", scanID: "first", seenAt: seen, state: state,
                    derivations: [queue])
                #expect(outcome.inserted == 10)
            }
        }
        #expect(try await indexes() == "3")  // candidate_id and updated_at are built at the end
        state.completeWindow()
        for target in [reference, store] as [any SyncStore] {
            _ = try await target.complete(
                state, account: "a", reconcilingScan: ReconcilingScan(id: "first", startedAt: seen), at: seen,
                derivations: [queue])
        }
        #expect(try await indexes() == "5")
        let queued = try await store.queuedGroups(for: queue, account: "a", limit: 100)
        #expect(queued == ["c0", "c1", "c2"])
        #expect(queued == (try await reference.queuedGroups(for: queue, account: "a", limit: 100)))
        // The candidates table too goes without its index until its queue is empty.
        _ = try await store.commitDerived(
            [SyncRecord(id: "c0", updatedAt: seen, raw: .empty)], for: queue, groups: ["c0"], account: "a",
            scanID: "d", seenAt: seen)
        let candidateIndexes = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'candidates'"
        #expect(try await store.query(candidateIndexes).rows == [["1"]])  // email, updated_at
        _ = try await store.commitDerived(
            [], for: queue, groups: ["c1", "c2"], account: "a", scanID: "d", seenAt: seen)
        #expect(try await store.query(candidateIndexes).rows == [["3"]])
    }

    @Test func fieldsCompareByNameWhateverTheirOrder() {
        var fields = SyncFields(names: ["a", "b"], values: [.text("x"), .integer(1)])
        let literal: SyncFields = ["b": .integer(1), "a": .text("x")]
        #expect(fields == literal)
        #expect(fields.hashValue == literal.hashValue)
        fields["b"] = .integer(2)
        #expect(fields != literal)
        #expect(fields["b"] == .integer(2))
        fields["a"] = nil
        fields["c"] = .null
        #expect(fields.names == ["b", "c"])
        #expect(SyncFields(names: ["a", "b"], values: [.null]).names == ["a"])
    }

    @Test func anUpdateKeepsEveryTypedColumnCurrentWhetherOrNotItsIndexedColumnsMoved() async throws {
        let store = try SQLiteSyncStore()
        try await store.prepare()
        let state = StreamState(stream: .applications)
        func commit(_ records: [SyncRecord]) async throws -> PageOutcome {
            try await store.commit(
                records, stream: .applications, account: "a", scanID: "s", seenAt: seen, state: state,
                derivations: [queue])
        }
        // A candidate already derived, so that each row's groups are queued (not a first sync).
        _ = try await store.commitDerived(
            [SyncRecord(id: "seed", updatedAt: seen, raw: .empty)], for: queue, groups: ["seed"], account: "a",
            scanID: "seed", seenAt: seen)
        _ = try await commit([record(1, version: 1), record(2, version: 1)])
        // Row 1: only unindexed columns change (rating, is_archived); row 2: its candidate moves too.
        let outcome = try await commit([record(1, version: 4), record(2, version: 4, candidate: "elsewhere")])
        #expect(outcome.changed == 2)
        let rows = try await store.query(
            "SELECT id, rating, is_archived, candidate_id, stage, updated_at FROM applications ORDER BY id")
        let updated = ISO8601Text.string(seen.addingTimeInterval(Double(4 * 60 - 86_400)))
        #expect(
            rows.rows == [["1", "4.0", "1", "c1", "New", updated], ["2", "4.0", "1", "elsewhere", "New", updated]])
        #expect(try await store.queuedGroups(for: queue, account: "a", limit: 10) == ["c1", "c2", "elsewhere"])
    }

    @Test func theFastTimestampTextMatchesFoundationsFormat() throws {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        for date in TimestampSamples.dates(randomCount: 50000) {
            let text = ISO8601Text.string(date)
            #expect(text == style.format(date), "\(date.timeIntervalSince1970)")
            // Reading back gives the instant Foundation reads, to well under a microsecond (the two
            // may add the fraction in a different order, so the last bit can differ).
            let parsed = try #require(ISO8601Text.date(text), "\(text)")
            let expected = try #require(try? style.parse(text), "\(text)")
            #expect(abs(parsed.timeIntervalSince(expected)) < 1e-6, "\(text)")
        }
    }
}
