import ATSCore
import ATSSync
import Foundation
import GRDB

/// Stores one page's records inside a write transaction, counting what changed.
///
/// Every statement is a cached prepared statement (`Database.cachedStatement`): SQLite compiles
/// each SQL text once per connection instead of once per row, which was most of the cost of a page
/// (see docs/PERFORMANCE.md); values are bound into them directly (``BoundStatement``), and a
/// row's columns are found by position (``ColumnMap``) rather than by name. Times are compared as the stored fixed-width UTC text, which sorts
/// as the instants do, so an existing row's timestamp is never parsed back into a `Date`.
struct PageUpsert {
    let db: Database
    let schema: StreamSchema
    let account: String
    let scanID: String
    let seenAt: String
    /// Derived streams fed by this one, whose groups are queued when a row changes.
    var derivations: [StreamDerivation] = []
    /// Whether a record older than the stored row is ignored (true for provider records, whose
    /// look-back overlap can deliver an old version late; false for derived rows, whose update time
    /// goes back when their newest source row is deleted).
    var ignoresOlderVersions = true
    /// Per derivation, whether each row's groups are queued; false while the queue holds the
    /// "every group" entry of a first sync (see ``FirstSyncBulkLoad``).
    var queuesEachGroup: [Bool] = []

    /// The row as stored, as far as the upsert needs it.
    private struct Existing {
        var updatedAt: String?
        /// Whether the stored JSON is the new record's (byte for byte, or as a JSON value).
        var hasSameJSON: Bool
        var isDeleted: Bool
        var stage: String?
        var groups: [String?]
        /// The stored values of the schema's indexed columns.
        var indexed: [StoredValue]
        /// Whether a migration marked the row to be written in full (``StoredRowRewrite``).
        var needsRewrite: Bool
    }

    func store(_ records: [SyncRecord], into outcome: inout PageOutcome) throws {
        let statements = try Statements(db: db, schema: schema, derivations: derivations)
        var columns = ColumnMap(schema: schema, derivations: derivations)
        for record in records {
            columns.adapt(to: record.fields.names)
            try store(record, columns: columns, statements: statements, into: &outcome)
        }
    }

    private func store(
        _ record: SyncRecord, columns: ColumnMap, statements: Statements, into outcome: inout PageOutcome
    ) throws {
        let updatedAt = record.updatedAt.map(ISO8601Text.string)
        guard let existing = try fetchExisting(record, updatedAt: updatedAt, statements: statements) else {
            try insert(record, updatedAt: updatedAt, columns: columns, statements: statements)
            try queueGroups(new: record, old: nil, columns: columns, statements: statements)
            outcome.inserted += 1
            if let stage = record.stage {
                try recordStageChange(id: record.id, from: nil, to: stage, statements: statements)
                outcome.stageChanges += 1
            }
            return
        }
        if existing.isDeleted {
            outcome.restored += 1
            try queueGroups(new: record, old: existing, columns: columns, statements: statements)
        }
        let isSame = existing.updatedAt == updatedAt && existing.hasSameJSON && !existing.needsRewrite
        // Fixed-width UTC text compares as the instants do.
        let isOlder =
            ignoresOlderVersions && !record.updatedAtIsAmbiguous
            && updatedAt.map { new in existing.updatedAt.map { new < $0 } ?? false } ?? false
        if isSame || isOlder {
            // Unchanged, or an older version arriving after a newer one (the look-back's overlap):
            // only the bookkeeping columns move.
            outcome.unchanged += 1
            let touch = statements.touch
            touch.bind(seenAt, at: 1)
            touch.bind(scanID, at: 2)
            touch.bind(account, at: 3)
            touch.bind(record.id, at: 4)
            try touch.execute(db)
            return
        }
        if record.stage != existing.stage, schema.hasStage {
            try recordStageChange(id: record.id, from: existing.stage, to: record.stage, statements: statements)
            outcome.stageChanges += 1
        }
        try update(record, existing: existing, updatedAt: updatedAt, columns: columns, statements: statements)
        try queueGroups(new: record, old: existing, columns: columns, statements: statements)
        outcome.changed += 1
    }

    private func fetchExisting(_ record: SyncRecord, updatedAt: String?, statements: Statements) throws -> Existing? {
        let select = statements.select
        select.bind(account, at: 1)
        select.bind(record.id, at: 2)
        return try select.firstRow(db) { row in
            // Columns by position: updated_at, raw, deleted_at, stage, one per derivation, one per index,
            // scan_id.
            let storedUpdatedAt = row.text(0)
            let sameJSON = row.withText(1) { stored in
                guard let stored else { return false }
                if stored.elementsEqual(record.raw.bytes) { return true }
                // Only an unchanged update time makes the JSON's meaning worth comparing.
                return storedUpdatedAt == updatedAt && JSONEquivalence.same(stored, record.raw.bytes)
            }
            let groupsStart = Int32(4)
            let indexedStart = groupsStart + Int32(derivations.count)
            let scanIDColumn = indexedStart + Int32(schema.indexedColumns.count)
            return Existing(
                updatedAt: storedUpdatedAt, hasSameJSON: sameJSON, isDeleted: !row.isNull(2), stage: row.text(3),
                groups: derivations.indices.map { row.text(groupsStart + Int32($0)) },
                indexed: schema.indexedColumns.indices.map { row.value(indexedStart + Int32($0)) },
                needsRewrite: row.text(scanIDColumn) == StoredRowRewrite.scanID)
        }
    }

    /// Queues the groups a row belonged to and belongs to now, for each derived stream.
    private func queueGroups(
        new record: SyncRecord, old existing: Existing?, columns: ColumnMap, statements: Statements
    ) throws {
        for (index, derivation) in derivations.enumerated()
        where queuesEachGroup.count <= index || queuesEachGroup[index] {
            var new: String?
            if case .text(let group) = columns.group(index, of: record) { new = group }
            let old = existing?.groups[index]
            for group in [new, old == new ? nil : old].compactMap(\.self) {
                let queue = statements.queue
                queue.bind(account, at: 1)
                queue.bind(derivation.stream.rawValue, at: 2)
                queue.bind(group, at: 3)
                try queue.execute(db)
            }
        }
    }

    private func insert(_ record: SyncRecord, updatedAt: String?, columns: ColumnMap, statements: Statements) throws {
        let insert = statements.insert
        insert.bind(account, at: 1)
        insert.bind(record.id, at: 2)
        insert.bind(updatedAt, at: 3)
        insert.bind(bytes: record.raw.bytes, at: 4)
        insert.bind(seenAt, at: 5)
        insert.bind(seenAt, at: 6)
        insert.bind(scanID, at: 7)
        for (offset, column) in columns.all.enumerated() {
            insert.bind(columns.value(column, of: record), at: Int32(8 + offset))
        }
        try insert.execute(db)
    }

    /// Rewrites a changed row. When its indexed columns (besides `updated_at`) keep their values, the
    /// statement leaves them out: an `UPDATE` that sets a column rewrites that column's index entry
    /// even for an equal value, and rewriting five indexes per row was most of an incremental run.
    private func update(
        _ record: SyncRecord, existing: Existing, updatedAt: String?, columns: ColumnMap, statements: Statements
    ) throws {
        let keepsIndexed = zip(columns.indexed, existing.indexed).allSatisfy { column, stored in
            StoredValue(columns.value(column, of: record)) == stored
        }
        let statement = keepsIndexed ? statements.updateKeepingIndexed : statements.update
        let assigned = keepsIndexed ? columns.unindexed : columns.all
        statement.bind(updatedAt, at: 1)
        statement.bind(bytes: record.raw.bytes, at: 2)
        statement.bind(seenAt, at: 3)
        statement.bind(scanID, at: 4)
        for (offset, column) in assigned.enumerated() {
            statement.bind(columns.value(column, of: record), at: Int32(5 + offset))
        }
        statement.bind(account, at: Int32(5 + assigned.count))
        statement.bind(record.id, at: Int32(6 + assigned.count))
        try statement.execute(db)
    }

    private func recordStageChange(id: String, from: String?, to: String?, statements: Statements) throws {
        let history = statements.stageHistory
        history.bind(account, at: 1)
        history.bind(schema.table, at: 2)
        history.bind(id, at: 3)
        history.bind(from, at: 4)
        history.bind(to, at: 5)
        history.bind(seenAt, at: 6)
        try history.execute(db)
    }
}

/// Where each of the schema's columns is found in a record's fields, worked out again only when a
/// record lists its columns differently from the previous one (rows of one source share one list).
private struct ColumnMap {
    /// Where a column's value comes from.
    enum Source {
        /// ``SyncRecord/stage``, which the stage history compares against.
        case stage
        /// The record's fields at this position.
        case field(Int)
        /// The record has no such field: NULL.
        case missing
    }

    let schema: StreamSchema
    let groupColumns: [String]
    private var names: [String]?
    /// The schema's columns, in table order.
    private(set) var all: [Source] = []
    /// The columns without an index of their own, in table order.
    private(set) var unindexed: [Source] = []
    /// The indexed columns, in the order of ``StreamSchema/indexedColumns``.
    private(set) var indexed: [Source] = []
    /// The group column of each derivation.
    private(set) var groups: [Source] = []

    init(schema: StreamSchema, derivations: [StreamDerivation]) {
        self.schema = schema
        groupColumns = derivations.map(\.groupColumn)
    }

    mutating func adapt(to fieldNames: [String]) {
        // Rows of one stream share one array of names, so this is an identity check.
        guard names != fieldNames else { return }
        names = fieldNames
        func source(_ column: String) -> Source {
            if column == "stage" { return .stage }
            return fieldNames.firstIndex(of: column).map(Source.field) ?? .missing
        }
        all = schema.columns.map { source($0.name) }
        unindexed = schema.columns.filter { !schema.indexedColumns.contains($0.name) }.map { source($0.name) }
        indexed = schema.indexedColumns.map(source)
        groups = groupColumns.map(source)
    }

    func value(_ source: Source, of record: SyncRecord) -> SyncValue {
        switch source {
        case .stage: record.stage.map(SyncValue.text) ?? .null
        case .field(let index): record.fields.values[index]
        case .missing: .null
        }
    }

    func group(_ derivation: Int, of record: SyncRecord) -> SyncValue {
        value(groups[derivation], of: record)
    }
}

extension PageUpsert {
    /// The page's prepared statements, fetched from the connection's statement cache.
    private struct Statements {
        let select: BoundStatement
        let insert: BoundStatement
        let update: BoundStatement
        /// The update without the indexed columns.
        let updateKeepingIndexed: BoundStatement
        let touch: BoundStatement
        let queue: BoundStatement
        let stageHistory: BoundStatement

        init(db: Database, schema: StreamSchema, derivations: [StreamDerivation]) throws {
            let table = "\"\(schema.table)\""
            let stage = schema.hasStage ? "stage" : "NULL"
            let groups = (derivations.map(\.groupColumn) + schema.indexedColumns).map { ", \"\($0)\"" }.joined()
            select = BoundStatement(
                try db.cachedStatement(
                    sql:
                        "SELECT updated_at, raw, deleted_at, \(stage)\(groups), scan_id FROM \(table) WHERE account = ? AND id = ?"
                ))
            let names =
                ["account", "id", "updated_at", "raw", "first_seen_at", "last_seen_at", "scan_id"]
                + schema.columns.map(\.name)
            let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
            insert = BoundStatement(
                try db.cachedStatement(
                    sql: "INSERT INTO \(table) (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) "
                        + "VALUES (\(placeholders))"))
            let assignments = (["updated_at", "raw", "last_seen_at", "scan_id"] + schema.columns.map(\.name))
                .map { "\"\($0)\" = ?" }.joined(separator: ", ")
            update = BoundStatement(
                try db.cachedStatement(
                    sql: "UPDATE \(table) SET \(assignments), deleted_at = NULL WHERE account = ? AND id = ?"))
            let unindexedColumns = schema.columns.map(\.name).filter { !schema.indexedColumns.contains($0) }
            let unindexedAssignments = (["updated_at", "raw", "last_seen_at", "scan_id"] + unindexedColumns)
                .map { "\"\($0)\" = ?" }.joined(separator: ", ")
            updateKeepingIndexed = BoundStatement(
                try db.cachedStatement(
                    sql: "UPDATE \(table) SET \(unindexedAssignments), deleted_at = NULL WHERE account = ? AND id = ?"))
            touch = BoundStatement(
                try db.cachedStatement(
                    sql:
                        "UPDATE \(table) SET last_seen_at = ?, scan_id = ?, deleted_at = NULL WHERE account = ? AND id = ?"
                ))
            queue = BoundStatement(
                try db.cachedStatement(
                    sql: "INSERT OR IGNORE INTO derivation_queue (account, stream, group_key) VALUES (?, ?, ?)"))
            stageHistory = BoundStatement(
                try db.cachedStatement(
                    sql: """
                        INSERT INTO stage_history (account, stream, id, from_stage, to_stage, observed_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """))
        }
    }
}

extension StreamSchema {
    /// Whether the table has a `stage` column whose changes go into `stage_history`.
    var hasStage: Bool { columns.contains { $0.name == "stage" } }
}
