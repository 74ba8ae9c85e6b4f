public import ATSSync
public import Foundation
import Logging
import PostgresNIO

extension PostgresSyncStore {
    /// Queued groups of a derived stream, in the queue's primary-key order.
    ///
    /// The order is the column's own collation, so that the primary key's index delivers the first
    /// `limit` groups. Ordering by another collation (`COLLATE "C"`) would sort the whole queue for
    /// every batch, which makes deriving a large account's candidates quadratic (docs/PERFORMANCE.md).
    public func queuedGroups(for derivation: StreamDerivation, account: String, after: String?, limit: Int)
        async throws -> [String]
    {
        let stream = derivation.stream.rawValue
        // `>` compares in the column's collation, the order of the primary key's index and of ORDER BY.
        let rows =
            if let after {
                try await client.query(
                    """
                    SELECT group_key FROM derivation_queue
                    WHERE account = \(account) AND stream = \(stream) AND group_key > \(after)
                    ORDER BY group_key LIMIT \(limit)
                    """, logger: logger)
            } else {
                try await client.query(
                    """
                    SELECT group_key FROM derivation_queue WHERE account = \(account) AND stream = \(stream)
                    ORDER BY group_key LIMIT \(limit)
                    """, logger: logger)
            }
        var groups: [String] = []
        for try await group in rows.decode(String.self) { groups.append(group) }
        return groups
    }

    /// Queues every group of the source, and every live derived row, for a whole rebuild.
    public func queueAllGroups(for derivation: StreamDerivation, account: String) async throws {
        let column = derivation.groupColumn
        let logger = logger
        try await writeTransaction(account: account) { connection in
            var binds = PostgresBindings()
            binds.append(derivation.stream.rawValue)
            binds.append(account)
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        INSERT INTO derivation_queue (account, stream, group_key)
                        SELECT DISTINCT account, $1, "\(column)" FROM "\(derivation.source.rawValue)"
                        WHERE account = $2 AND "\(column)" IS NOT NULL
                        ON CONFLICT DO NOTHING
                        """, binds: binds), logger: logger)
            // A derived row whose group no source row names any more must be looked at too.
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        INSERT INTO derivation_queue (account, stream, group_key)
                        SELECT account, $1, id FROM "\(derivation.stream.rawValue)"
                        WHERE account = $2 AND deleted_at IS NULL
                        ON CONFLICT DO NOTHING
                        """, binds: binds), logger: logger)
        }
    }

    /// The live source rows of some groups.
    public func liveSourceRows(
        for derivation: StreamDerivation,
        groups: [String],
        account: String
    ) async throws -> [String: [StoredRow]] {
        guard !groups.isEmpty else { return [:] }
        var binds = PostgresBindings()
        binds.append(account)
        binds.append(groups)
        let rows = try await client.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT "\(derivation.groupColumn)", id, updated_at, raw::text FROM "\(derivation.source.rawValue)"
                    WHERE account = $1 AND deleted_at IS NULL AND "\(derivation.groupColumn)" = ANY($2::text[])
                    ORDER BY id COLLATE "C"
                    """, binds: binds), logger: logger)
        var result: [String: [StoredRow]] = [:]
        for try await (group, id, updatedAt, raw) in rows.decode((String, String, Date?, String).self) {
            result[group, default: []].append(StoredRow(id: id, updatedAt: updatedAt, raw: raw, deletedAt: nil))
        }
        return result
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
        try schema.checkFieldNames(of: records)
        let rebuilt = Set(records.map(\.id))
        let emptied = groups.filter { !rebuilt.contains($0) }
        let logger = logger
        return try await writeTransaction(account: account) { connection in
            var upsert = PostgresPageUpsert(
                connection: connection, schema: schema, account: account, scanID: scanID, seenAt: seenAt,
                logger: logger)
            upsert.ignoresOlderVersions = false
            var outcome = try await upsert.store(records)
            if !emptied.isEmpty {
                var binds = PostgresBindings()
                binds.append(seenAt)
                binds.append(account)
                binds.append(emptied)
                let rows = try await connection.query(
                    PostgresQuery(
                        unsafeSQL: """
                            UPDATE "\(schema.table)" SET deleted_at = $1
                            WHERE account = $2 AND id = ANY($3::text[]) AND deleted_at IS NULL RETURNING id
                            """, binds: binds), logger: logger)
                for try await _ in rows { outcome.deleted += 1 }
            }
            var binds = PostgresBindings()
            binds.append(account)
            binds.append(derivation.stream.rawValue)
            binds.append(groups)
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        DELETE FROM derivation_queue WHERE account = $1 AND stream = $2 AND group_key = ANY($3::text[])
                        """, binds: binds), logger: logger)
            return outcome
        }
    }
}

/// Statements that fill the derivation queue inside a store transaction.
enum PostgresDerivationQueue {
    /// Queues the groups of the rows a reconciliation is about to mark deleted.
    static func queueUnseen(
        _ derivation: StreamDerivation,
        table: String,
        account: String,
        scan: ReconcilingScan,
        connection: PostgresConnection,
        logger: Logger
    ) async throws {
        var binds = PostgresBindings()
        binds.append(derivation.stream.rawValue)
        binds.append(account)
        binds.append(scan.id)
        binds.append(scan.startedAt)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO derivation_queue (account, stream, group_key)
                    SELECT account, $1, "\(derivation.groupColumn)" FROM "\(table)"
                    WHERE account = $2 AND scan_id <> $3 AND last_seen_at <= $4 AND deleted_at IS NULL
                        AND "\(derivation.groupColumn)" IS NOT NULL
                    ON CONFLICT DO NOTHING
                    """, binds: binds), logger: logger)
    }
}
