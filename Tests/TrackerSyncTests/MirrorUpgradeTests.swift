import ATSSync
import Foundation
import GRDB
import PostgresNIO
import Testing
import TrackerAPI
import TrackerSandbox

@testable import ATSSyncPostgres
@testable import ATSSyncSQLite

/// Mirrors made by an earlier release (Fixtures/) open, migrate in place and keep syncing; the
/// migrations, frozen as literal SQL, build exactly the schema that release built.
/// Serialized: the PostgreSQL cases create databases, and concurrent `CREATE DATABASE` from one
/// template can fail.
@Suite(.serialized) struct MirrorUpgradeTests {
    static let addAMigration =
        "A new mirror and an upgraded one must have exactly the columns StreamSchema declares. If you changed "
        + "StreamSchema, add a migration (SQLiteMigrations and PostgresMigrations; never edit a shipped one)."

    // MARK: The frozen migrations rebuild the earlier release's schema

    @Test func sqliteMigrationsThroughTheEarlierReleaseBuildItsSchemaByteForByte() async throws {
        let shipped = try await UpgradeFixture.withSQLiteCopy { path in
            try await UpgradeFixture.sqliteSchema(try DatabaseQueue(path: path))
        }
        let rebuilt = try await UpgradeFixture.withNewSQLitePath { path in
            let store = try SQLiteSyncStore(path: path)
            try await store.prepare(throughMigration: UpgradeFixture.lastSQLiteMigration)
            return try await UpgradeFixture.sqliteSchema(store.writer)
        }
        #expect(rebuilt.count > 20)
        #expect(rebuilt == shipped, "a shipped SQLite migration changed: restore its literal SQL")
    }

    @Test(.enabled(if: UpgradePostgres.baseURL != nil))
    func postgresMigrationsThroughTheEarlierReleaseBuildItsSchema() async throws {
        let dump = try String(contentsOf: UpgradeFixture.postgresDump, encoding: .utf8)
        let shipped = try await UpgradePostgres.withDatabase { url in
            try await UpgradePostgres.restore(dump, into: url)
            return try await UpgradePostgres.schema(url)
        }
        let rebuilt = try await UpgradePostgres.withDatabase { url in
            try await UpgradePostgres.withStore(url, throughVersion: UpgradeFixture.lastPostgresVersion) { _ in }
            return try await UpgradePostgres.schema(url)
        }
        #expect(rebuilt.count > 100)
        #expect(rebuilt == shipped, "a shipped PostgreSQL migration changed: restore its literal SQL")
    }

    // MARK: Upgraded and new mirrors are the same, with StreamSchema's columns

    @Test func anUpgradedSQLiteMirrorHasTheSchemaOfANewOne() async throws {
        let upgraded = try await UpgradeFixture.withSQLiteCopy { path in
            let store = try SQLiteSyncStore(path: path)
            try await store.prepare()
            return try await UpgradeFixture.sqliteSchema(store.writer)
        }
        try await UpgradeFixture.withNewSQLitePath { path in
            let store = try SQLiteSyncStore(path: path)
            try await store.prepare()
            #expect(try await UpgradeFixture.sqliteSchema(store.writer) == upgraded, "\(Self.addAMigration)")
            for schema in StreamSchema.all {
                let expected = (StreamSchema.commonColumns + schema.columns).map { column in
                    "\(column.name) \(Self.sqliteType(column.type))"
                }
                let actual = try await UpgradeFixture.sqliteColumns(store.writer, table: schema.table)
                #expect(actual == expected, "table \(schema.table): \(Self.addAMigration)")
            }
        }
    }

    @Test(.enabled(if: UpgradePostgres.baseURL != nil))
    func anUpgradedPostgresMirrorHasTheSchemaOfANewOne() async throws {
        let dump = try String(contentsOf: UpgradeFixture.postgresDump, encoding: .utf8)
        let upgraded = try await UpgradePostgres.withDatabase { url in
            try await UpgradePostgres.restore(dump, into: url)
            try await UpgradePostgres.withStore(url, throughVersion: nil) { _ in }
            return try await UpgradePostgres.schema(url)
        }
        try await UpgradePostgres.withDatabase { url in
            try await UpgradePostgres.withStore(url, throughVersion: nil) { _ in }
            #expect(try await UpgradePostgres.schema(url) == upgraded, "\(Self.addAMigration)")
            for schema in StreamSchema.all {
                let expected = (StreamSchema.commonColumns + schema.columns).map { column in
                    "\(column.name) \(Self.postgresType(column.type))"
                }
                let actual = try await UpgradePostgres.columns(url, table: schema.table)
                #expect(actual == expected, "table \(schema.table): \(Self.addAMigration)")
            }
        }
    }

    static func sqliteType(_ type: StreamSchema.ColumnType) -> String {
        switch type {
        case .text, .timestamp, .json: "TEXT"
        case .integer, .boolean: "INTEGER"
        case .real: "REAL"
        }
    }

    static func postgresType(_ type: StreamSchema.ColumnType) -> String {
        switch type {
        case .text: "text"
        case .integer: "bigint"
        case .real: "double precision"
        case .boolean: "boolean"
        case .timestamp: "timestamp with time zone"
        case .json: "jsonb"
        }
    }

    // MARK: An upgraded mirror keeps syncing

    @Test func anSQLiteMirrorOfTheEarlierReleaseUpgradesInPlaceAndSyncsToTheTruth() async throws {
        try await UpgradeFixture.withSQLiteCopy { path in
            let store = try SQLiteSyncStore(path: path)
            try await store.prepare()
            try await Self.syncUpgradedMirror(store: store) {
                try await store.writer.read { db in
                    try Row.fetchAll(
                        db,
                        sql: """
                            SELECT id, hired_at, start_date, scan_id FROM applications
                            WHERE account = ? ORDER BY id
                            """, arguments: [UpgradeFixture.account]
                    ).map { row in
                        HireColumns(
                            id: row["id"], hiredAt: (row["hired_at"] as String?).flatMap(ISO8601Text.date),
                            startDate: row["start_date"], scanID: row["scan_id"])
                    }
                }
            }
        }
    }

    @Test(.enabled(if: UpgradePostgres.baseURL != nil))
    func aPostgresMirrorOfTheEarlierReleaseUpgradesInPlaceAndSyncsToTheTruth() async throws {
        let dump = try String(contentsOf: UpgradeFixture.postgresDump, encoding: .utf8)
        try await UpgradePostgres.withDatabase { url in
            try await UpgradePostgres.restore(dump, into: url)
            try await UpgradePostgres.withStore(url, throughVersion: nil) { store in
                try await Self.syncUpgradedMirror(store: store) {
                    try await UpgradePostgres.withConnection(url) { connection in
                        let rows = try await connection.query(
                            """
                            SELECT id, hired_at, start_date, scan_id FROM applications
                            WHERE account = \(UpgradeFixture.account) ORDER BY id
                            """, logger: UpgradePostgres.logger)
                        var columns: [HireColumns] = []
                        for try await (id, hiredAt, startDate, scanID) in rows.decode(
                            (String, Date?, String?, String).self)
                        {
                            columns.append(HireColumns(id: id, hiredAt: hiredAt, startDate: startDate, scanID: scanID))
                        }
                        return columns
                    }
                }
            }
        }
    }

    struct HireColumns: Sendable, Equatable {
        var id: String
        var hiredAt: Date?
        var startDate: String?
        var scanID: String
    }

    /// Runs the fixture's sandbox three hours after the earlier release's sync, hires one applicant,
    /// and syncs the upgraded `store`: every application is read once more and rewritten, so the new
    /// columns are filled; then the mirror equals the sandbox, later syncs are incremental again, and
    /// an un-hire clears the columns.
    static func syncUpgradedMirror(
        store: any SyncStore, hireColumns: @escaping () async throws -> [HireColumns]
    ) async throws {
        let marked = try await hireColumns()
        #expect(marked.count == 40)
        #expect(marked.allSatisfy { $0.scanID == StoredRowRewrite.scanID && $0.hiredAt == nil })
        let clock = ManualSandboxClock(start: UpgradeFixture.anchor.addingTimeInterval(30))
        try await withMirror(
            store: store, configuration: UpgradeFixture.sandboxConfiguration(clock: clock), clock: clock,
            account: UpgradeFixture.account, identity: UpgradeFixture.identity
        ) { harness in
            let historyBefore = try await harness.store.stageHistory(of: .applications, account: harness.account)
            #expect(historyBefore.count == 40, "the fixture's first sync recorded every application's stage")
            harness.clock.advance(by: .seconds(3 * 3600))
            _ = try await harness.api.actions.create(.markAsHired(7, hireDate: "2026-12-01", startDate: "2027-01-04"))
            harness.sandbox.control.runAllPendingActions()
            harness.clock.advance(by: .seconds(120))

            let upgrade = try await harness.sync()
            let applications = try #require(upgrade.streams.first { $0.stream == .applications })
            #expect(!applications.isIncremental, "the migration asks for one full read of the applications")
            #expect(applications.outcome.inserted == 0)
            #expect(applications.outcome.changed == 40, "every row rewritten once, filling the new columns")
            #expect(applications.outcome.stageChanges == 0)
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
            let columns = try await hireColumns()
            #expect(columns.allSatisfy { $0.scanID != StoredRowRewrite.scanID })
            let hired = columns.filter { $0.hiredAt != nil || $0.startDate != nil }
            // 2026-12-01 begins at 08:00 UTC in Los Angeles.
            #expect(
                hired.map { [$0.id, $0.startDate ?? "-", $0.hiredAt.map(ISO8601Text.string) ?? "-"] }
                    == [["7", "2027-01-04", "2026-12-01T08:00:00.000Z"]])
            let history = try await harness.store.stageHistory(of: .applications, account: harness.account)
            #expect(history.count == 40)

            harness.clock.advance(by: .seconds(600))
            let next = try await harness.sync()
            let quiet = try #require(next.streams.first { $0.stream == .applications })
            #expect(quiet.isIncremental)
            #expect(quiet.outcome.changed == 0)

            _ = try await harness.api.actions.create(.unMarkAsHired(7))
            harness.sandbox.control.runAllPendingActions()
            harness.clock.advance(by: .seconds(120))
            let undone = try await harness.sync()
            #expect(undone.streams.first { $0.stream == .applications }?.outcome.changed == 1)
            #expect(try await hireColumns().allSatisfy { $0.hiredAt == nil && $0.startDate == nil })
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }
}
