import ATSCore
import ATSSync
import Foundation
import Logging
import PostgresNIO

/// Stores one page's records inside a transaction, counting what changed.
struct PostgresPageUpsert {
    let connection: PostgresConnection
    let schema: StreamSchema
    let account: String
    let scanID: String
    let seenAt: Date
    let logger: Logger
    /// Derived streams fed by this one, whose groups are queued when a row changes.
    var derivations: [StreamDerivation] = []
    /// Whether a record older than the stored row is ignored (true for provider records, whose
    /// look-back overlap can deliver an old version late; false for derived rows, whose update time
    /// goes back when their newest source row is deleted).
    var ignoresOlderVersions = true

    private struct Existing {
        var updatedAt: Date?
        var sameRaw: Bool
        var isDeleted: Bool
        var stage: String?
        var groups: [String?]
    }

    func store(_ records: [SyncRecord]) async throws -> PageOutcome {
        let existing = try await fetchExisting(records)
        var outcome = PageOutcome()
        for record in records {
            guard let stored = existing[record.id] else {
                try await insert(record)
                try await queueGroups(new: record, old: nil)
                outcome.inserted += 1
                if schema.hasStage, let stage = record.stage {
                    try await recordStageChange(id: record.id, from: nil, to: stage)
                    outcome.stageChanges += 1
                }
                continue
            }
            if stored.isDeleted {
                outcome.restored += 1
                try await queueGroups(new: record, old: stored)
            }
            let isSame = stored.updatedAt == record.updatedAt && stored.sameRaw
            let isOlder =
                ignoresOlderVersions
                && (record.updatedAt.map { new in stored.updatedAt.map { new < $0 } ?? false } ?? false)
            if isSame || isOlder {
                outcome.unchanged += 1
                try await touch(record.id)
                continue
            }
            if schema.hasStage, stored.stage != record.stage {
                try await recordStageChange(id: record.id, from: stored.stage, to: record.stage)
                outcome.stageChanges += 1
            }
            try await update(record)
            try await queueGroups(new: record, old: stored)
            outcome.changed += 1
        }
        return outcome
    }

    /// Queues the groups a row belonged to and belongs to now, for each derived stream.
    private func queueGroups(new record: SyncRecord, old stored: Existing?) async throws {
        for (index, derivation) in derivations.enumerated() {
            var groups: Set<String> = []
            if case .text(let group) = record.fields[derivation.groupColumn] { groups.insert(group) }
            if let old = stored?.groups[index] { groups.insert(old) }
            for group in groups {
                try await connection.query(
                    """
                    INSERT INTO derivation_queue (account, stream, group_key)
                    VALUES (\(account), \(derivation.stream.rawValue), \(group)) ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
        }
    }

    /// One query for the whole page: which ids exist, and whether each payload is the same JSON
    /// (compared as jsonb, since jsonb does not keep the text's key order or spacing).
    private func fetchExisting(_ records: [SyncRecord]) async throws -> [String: Existing] {
        var binds = PostgresBindings()
        binds.append(account)
        binds.append(records.map(\.id))
        binds.append(records.map(\.raw.json))
        let stage = schema.hasStage ? "t.stage" : "NULL::text"
        // The group columns travel as one text array, so the row shape does not depend on how many there are.
        // A missing group travels as '' (no group value is empty).
        let groups = derivations.map { "COALESCE(t.\"\($0.groupColumn)\", '')" }.joined(separator: ", ")
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT v.id, t.updated_at, t.raw = v.raw::jsonb, t.deleted_at IS NOT NULL, \(stage),
                        ARRAY[\(groups)]::text[]
                    FROM unnest($2::text[], $3::text[]) AS v(id, raw)
                    JOIN "\(schema.table)" AS t ON t.account = $1 AND t.id = v.id
                    """, binds: binds), logger: logger)
        var existing: [String: Existing] = [:]
        for try await (id, updatedAt, sameRaw, isDeleted, stage, groupValues) in rows.decode(
            (String, Date?, Bool, Bool, String?, [String]).self)
        {
            existing[id] = Existing(
                updatedAt: updatedAt, sameRaw: sameRaw, isDeleted: isDeleted, stage: stage,
                groups: groupValues.map { $0.isEmpty ? nil : $0 })
        }
        return existing
    }

    private func insert(_ record: SyncRecord) async throws {
        var binds = PostgresBindings()
        binds.append(account)
        binds.append(record.id)
        binds.append(record.updatedAt)
        binds.append(record.raw.json)
        binds.append(seenAt)
        binds.append(seenAt)
        binds.append(scanID)
        var names = ["account", "id", "updated_at", "raw", "first_seen_at", "last_seen_at", "scan_id"]
        var casts = ["", "", "", "::jsonb", "", "", ""]
        for column in schema.columns {
            names.append(column.name)
            casts.append(column.type == .json ? "::jsonb" : "")
            append(columnValue(column, of: record), to: &binds)
        }
        let placeholders = casts.enumerated().map { "$\($0.offset + 1)\($0.element)" }.joined(separator: ", ")
        try await connection.query(
            PostgresQuery(
                unsafeSQL: "INSERT INTO \"\(schema.table)\" (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) "
                    + "VALUES (\(placeholders))", binds: binds), logger: logger)
    }

    private func update(_ record: SyncRecord) async throws {
        var binds = PostgresBindings()
        binds.append(record.updatedAt)
        binds.append(record.raw.json)
        binds.append(seenAt)
        binds.append(scanID)
        var assignments = [
            "updated_at = $1", "raw = $2::jsonb", "last_seen_at = $3", "scan_id = $4", "deleted_at = NULL",
        ]
        for column in schema.columns {
            append(columnValue(column, of: record), to: &binds)
            assignments.append("\"\(column.name)\" = $\(binds.count)\(column.type == .json ? "::jsonb" : "")")
        }
        binds.append(account)
        binds.append(record.id)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: "UPDATE \"\(schema.table)\" SET \(assignments.joined(separator: ", ")) "
                    + "WHERE account = $\(binds.count - 1) AND id = $\(binds.count)", binds: binds), logger: logger)
    }

    private func touch(_ id: String) async throws {
        var binds = PostgresBindings()
        binds.append(seenAt)
        binds.append(scanID)
        binds.append(account)
        binds.append(id)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    UPDATE "\(schema.table)" SET last_seen_at = $1, scan_id = $2, deleted_at = NULL
                    WHERE account = $3 AND id = $4
                    """, binds: binds), logger: logger)
    }

    private func recordStageChange(id: String, from: String?, to: String?) async throws {
        try await connection.query(
            """
            INSERT INTO stage_history (account, stream, id, from_stage, to_stage, observed_at)
            VALUES (\(account), \(schema.table), \(id), \(from), \(to), \(seenAt))
            """, logger: logger)
    }

    private func columnValue(_ column: StreamSchema.Column, of record: SyncRecord) -> SyncValue {
        if column.name == "stage" { return record.stage.map(SyncValue.text) ?? .null }
        return record.fields[column.name] ?? .null
    }

    private func append(_ value: SyncValue, to binds: inout PostgresBindings) {
        switch value {
        case .text(let text): binds.append(text)
        case .integer(let integer): binds.append(integer)
        case .real(let real): binds.append(real)
        case .boolean(let flag): binds.append(flag)
        case .date(let date): binds.append(date)
        case .null: binds.appendNull()
        }
    }
}

extension StreamSchema {
    /// Whether the table has a `stage` column whose changes go into `stage_history`.
    var hasStage: Bool { columns.contains { $0.name == "stage" } }
}
