import ATSSync
import GRDB

/// How a first sync fills an empty table without paying for random-order index inserts.
///
/// Several of a mirror's keys arrive in random order: update times, candidate ids (an HMAC), the
/// derivation queue's group keys. Inserted row by row, each page of a thousand records dirtied a
/// different page of each such B-tree per row, so every transaction wrote most of those indexes
/// back to the WAL, and SQLite and the kernel spent more time on that than on the rows
/// (docs/PERFORMANCE.md). Into an empty table, the usual bulk-load order is cheaper: drop those
/// indexes, insert, and build each once at the end from sorted keys; and queue
/// "every group" once instead of each group per row. Both are in the pages' own transactions, so a
/// run killed in between leaves a consistent mirror: ``restoreIndexes(_:)`` runs on every
/// ``SQLiteSyncStore/prepare()``, and the queue marker stays until it is expanded.
enum FirstSyncBulkLoad {
    /// The queue entry that stands for every group of a derived stream's source (a NUL-prefixed
    /// key, which no provider id or candidate id can be).
    static let allGroups = "\u{0}all"

    /// The indexed columns whose values arrive in random order: update times (records come in id
    /// order), candidate ids (an HMAC) and e-mail addresses. The others (a job, a stage, an
    /// application) take few values or follow the ids, so their indexes grow at a few places per
    /// page and cost less to keep than to build again with a scan of the table.
    static let scatteredColumns: Set = [
        "updated_at", StreamSchema.ApplicationColumns.candidateID.name, StreamSchema.CandidateColumns.email.name,
    ]

    /// Drops a table's indexes on ``scatteredColumns`` when it has no row at all (of any account),
    /// before the first page is written into it. Indexes that are already gone stay gone.
    static func dropIndexesIfEmpty(_ db: Database, schema: StreamSchema) throws {
        let hasRows = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(schema.table)\")") ?? true
        guard !hasRows else { return }
        for column in schema.indexedColumns + ["updated_at"] where scatteredColumns.contains(column) {
            try db.execute(sql: "DROP INDEX IF EXISTS \"\(SQLiteSchema.indexName(schema, column: column))\"")
        }
    }

    /// Creates whichever of a table's secondary indexes are missing.
    ///
    /// SQLite sorts an index's keys in memory up to the page cache's size before it spills to a
    /// temporary file; with the writer's 16 MiB cache that was another 16 MiB per index build,
    /// which the allocator kept, and peak memory at a million applications went past 150 MB. The
    /// builds therefore run with SQLite's default 2 MiB cache (a few more merge passes).
    static func restoreIndexes(_ db: Database, schema: StreamSchema) throws {
        let present = try Set(
            String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                arguments: [schema.table]))
        let columns = schema.indexedColumns + ["updated_at"]
        let missing = columns.filter { !present.contains(SQLiteSchema.indexName(schema, column: $0)) }
        guard !missing.isEmpty else { return }
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -2048")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        for statement in SQLiteSchema.createIndexes(schema, ifNotExists: true) {
            try db.execute(sql: statement)
        }
    }

    /// Whether a page's groups can be queued as one "every group" entry: the derived stream has no
    /// row for the account yet, so every group of the source needs building anyway (a first sync).
    static func queuesAllGroups(_ db: Database, derivation: StreamDerivation, account: String) throws -> Bool {
        let hasRows =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(derivation.stream.rawValue)\" WHERE account = ?)",
                arguments: [account]) ?? true
        guard !hasRows else { return false }
        try db.execute(
            sql: "INSERT OR IGNORE INTO derivation_queue (account, stream, group_key) VALUES (?, ?, ?)",
            arguments: [account, derivation.stream.rawValue, allGroups])
        return true
    }

    /// Replaces the "every group" entry, if queued, by each group of the source's rows, inserted in
    /// key order from the group column's index.
    static func expandAllGroups(_ db: Database, derivation: StreamDerivation, account: String) throws {
        let marked =
            try Bool.fetchOne(
                db,
                sql:
                    "SELECT EXISTS (SELECT 1 FROM derivation_queue WHERE account = ? AND stream = ? AND group_key = ?)",
                arguments: [account, derivation.stream.rawValue, allGroups]) ?? false
        guard marked else { return }
        guard let source = StreamSchema.all.first(where: { $0.stream == derivation.source }) else {
            throw SyncError.unknownStream(derivation.source)
        }
        try restoreIndexes(db, schema: source)
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO derivation_queue (account, stream, group_key)
                SELECT DISTINCT account, ?, "\(derivation.groupColumn)" FROM "\(derivation.source.rawValue)"
                WHERE account = ? AND "\(derivation.groupColumn)" IS NOT NULL ORDER BY 3
                """,
            arguments: [derivation.stream.rawValue, account])
        try db.execute(
            sql: "DELETE FROM derivation_queue WHERE account = ? AND stream = ? AND group_key = ?",
            arguments: [account, derivation.stream.rawValue, allGroups])
    }
}
