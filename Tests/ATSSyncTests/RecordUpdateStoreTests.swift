import ATSTestSupport
import ATSCore
import ATSSync
import Foundation
import Testing

/// Every store applies RecordUpdateRule: the same records give the same counts, the same stage
/// history and the same stored JSON in memory, in SQLite and in PostgreSQL.
@Suite struct RecordUpdateStoreTests {
    let seen = Date(timeIntervalSince1970: 1_767_225_600)

    func commit(
        _ records: [SyncRecord], _ stream: SyncStreamName, into store: any SyncStore, account: String, scan: String
    ) async throws -> PageOutcome {
        try await store.commit(
            records, stream: stream, account: account, scanID: scan, seenAt: seen, state: StreamState(stream: stream),
            derivations: [])
    }

    func application(_ id: String, minutes: Double, stage: String?, raw: String? = nil) -> SyncRecord {
        SyncRecord(
            id: id, updatedAt: seen.addingTimeInterval(minutes * 60),
            fields: ["stage": stage.map(SyncValue.text) ?? .null],
            raw: RawPayload(json: raw ?? #"{"id":"\#(id)","m":\#(Int(minutes))}"#), stage: stage)
    }

    /// The stores once disagreed here: memory and SQLite recorded the stage of a new row on any
    /// stream, PostgreSQL only on a stream with a stage column. Only a stage column has a history.
    @Test(arguments: StoreKind.available) func onlyAStreamWithAStageColumnRecordsStageChanges(kind: StoreKind)
        async throws
    {
        try await kind.withStore { store in
            try await store.prepare()
            let account = "stages-\(UUID().uuidString)"
            func note(_ minutes: Double, stage: String) -> SyncRecord {
                SyncRecord(
                    id: "n1", updatedAt: seen.addingTimeInterval(minutes * 60), fields: ["body": .text("hello")],
                    raw: RawPayload(json: #"{"id":"n1","m":\#(Int(minutes))}"#), stage: stage)
            }
            let inserted = try await commit([note(1, stage: "New")], .notes, into: store, account: account, scan: "s1")
            let changed = try await commit([note(2, stage: "Offer")], .notes, into: store, account: account, scan: "s2")
            #expect(inserted.inserted == 1 && inserted.stageChanges == 0)
            #expect(changed.changed == 1 && changed.stageChanges == 0)
            #expect(try await store.stageHistory(of: .notes, account: account).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available) func aStageChangeIsRecordedForNewAndChangedRowsOnly(kind: StoreKind)
        async throws
    {
        try await kind.withStore { store in
            try await store.prepare()
            let account = "stage-history-\(UUID().uuidString)"
            var outcomes: [PageOutcome] = []
            for page in [
                [application("1", minutes: 1, stage: "New"), application("2", minutes: 1, stage: nil)],
                [application("1", minutes: 1, stage: "New")],  // unchanged
                [application("1", minutes: 0, stage: "Applied")],  // older: ignored
                [application("1", minutes: 2, stage: "Offer"), application("2", minutes: 2, stage: "New")],
                [application("1", minutes: 3, stage: "Offer")],  // changed, stage kept
            ] {
                outcomes.append(try await commit(page, .applications, into: store, account: account, scan: "s"))
            }
            #expect(outcomes.map(\.stageChanges) == [1, 0, 0, 2, 0])
            #expect(outcomes.map(\.unchanged) == [0, 1, 1, 0, 0])
            let history = try await store.stageHistory(of: .applications, account: account).map {
                "\($0.id): \($0.from ?? "-") → \($0.to ?? "-")"
            }
            #expect(history.sorted() == ["1: - → New", "1: New → Offer", "2: - → New"])
        }
    }

    /// A row stored with other key order or spacing than the provider now sends (an earlier
    /// release sorted the keys) is unchanged, and from then on holds the provider's bytes, so the
    /// next full scan compares bytes instead of parsing. PostgreSQL stores `jsonb`, which keeps no
    /// bytes: there the value is compared and stays the same.
    @Test(arguments: StoreKind.available) func equivalentJSONIsUnchangedAndStoredAsTheProviderSendsIt(kind: StoreKind)
        async throws
    {
        try await kind.withStore { store in
            try await store.prepare()
            let account = "rewrite-\(UUID().uuidString)"
            let sorted = #"{"id":"1","m":1,"stage":"New"}"#
            let providers = #"{"stage": "New", "m": 1, "id": "1"}"#
            _ = try await commit(
                [application("1", minutes: 1, stage: "New", raw: sorted)], .applications, into: store,
                account: account, scan: "s1")
            for scan in ["s2", "s3"] {
                let outcome = try await commit(
                    [application("1", minutes: 1, stage: "New", raw: providers)], .applications, into: store,
                    account: account, scan: scan)
                #expect(outcome.unchanged == 1 && outcome.changed == 0 && outcome.stageChanges == 0)
            }
            let raw = try #require(try await store.storedRows(of: .applications, account: account).first?.raw)
            if kind == .postgres {
                #expect(JSONEquivalence.same(Array(raw.utf8), Array(providers.utf8)))
            } else {
                #expect(raw == providers)
            }
            #expect(try await store.stageHistory(of: .applications, account: account).count == 1)
        }
    }

    /// A field the stream's table has no column for would be lost without a word: the page is
    /// refused, and nothing of it is stored.
    @Test(arguments: StoreKind.available) func aFieldNamingNoColumnIsRefused(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.prepare()
            let account = "unknown-column-\(UUID().uuidString)"
            let record = SyncRecord(
                id: "j1", updatedAt: seen, fields: ["title": .text("Nurse"), "titel": .text("Nurse")],
                raw: RawPayload(json: #"{"id":"j1"}"#))
            await #expect(throws: SyncError.unknownColumn("titel", stream: .jobs)) {
                _ = try await commit([record], .jobs, into: store, account: account, scan: "s1")
            }
            #expect(try await store.storedRows(of: .jobs, account: account).isEmpty)
        }
    }
}

/// RowLayout: a source's columns against its stream's schema.
@Suite struct RowLayoutTests {
    struct Job {
        var title: String
        var status: String
    }

    @Test func aLayoutThatLeavesOutReordersOrAddsAColumnSaysSo() {
        typealias Column = StreamSchema.JobColumns
        let partial = RowLayout<Job>(
            .jobs, [.init(Column.status) { .text($0.status) }, .init(Column.title) { .text($0.title) }])
        #expect(partial.mismatches.contains("jobs.is_hidden has no value in the layout"))
        let foreign = RowLayout<Job>(.jobs, [.init(StreamSchema.NoteColumns.body) { .text($0.title) }])
        #expect(foreign.mismatches.contains("jobs.body (text) is not a column of the schema"))
        let everything = RowLayout<Job>(
            .jobs, StreamSchema.jobs.columns.reversed().map { column in .init(column) { _ in .null } })
        #expect(everything.mismatches == ["jobs's layout lists its columns in another order than the table"])
        let exact = RowLayout<Job>(.jobs, StreamSchema.jobs.columns.map { column in .init(column) { _ in .null } })
        #expect(exact.mismatches.isEmpty)
        #expect(exact.fields(of: Job(title: "a", status: "b")).names == StreamSchema.jobs.columns.map(\.name))
    }

    @Test func aRowTakesItsStageFromTheStageColumn() {
        let layout = RowLayout<String>(
            .applications,
            StreamSchema.applications.columns.map { column in
                .init(column) { value in column == StreamSchema.ApplicationColumns.stage ? .text(value) : .null }
            })
        let row = layout.row(of: "Interview", id: "1", updatedAt: nil, raw: .empty)
        #expect(row.stage == "Interview")
        #expect(row.fields["stage"] == .text("Interview"))
    }
}
