import ATSCore
import ATSSync
import Foundation
import GRDB

/// Stores one page's records inside a write transaction, counting what changed.
///
/// Every statement is a cached prepared statement (`Database.cachedStatement`): SQLite compiles
/// each SQL text once per connection instead of once per row, which was most of the cost of a page
/// (see docs/PERFORMANCE.md). Times are compared as the stored fixed-width UTC text, which sorts
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

    /// The row as stored, as far as the upsert needs it.
    private struct Existing {
        var updatedAt: String?
        var raw: String?
        var isDeleted: Bool
        var stage: String?
        var groups: [String?]
        /// The stored values of the schema's indexed columns.
        var indexed: [DatabaseValue]
    }

    func store(_ records: [SyncRecord], into outcome: inout PageOutcome) throws {
        let statements = try Statements(db: db, schema: schema, derivations: derivations)
        for record in records {
            try store(record, statements: statements, into: &outcome)
        }
    }

    private func store(_ record: SyncRecord, statements: Statements, into outcome: inout PageOutcome) throws {
        let updatedAt = record.updatedAt.map(ISO8601Text.string)
        let raw = record.raw.json
        guard let existing = try fetchExisting(record.id, statements: statements) else {
            try insert(record, updatedAt: updatedAt, raw: raw, statements: statements)
            try queueGroups(new: record, old: nil, statements: statements)
            outcome.inserted += 1
            if let stage = record.stage {
                try recordStageChange(id: record.id, from: nil, to: stage, statements: statements)
                outcome.stageChanges += 1
            }
            return
        }
        if existing.isDeleted {
            outcome.restored += 1
            try queueGroups(new: record, old: existing, statements: statements)
        }
        let isSame = existing.updatedAt == updatedAt && existing.raw == raw
        // Fixed-width UTC text compares as the instants do.
        let isOlder =
            ignoresOlderVersions && !record.updatedAtIsAmbiguous
            && updatedAt.map { new in existing.updatedAt.map { new < $0 } ?? false } ?? false
        if isSame || isOlder {
            // Unchanged, or an older version arriving after a newer one (the look-back's overlap):
            // only the bookkeeping columns move.
            outcome.unchanged += 1
            try statements.touch.execute(arguments: [seenAt, scanID, account, record.id])
            return
        }
        if record.stage != existing.stage, schema.hasStage {
            try recordStageChange(id: record.id, from: existing.stage, to: record.stage, statements: statements)
            outcome.stageChanges += 1
        }
        try update(record, existing: existing, updatedAt: updatedAt, raw: raw, statements: statements)
        try queueGroups(new: record, old: existing, statements: statements)
        outcome.changed += 1
    }

    private func fetchExisting(_ id: String, statements: Statements) throws -> Existing? {
        guard let row = try Row.fetchOne(statements.select, arguments: [account, id]) else { return nil }
        // Columns by position: updated_at, raw, deleted_at, stage, one per derivation, one per index.
        let indexedStart = 4 + derivations.count
        return Existing(
            updatedAt: row[0], raw: row[1], isDeleted: !row.hasNull(atIndex: 2), stage: row[3],
            groups: derivations.indices.map { row[4 + $0] },
            indexed: schema.indexedColumns.indices.map { row[indexedStart + $0] })
    }

    /// Queues the groups a row belonged to and belongs to now, for each derived stream.
    private func queueGroups(new record: SyncRecord, old existing: Existing?, statements: Statements) throws {
        for (index, derivation) in derivations.enumerated() {
            var new: String?
            if case .text(let group) = record.fields[derivation.groupColumn] { new = group }
            let old = existing?.groups[index]
            for group in [new, old == new ? nil : old].compactMap(\.self) {
                try statements.queue.execute(arguments: [account, derivation.stream.rawValue, group])
            }
        }
    }

    private func insert(_ record: SyncRecord, updatedAt: String?, raw: String, statements: Statements) throws {
        var values: [(any DatabaseValueConvertible)?] = [
            account, record.id, updatedAt, raw, seenAt, seenAt, scanID,
        ]
        values.reserveCapacity(values.count + schema.columns.count)
        for column in schema.columns { values.append(columnValue(column.name, of: record)) }
        try statements.insert.execute(arguments: StatementArguments(values))
    }

    /// Rewrites a changed row. When its indexed columns (besides `updated_at`) keep their values, the
    /// statement leaves them out: an `UPDATE` that sets a column rewrites that column's index entry
    /// even for an equal value, and rewriting five indexes per row was most of an incremental run.
    private func update(
        _ record: SyncRecord, existing: Existing, updatedAt: String?, raw: String, statements: Statements
    ) throws {
        let keepsIndexed = zip(schema.indexedColumns, existing.indexed).allSatisfy { column, stored in
            (columnValue(column, of: record)?.databaseValue ?? .null) == stored
        }
        let columns = keepsIndexed ? statements.unindexedColumns : schema.columns.map(\.name)
        var values: [(any DatabaseValueConvertible)?] = [updatedAt, raw, seenAt, scanID]
        values.reserveCapacity(values.count + columns.count + 2)
        for column in columns { values.append(columnValue(column, of: record)) }
        values += [account, record.id]
        let statement = keepsIndexed ? statements.updateKeepingIndexed : statements.update
        try statement.execute(arguments: StatementArguments(values))
    }

    private func recordStageChange(id: String, from: String?, to: String?, statements: Statements) throws {
        try statements.stageHistory.execute(arguments: [account, schema.table, id, from, to, seenAt])
    }

    /// A typed column's value; the `stage` column always holds ``SyncRecord/stage``, which the stage
    /// history compares against.
    private func columnValue(_ column: String, of record: SyncRecord) -> (any DatabaseValueConvertible)? {
        column == "stage" ? record.stage : Self.value(record.fields[column])
    }

    private static func value(_ value: SyncValue?) -> (any DatabaseValueConvertible)? {
        switch value {
        case .text(let text): text
        case .integer(let integer): integer
        case .real(let real): real
        case .boolean(let flag): flag
        case .date(let date): ISO8601Text.string(date)
        case .null, nil: nil
        }
    }
}

extension PageUpsert {
    /// The page's prepared statements, fetched from the connection's statement cache.
    private struct Statements {
        let select: Statement
        let insert: Statement
        let update: Statement
        /// The update without the indexed columns (``unindexedColumns`` instead of every column).
        let updateKeepingIndexed: Statement
        /// The schema's columns that have no index of their own.
        let unindexedColumns: [String]
        let touch: Statement
        let queue: Statement
        let stageHistory: Statement

        init(db: Database, schema: StreamSchema, derivations: [StreamDerivation]) throws {
            let table = "\"\(schema.table)\""
            let stage = schema.hasStage ? "stage" : "NULL"
            let groups = (derivations.map(\.groupColumn) + schema.indexedColumns).map { ", \"\($0)\"" }.joined()
            select = try db.cachedStatement(
                sql: "SELECT updated_at, raw, deleted_at, \(stage)\(groups) FROM \(table) WHERE account = ? AND id = ?")
            let names =
                ["account", "id", "updated_at", "raw", "first_seen_at", "last_seen_at", "scan_id"]
                + schema.columns.map(\.name)
            let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
            insert = try db.cachedStatement(
                sql: "INSERT INTO \(table) (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) "
                    + "VALUES (\(placeholders))")
            let assignments = (["updated_at", "raw", "last_seen_at", "scan_id"] + schema.columns.map(\.name))
                .map { "\"\($0)\" = ?" }.joined(separator: ", ")
            update = try db.cachedStatement(
                sql: "UPDATE \(table) SET \(assignments), deleted_at = NULL WHERE account = ? AND id = ?")
            unindexedColumns = schema.columns.map(\.name).filter { !schema.indexedColumns.contains($0) }
            let unindexedAssignments = (["updated_at", "raw", "last_seen_at", "scan_id"] + unindexedColumns)
                .map { "\"\($0)\" = ?" }.joined(separator: ", ")
            updateKeepingIndexed = try db.cachedStatement(
                sql: "UPDATE \(table) SET \(unindexedAssignments), deleted_at = NULL WHERE account = ? AND id = ?")
            touch = try db.cachedStatement(
                sql: "UPDATE \(table) SET last_seen_at = ?, scan_id = ?, deleted_at = NULL WHERE account = ? AND id = ?"
            )
            queue = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO derivation_queue (account, stream, group_key) VALUES (?, ?, ?)")
            stageHistory = try db.cachedStatement(
                sql: """
                    INSERT INTO stage_history (account, stream, id, from_stage, to_stage, observed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
        }
    }
}

extension StreamSchema {
    /// Whether the table has a `stage` column whose changes go into `stage_history`.
    var hasStage: Bool { columns.contains { $0.name == "stage" } }
}
