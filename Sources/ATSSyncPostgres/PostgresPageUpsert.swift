import ATSCore
import ATSSync
import Foundation
import Logging
import PostgresNIO

/// Stores one page's records inside a transaction, counting what changed.
///
/// A page costs a fixed handful of statements whatever its size: one query finds the stored rows,
/// then the new rows are one `INSERT … SELECT FROM unnest(…)`, the changed rows one
/// `UPDATE … FROM unnest(…)`, the unchanged ones one `UPDATE … WHERE id = ANY(…)`, and the stage
/// changes and derivation-queue entries one statement each. Statement per row, as before, was a
/// round trip per row and limited a sync to a few thousand rows a second (docs/PERFORMANCE.md).
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

    struct Existing {
        var updatedAt: Date?
        var sameRaw: Bool
        var isDeleted: Bool
        var stage: String?
        var groups: [String?]
        /// Whether a migration marked the row to be written in full (``StoredRowRewrite``).
        var needsRewrite = false
    }

    /// What one batch does, decided in memory before any statement is sent.
    struct Plan {
        var inserts: [SyncRecord] = []
        var updates: [SyncRecord] = []
        var touches: [String] = []
        var stageChanges: [(id: String, from: String?, to: String?)] = []
        /// Per derivation, the groups to queue, in first-seen order.
        var groups: [[String]]
        var outcome = PageOutcome()
    }

    func store(_ records: [SyncRecord]) async throws -> PageOutcome {
        var outcome = PageOutcome()
        for batch in Self.batches(records) {
            let plan = plan(batch, existing: try await fetchExisting(batch))
            try await execute(plan)
            outcome.add(plan.outcome)
        }
        return outcome
    }

    /// Splits a page where an id repeats, so that a record read twice in one page (a re-read
    /// boundary) is compared with its first copy as stored, exactly as row by row.
    static func batches(_ records: [SyncRecord]) -> [ArraySlice<SyncRecord>] {
        var batches: [ArraySlice<SyncRecord>] = []
        var seen: Set<String> = []
        var start = records.startIndex
        for index in records.indices where !seen.insert(records[index].id).inserted {
            batches.append(records[start..<index])
            start = index
            seen = [records[index].id]
        }
        if start < records.endIndex { batches.append(records[start...]) }
        return batches
    }

    /// Sorts a batch into inserts, updates and touches, as ``RecordUpdateRule`` decides for each record.
    func plan(_ batch: ArraySlice<SyncRecord>, existing: [String: Existing]) -> Plan {
        var plan = Plan(groups: Array(repeating: [], count: derivations.count))
        var queued = Array(repeating: Set<String>(), count: derivations.count)
        func queue(_ record: SyncRecord, old stored: Existing?) {
            for (index, derivation) in derivations.enumerated() {
                var candidates: [String] = []
                if case .text(let group) = record.fields[derivation.groupColumn] { candidates.append(group) }
                if let old = stored?.groups[index] { candidates.append(old) }
                for group in candidates where queued[index].insert(group).inserted { plan.groups[index].append(group) }
            }
        }
        let rule = RecordUpdateRule(
            ignoresOlderVersions: ignoresOlderVersions, recordsStageChanges: schema.stageColumn != nil)
        for record in batch {
            let stored = existing[record.id]
            // jsonb keeps neither key order nor spacing, so the query compared the values already:
            // equal jsonb is "the same bytes" here, and there are no stored bytes to rewrite.
            let decision = rule.decide(
                RecordUpdateRule.Incoming(record),
                stored: stored.map { row in
                    RecordUpdateRule.Stored(
                        updateTime: RecordUpdateRule.UpdateTimeOrder(record.updatedAt, row.updatedAt),
                        hasSameBytes: row.sameRaw, isDeleted: row.isDeleted, stage: row.stage,
                        needsRewrite: row.needsRewrite)
                }
            ) { false }
            decision.count(into: &plan.outcome)
            switch decision.kind {
            case .new: plan.inserts.append(record)
            case .changed: plan.updates.append(record)
            case .unchanged, .older: plan.touches.append(record.id)
            }
            if let change = decision.stageChange { plan.stageChanges.append((record.id, change.from, change.to)) }
            if decision.queuesGroups { queue(record, old: stored) }
        }
        return plan
    }

    private func execute(_ plan: Plan) async throws {
        try await insert(plan.inserts)
        try await update(plan.updates)
        try await touch(plan.touches)
        try await recordStageChanges(plan.stageChanges)
        for (derivation, groups) in zip(derivations, plan.groups) where !groups.isEmpty {
            try await connection.query(
                """
                INSERT INTO derivation_queue (account, stream, group_key)
                SELECT \(account), \(derivation.stream.rawValue), unnest(\(groups)::text[]) ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }

    /// One query for the whole batch: which ids exist, and whether each payload is the same JSON
    /// (compared as jsonb, since jsonb does not keep the text's key order or spacing).
    private func fetchExisting(_ records: ArraySlice<SyncRecord>) async throws -> [String: Existing] {
        var binds = PostgresBindings()
        binds.append(account)
        binds.append(records.map(\.id))
        binds.append(records.map(\.raw.json))
        binds.append(StoredRowRewrite.scanID)
        let stage = schema.stageColumn.map { "t.\"\($0)\"" } ?? "NULL::text"
        // The group columns travel as one text array, so the row shape does not depend on how many there are.
        // A missing group travels as '' (no group value is empty).
        let groups = derivations.map { "COALESCE(t.\"\($0.groupColumn)\", '')" }.joined(separator: ", ")
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT v.id, t.updated_at, t.raw = v.raw::jsonb, t.deleted_at IS NOT NULL, \(stage),
                        ARRAY[\(groups)]::text[], t.scan_id = $4
                    FROM unnest($2::text[], $3::text[]) AS v(id, raw)
                    JOIN "\(schema.table)" AS t ON t.account = $1 AND t.id = v.id
                    """, binds: binds), logger: logger)
        var existing: [String: Existing] = [:]
        for try await (id, updatedAt, sameRaw, isDeleted, stage, groupValues, needsRewrite) in rows.decode(
            (String, Date?, Bool, Bool, String?, [String], Bool).self)
        {
            existing[id] = Existing(
                updatedAt: updatedAt, sameRaw: sameRaw, isDeleted: isDeleted, stage: stage,
                groups: groupValues.map { $0.isEmpty ? nil : $0 }, needsRewrite: needsRewrite)
        }
        return existing
    }

    private func insert(_ records: [SyncRecord]) async throws {
        guard !records.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(account)
        binds.append(seenAt)
        binds.append(scanID)
        let source = try appendRows(records, to: &binds)
        let names =
            ["account", "id", "updated_at", "raw", "first_seen_at", "last_seen_at", "scan_id"]
            + schema.columns.map(\.name)
        let values = ["$1", "v.id", "v.updated_at", "v.raw::jsonb", "$2", "$2", "$3"] + source.columns
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO "\(schema.table)" (\(names.map { "\"\($0)\"" }.joined(separator: ", ")))
                    SELECT \(values.joined(separator: ", ")) FROM \(source.from)
                    """, binds: binds), logger: logger)
    }

    private func update(_ records: [SyncRecord]) async throws {
        guard !records.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(account)
        binds.append(seenAt)
        binds.append(scanID)
        let source = try appendRows(records, to: &binds)
        let assignments =
            [
                "updated_at = v.updated_at", "raw = v.raw::jsonb", "last_seen_at = $2", "scan_id = $3",
                "deleted_at = NULL",
            ] + zip(schema.columns, source.columns).map { "\"\($0.name)\" = \($1)" }
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    UPDATE "\(schema.table)" AS t SET \(assignments.joined(separator: ", "))
                    FROM \(source.from) WHERE t.account = $1 AND t.id = v.id
                    """, binds: binds), logger: logger)
    }

    private func touch(_ ids: [String]) async throws {
        guard !ids.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(seenAt)
        binds.append(scanID)
        binds.append(account)
        binds.append(ids)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    UPDATE "\(schema.table)" SET last_seen_at = $1, scan_id = $2, deleted_at = NULL
                    WHERE account = $3 AND id = ANY($4::text[])
                    """, binds: binds), logger: logger)
    }

    private func recordStageChanges(_ changes: [(id: String, from: String?, to: String?)]) async throws {
        guard !changes.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(account)
        binds.append(schema.table)
        binds.append(seenAt)
        binds.append(changes.map(\.id))
        try binds.append(PostgresNullableArray(changes.map(\.from)))
        try binds.append(PostgresNullableArray(changes.map(\.to)))
        // WITH ORDINALITY … ORDER BY keeps the history's sequence in page order.
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO stage_history (account, stream, id, from_stage, to_stage, observed_at)
                    SELECT $1, $2, v.id, v.from_stage, v.to_stage, $3
                    FROM unnest($4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS v(id, from_stage, to_stage, n)
                    ORDER BY v.n
                    """, binds: binds), logger: logger)
    }
}
