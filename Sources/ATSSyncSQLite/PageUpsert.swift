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

    /// The row as stored, as far as the upsert needs it, and what the rule decided for it.
    private struct Existing {
        var decision: RecordUpdateRule.Decision
        var groups: [String?]
        /// The stored values of the schema's indexed columns.
        var indexed: [StoredValue]
    }

    func store(_ records: [SyncRecord], into outcome: inout PageOutcome) throws {
        let statements = try Statements(db: db, schema: schema, derivations: derivations)
        var columns = ColumnMap(schema: schema, derivations: derivations)
        let rule = RecordUpdateRule(
            ignoresOlderVersions: ignoresOlderVersions, recordsStageChanges: schema.stageColumn != nil)
        for record in records {
            try columns.adapt(to: record.fields.names)
            try store(record, rule: rule, columns: columns, statements: statements, into: &outcome)
        }
    }

    private func store(
        _ record: SyncRecord, rule: RecordUpdateRule, columns: ColumnMap, statements: Statements,
        into outcome: inout PageOutcome
    ) throws {
        let updatedAt = record.updatedAt.map(ISO8601Text.string)
        let incoming = RecordUpdateRule.Incoming(record)
        let existing = try fetchExisting(record, updatedAt: updatedAt, rule: rule, statements: statements)
        let decision = existing?.decision ?? rule.decide(incoming, stored: nil) { false }
        decision.count(into: &outcome)
        switch decision.kind {
        case .new:
            try insert(record, updatedAt: updatedAt, columns: columns, statements: statements)
        case .changed:
            if let existing {
                try update(record, existing: existing, updatedAt: updatedAt, columns: columns, statements: statements)
            }
        case .unchanged, .older:
            // Only the bookkeeping columns move, and the stored JSON when the rule asks for the
            // provider's bytes.
            if decision.rewritesStoredJSON {
                try statements.rewriteJSON.execute(db) { arguments in
                    try arguments.append(bytes: record.raw.bytes)
                    try arguments.append(seenAt)
                    try arguments.append(scanID)
                    try arguments.append(account)
                    try arguments.append(record.id)
                }
            } else {
                try statements.touch.execute(db) { arguments in
                    try arguments.append(seenAt)
                    try arguments.append(scanID)
                    try arguments.append(account)
                    try arguments.append(record.id)
                }
            }
        }
        if let change = decision.stageChange {
            try statements.stageHistory.execute(db) { arguments in
                try arguments.append(account)
                try arguments.append(schema.table)
                try arguments.append(record.id)
                try arguments.append(change.from)
                try arguments.append(change.to)
                try arguments.append(seenAt)
            }
        }
        if decision.queuesGroups {
            try queueGroups(new: record, old: existing, columns: columns, statements: statements)
        }
    }

    /// Reads the stored row and decides, while the row is current, what to do with the record: the
    /// stored JSON is compared in place, without becoming a `String`.
    private func fetchExisting(
        _ record: SyncRecord, updatedAt: String?, rule: RecordUpdateRule, statements: Statements
    ) throws -> Existing? {
        try statements.select.firstRow(
            db,
            { arguments in
                try arguments.append(account)
                try arguments.append(record.id)
            },
            read: { row in
                // Columns by position: updated_at, raw, deleted_at, stage, one per derivation, one per
                // index, scan_id (the order Statements.select lists them).
                let groupsStart = Int32(4)
                let indexedStart = groupsStart + Int32(derivations.count)
                let scanIDColumn = indexedStart + Int32(schema.indexedColumns.count)
                let decision = row.withText(1) { stored in
                    let facts = RecordUpdateRule.Stored(
                        updateTime: RecordUpdateRule.UpdateTimeOrder(updatedAt, row.text(0)),
                        hasSameBytes: stored?.elementsEqual(record.raw.bytes) ?? false,
                        isDeleted: !row.isNull(2), stage: row.text(3),
                        needsRewrite: row.text(scanIDColumn) == StoredRowRewrite.scanID)
                    return rule.decide(RecordUpdateRule.Incoming(record), stored: facts) {
                        stored.map { JSONEquivalence.same($0, record.raw.bytes) } ?? false
                    }
                }
                return Existing(
                    decision: decision,
                    groups: derivations.indices.map { row.text(groupsStart + Int32($0)) },
                    indexed: schema.indexedColumns.indices.map { row.value(indexedStart + Int32($0)) })
            })
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
                try statements.queue.execute(db) { arguments in
                    try arguments.append(account)
                    try arguments.append(derivation.stream.rawValue)
                    try arguments.append(group)
                }
            }
        }
    }

    private func insert(_ record: SyncRecord, updatedAt: String?, columns: ColumnMap, statements: Statements) throws {
        try statements.insert.execute(db) { arguments in
            // The order of Statements.insert: the common columns, then the schema's.
            try arguments.append(account)
            try arguments.append(record.id)
            try arguments.append(updatedAt)
            try arguments.append(bytes: record.raw.bytes)
            try arguments.append(seenAt)
            try arguments.append(seenAt)
            try arguments.append(scanID)
            for column in columns.all { try arguments.append(columns.value(column, of: record)) }
        }
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
        try statement.execute(db) { arguments in
            // The order of Statements.update: the bookkeeping columns, the assigned ones, the key.
            try arguments.append(updatedAt)
            try arguments.append(bytes: record.raw.bytes)
            try arguments.append(seenAt)
            try arguments.append(scanID)
            for column in assigned { try arguments.append(columns.value(column, of: record)) }
            try arguments.append(account)
            try arguments.append(record.id)
        }
    }
}

/// Where each of the schema's columns is found in a record's fields, worked out again only when a
/// record lists its columns differently from the previous one (rows of one source share one list,
/// from its ``RowLayout``). A column the record leaves out is NULL; a field the schema has no column
/// for is an error, since its value would otherwise be lost without a word.
private struct ColumnMap {
    /// Where a column's value comes from.
    enum Source {
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

    /// - Throws: ``SyncError/unknownColumn(_:stream:)`` when a field names no column of the schema.
    mutating func adapt(to fieldNames: [String]) throws {
        // Rows of one stream share one array of names, so this is an identity check.
        guard names != fieldNames else { return }
        try schema.checkFieldNames(fieldNames)
        names = fieldNames
        func source(_ column: String) -> Source {
            fieldNames.firstIndex(of: column).map(Source.field) ?? .missing
        }
        all = schema.columns.map { source($0.name) }
        unindexed = schema.columns.filter { !schema.indexedColumns.contains($0.name) }.map { source($0.name) }
        indexed = schema.indexedColumns.map(source)
        groups = groupColumns.map(source)
    }

    func value(_ source: Source, of record: SyncRecord) -> SyncValue {
        switch source {
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
        /// The touch that also stores the provider's bytes of an unchanged record.
        let rewriteJSON: BoundStatement
        let queue: BoundStatement
        let stageHistory: BoundStatement

        init(db: Database, schema: StreamSchema, derivations: [StreamDerivation]) throws {
            let table = "\"\(schema.table)\""
            let stage = schema.stageColumn.map { "\"\($0)\"" } ?? "NULL"
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
            rewriteJSON = BoundStatement(
                try db.cachedStatement(
                    sql: """
                        UPDATE \(table) SET raw = ?, last_seen_at = ?, scan_id = ?, deleted_at = NULL
                        WHERE account = ? AND id = ?
                        """))
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
