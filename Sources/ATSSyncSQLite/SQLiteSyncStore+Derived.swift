public import ATSSync
public import Foundation
import GRDB

extension SQLiteSyncStore {
    /// Queued groups of a derived stream, in order.
    public func queuedGroups(for derivation: StreamDerivation, account: String, after: String?, limit: Int)
        async throws -> [String]
    {
        // A first sync queued "every group" (FirstSyncBulkLoad); it is expanded before the first batch.
        var marked = false
        if after == nil {
            marked = try await writer.read { db in
                try Bool.fetchOne(
                    db,
                    sql:
                        "SELECT EXISTS (SELECT 1 FROM derivation_queue WHERE account = ? AND stream = ? AND group_key = ?)",
                    arguments: [account, derivation.stream.rawValue, FirstSyncBulkLoad.allGroups]) ?? false
            }
        }
        if marked {
            try await writer.write { db in
                try FirstSyncBulkLoad.expandAllGroups(db, derivation: derivation, account: account)
            }
        }
        var arguments: StatementArguments = [account, derivation.stream.rawValue]
        if let after { arguments += [after] }
        arguments += [limit]
        return try await writer.read { [arguments] db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT group_key FROM derivation_queue WHERE account = ? AND stream = ?
                    \(after == nil ? "" : "AND group_key > ?") ORDER BY group_key LIMIT ?
                    """,
                arguments: arguments)
        }
    }

    /// Queues every group of the source, and every live derived row, for a whole rebuild.
    public func queueAllGroups(for derivation: StreamDerivation, account: String) async throws {
        let column = derivation.groupColumn
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO derivation_queue (account, stream, group_key)
                    SELECT DISTINCT account, ?, "\(column)" FROM "\(derivation.source.rawValue)"
                    WHERE account = ? AND "\(column)" IS NOT NULL
                    """,
                arguments: [derivation.stream.rawValue, account])
            // A derived row whose group no source row names any more must be looked at too.
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO derivation_queue (account, stream, group_key)
                    SELECT account, ?, id FROM "\(derivation.stream.rawValue)" WHERE account = ? AND deleted_at IS NULL
                    """,
                arguments: [derivation.stream.rawValue, account])
        }
    }

    /// The live source rows of some groups.
    public func liveSourceRows(
        for derivation: StreamDerivation,
        groups: [String],
        account: String
    ) async throws -> [String: [StoredRow]] {
        guard !groups.isEmpty else { return [:] }
        let column = derivation.groupColumn
        let placeholders = Array(repeating: "?", count: groups.count).joined(separator: ", ")
        return try await writer.read { db in
            var result: [String: [StoredRow]] = [:]
            // No ORDER BY: with one, SQLite walks the primary key (account, id) over the whole table
            // for every batch instead of the candidate_id index, which makes deriving candidates
            // quadratic in the account's size (docs/PERFORMANCE.md). Each group is sorted below, by
            // UTF-8 bytes as SQLite's BINARY collation orders.
            let query = BoundStatement(
                try db.cachedStatement(
                    sql: """
                        SELECT "\(column)" AS group_key, id, updated_at, raw FROM "\(derivation.source.rawValue)"
                        WHERE account = ? AND deleted_at IS NULL AND "\(column)" IN (\(placeholders))
                        """))
            let bind = { (arguments: inout BoundStatement.Arguments) in
                try arguments.append(account)
                for group in groups { try arguments.append(group) }
            }
            try query.forEachRow(db, bind) { row in
                let group = row.text(0) ?? ""
                result[group, default: []].append(
                    StoredRow(
                        id: row.text(1) ?? "", updatedAt: row.text(2).flatMap(ISO8601Text.date), raw: row.text(3) ?? "",
                        deletedAt: nil))
            }
            for group in result.keys {
                result[group]?.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            }
            return result
        }
    }

    /// Stores rebuilt groups, marks emptied groups deleted and dequeues them, in one transaction.
    public func commitDerived(
        _ records: [SyncRecord],
        for derivation: StreamDerivation,
        groups: [String],
        account: String,
        scanID: String,
        seenAt: Date
    ) async throws -> PageOutcome {
        guard let schema = StreamSchema.all.first(where: { $0.stream == derivation.stream }) else {
            throw SyncError.unknownStream(derivation.stream)
        }
        let seen = ISO8601Text.string(seenAt)
        let rebuilt = Set(records.map(\.id))
        let emptied = groups.filter { !rebuilt.contains($0) }
        return try await writer.write { db in
            var outcome = PageOutcome()
            if !records.isEmpty { try FirstSyncBulkLoad.dropIndexesIfEmpty(db, schema: schema) }
            var upsert = PageUpsert(db: db, schema: schema, account: account, scanID: scanID, seenAt: seen)
            upsert.ignoresOlderVersions = false
            try upsert.store(records, into: &outcome)
            let markDeleted = BoundStatement(
                try db.cachedStatement(
                    sql: """
                        UPDATE "\(schema.table)" SET deleted_at = ? WHERE account = ? AND id = ? AND deleted_at IS NULL
                        """))
            for group in emptied {
                try markDeleted.execute(db) { arguments in
                    try arguments.append(seen)
                    try arguments.append(account)
                    try arguments.append(group)
                }
                outcome.deleted += db.changesCount
            }
            let dequeue = BoundStatement(
                try db.cachedStatement(
                    sql: "DELETE FROM derivation_queue WHERE account = ? AND stream = ? AND group_key = ?"))
            for group in groups {
                try dequeue.execute(db) { arguments in
                    try arguments.append(account)
                    try arguments.append(derivation.stream.rawValue)
                    try arguments.append(group)
                }
            }
            // The last batch of a first derivation builds the indexes it went without.
            let queueEmptied =
                try
                !(Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM derivation_queue WHERE account = ? AND stream = ?)",
                    arguments: [account, derivation.stream.rawValue]) ?? true)
            if queueEmptied { try FirstSyncBulkLoad.restoreIndexes(db, schema: schema) }
            return outcome
        }
    }
}
