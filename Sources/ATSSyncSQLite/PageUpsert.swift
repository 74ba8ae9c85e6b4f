import ATSCore
import ATSSync
import Foundation
import GRDB

/// Stores one page's records inside a write transaction, counting what changed.
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

    func store(_ record: SyncRecord, into outcome: inout PageOutcome) throws {
        let table = schema.table
        let groupColumns = derivations.enumerated().map { ", \"\($0.element.groupColumn)\" AS group_\($0.offset)" }
        let existing = try Row.fetchOne(
            db,
            sql:
                "SELECT updated_at, raw, deleted_at, \(stageColumn) AS stage\(groupColumns.joined()) FROM \"\(table)\" "
                + "WHERE account = ? AND id = ?",
            arguments: [account, record.id])
        guard let existing else {
            try insert(record)
            try queueGroups(new: record, old: nil)
            outcome.inserted += 1
            if let stage = record.stage {
                try recordStageChange(id: record.id, from: nil, to: stage)
                outcome.stageChanges += 1
            }
            return
        }
        let storedUpdatedAt = (existing["updated_at"] as String?).flatMap(ISO8601Text.date)
        if existing["deleted_at"] as String? != nil {
            outcome.restored += 1
            try queueGroups(new: record, old: existing)
        }
        let isSame = storedUpdatedAt == record.updatedAt && (existing["raw"] as String?) == record.raw.json
        let isOlder =
            ignoresOlderVersions && (record.updatedAt.map { new in storedUpdatedAt.map { new < $0 } ?? false } ?? false)
        if isSame || isOlder {
            // Unchanged, or an older version arriving after a newer one (the look-back's overlap):
            // only the bookkeeping columns move.
            outcome.unchanged += 1
            try db.execute(
                sql: """
                    UPDATE "\(table)" SET last_seen_at = ?, scan_id = ?, deleted_at = NULL
                    WHERE account = ? AND id = ?
                    """,
                arguments: [seenAt, scanID, account, record.id])
            return
        }
        let storedStage = existing["stage"] as String?
        if record.stage != storedStage, schema.hasStage {
            try recordStageChange(id: record.id, from: storedStage, to: record.stage)
            outcome.stageChanges += 1
        }
        try update(record)
        try queueGroups(new: record, old: existing)
        outcome.changed += 1
    }

    /// Queues the groups a row belonged to and belongs to now, for each derived stream.
    private func queueGroups(new record: SyncRecord, old existing: Row?) throws {
        for (index, derivation) in derivations.enumerated() {
            var groups: Set<String> = []
            if case .text(let group) = record.fields[derivation.groupColumn] { groups.insert(group) }
            if let old = existing?["group_\(index)"] as String? { groups.insert(old) }
            for group in groups {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO derivation_queue (account, stream, group_key) VALUES (?, ?, ?)",
                    arguments: [account, derivation.stream.rawValue, group])
            }
        }
    }

    private var stageColumn: String { schema.hasStage ? "stage" : "NULL" }

    private func insert(_ record: SyncRecord) throws {
        let names =
            ["account", "id", "updated_at", "raw", "first_seen_at", "last_seen_at", "scan_id"]
            + schema.columns.map(\.name)
        var values: [(any DatabaseValueConvertible)?] = [
            account, record.id, record.updatedAt.map(ISO8601Text.string), record.raw.json, seenAt, seenAt, scanID,
        ]
        values += schema.columns.map { columnValue($0.name, of: record) }
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO \"\(schema.table)\" (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) "
                + "VALUES (\(placeholders))",
            arguments: StatementArguments(values))
    }

    private func update(_ record: SyncRecord) throws {
        let names = ["updated_at", "raw", "last_seen_at", "scan_id", "deleted_at"] + schema.columns.map(\.name)
        var values: [(any DatabaseValueConvertible)?] = [
            record.updatedAt.map(ISO8601Text.string), record.raw.json, seenAt, scanID, nil,
        ]
        values += schema.columns.map { columnValue($0.name, of: record) }
        values += [account, record.id]
        let assignments = names.map { "\"\($0)\" = ?" }.joined(separator: ", ")
        try db.execute(
            sql: "UPDATE \"\(schema.table)\" SET \(assignments) WHERE account = ? AND id = ?",
            arguments: StatementArguments(values))
    }

    private func recordStageChange(id: String, from: String?, to: String?) throws {
        try db.execute(
            sql: """
                INSERT INTO stage_history (account, stream, id, from_stage, to_stage, observed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [account, schema.table, id, from, to, seenAt])
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

extension StreamSchema {
    /// Whether the table has a `stage` column whose changes go into `stage_history`.
    var hasStage: Bool { columns.contains { $0.name == "stage" } }
}
