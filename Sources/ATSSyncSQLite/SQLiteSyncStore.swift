public import ATSSync
public import Foundation
import GRDB

/// The embedded mirror: a ``SyncStore`` in one SQLite file, through GRDB.
///
/// One `DatabasePool` per file for the store's lifetime (WAL mode, so that people can query the
/// mirror while a sync writes). Each page and its checkpoint are one write transaction.
///
/// The store writes only into a mirror: an SQLite file with other tables is refused before
/// anything is written to it (``SQLiteMirrorContents/otherDatabase(tables:)``). A new mirror is
/// created readable by its owner only (0600), since it holds people's applications.
/// Two stores must not write one file at once: hold ``SQLiteMirrorLock`` around a sync.
public final class SQLiteSyncStore: SyncStore {
    let writer: any DatabaseWriter
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()
    /// The file, or nil for a mirror in memory.
    public let path: String?
    /// Whether this store created the file (there was none at `path`).
    public let createdFile: Bool

    /// Opens (or creates) the mirror at a path.
    /// - Parameter path: The SQLite file.
    /// - Throws: ``SQLiteStoreError`` when the file cannot be opened as a database, or is an SQLite
    ///   database that is not an ATSKit mirror (then it is left untouched).
    public init(path: String) throws {
        if case .otherDatabase(let tables) = try SQLiteMirrorFile.contents(at: path) {
            throw SQLiteStoreError.notAMirror(path: path, tables: tables)
        }
        self.path = path
        let created = try SQLiteMirrorFile.createPrivately(at: path)
        createdFile = created
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // In WAL mode, NORMAL syncs the log at checkpoints rather than at every commit. A crash
            // can then lose the last committed pages, but never half of one: a page and its
            // checkpoint stay one transaction, so the next run re-reads exactly what was lost. FULL
            // would add an fsync to every page (docs/PERFORMANCE.md).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer gets 16 MiB of page cache instead of SQLite's 2 MiB: index pages written by
            // consecutive pages stay in memory. Readers keep the default: they read scattered rows
            // once (the candidate derivation), and a cache each of that size would take peak memory
            // past 150 MB at a million applications (docs/PERFORMANCE.md).
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -16384")
            }
            // Checkpoint the WAL every 32 MiB instead of every 4 MiB: index pages written by many
            // pages in a row are then copied into the database once, and fsynced less often.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
        }
        // A sync reads with one connection at a time; people querying the mirror use their own process.
        configuration.maximumReaderCount = 2
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch {
            if created { SQLiteMirrorFile.remove(at: path) }
            throw SQLiteStoreError.cannotOpen(path: path, underlying: error)
        }
    }

    /// Creates a mirror in memory, for tests and dry runs.
    /// - Throws: When SQLite cannot allocate it.
    public init() throws {
        writer = try DatabaseQueue()
        path = nil
        createdFile = false
    }

    /// Creates or migrates the tables.
    public func prepare() async throws {
        try await prepare(throughMigration: nil)
    }

    /// Runs the migrations up to and including the one named `lastMigration` (all of them when
    /// nil); tests stop early to build a mirror as an earlier release left it.
    func prepare(throughMigration lastMigration: String?) async throws {
        do {
            if let lastMigration {
                try SQLiteSchema.migrator.migrate(writer, upTo: lastMigration)
            } else {
                try SQLiteSchema.migrator.migrate(writer)
            }
            // A first sync builds a table's indexes after its last page; one killed before that
            // left them out, and they come back here (see FirstSyncBulkLoad).
            try await writer.write { db in
                for schema in StreamSchema.all { try FirstSyncBulkLoad.restoreIndexes(db, schema: schema) }
            }
        } catch {
            throw SQLiteStoreError.cannotMigrate(path: path, underlying: error)
        }
    }

    /// The stored state of a stream, or a fresh one.
    public func state(of stream: SyncStreamName, account: String) async throws -> StreamState {
        let stored = try await writer.read { db -> StoredState? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM sync_state WHERE account = ? AND stream = ?",
                    arguments: [account, stream.rawValue])
            else { return nil }
            return StoredState(
                completedThrough: row["completed_through"], lastFullScanThrough: row["last_full_scan_through"],
                checkpoint: row["checkpoint"])
        }
        guard let stored else { return StreamState(stream: stream) }
        let checkpoint = try stored.checkpoint.map { try decoder.decode(RunCheckpoint.self, from: Data($0.utf8)) }
        return StreamState(
            stream: stream,
            completedThrough: stored.completedThrough.flatMap(ISO8601Text.date),
            lastFullScanThrough: stored.lastFullScanThrough.flatMap(ISO8601Text.date),
            checkpoint: checkpoint)
    }

    /// Stores a state.
    public func save(_ state: StreamState, account: String) async throws {
        let arguments = try stateArguments(state, account: account)
        try await writer.write { db in try Self.saveState(db, arguments) }
    }

    /// Upserts a page and saves its state in one transaction.
    public func commit(
        _ records: [SyncRecord],
        stream: SyncStreamName,
        account: String,
        scanID: String,
        seenAt: Date,
        state: StreamState,
        derivations: [StreamDerivation]
    ) async throws -> PageOutcome {
        guard let schema = StreamSchema.all.first(where: { $0.stream == stream }) else {
            throw SyncError.unknownStream(stream)
        }
        let stateArguments = try stateArguments(state, account: account)
        let seen = ISO8601Text.string(seenAt)
        return try await writer.write { db in
            var outcome = PageOutcome()
            var upsert = PageUpsert(
                db: db, schema: schema, account: account, scanID: scanID, seenAt: seen, derivations: derivations)
            if !records.isEmpty {
                try FirstSyncBulkLoad.dropIndexesIfEmpty(db, schema: schema)
                upsert.queuesEachGroup = try derivations.map { derivation in
                    try !FirstSyncBulkLoad.queuesAllGroups(db, derivation: derivation, account: account)
                }
            }
            try upsert.store(records, into: &outcome)
            try Self.saveState(db, stateArguments)
            return outcome
        }
    }

    /// Saves the state and, after a complete scan, marks unseen rows deleted, in one transaction.
    public func complete(
        _ state: StreamState,
        account: String,
        reconcilingScan: ReconcilingScan?,
        at: Date,
        derivations: [StreamDerivation]
    ) async throws -> Int {
        let stateArguments = try stateArguments(state, account: account)
        let table = state.stream.rawValue
        let deletedAt = ISO8601Text.string(at)
        let schema = StreamSchema.all.first { $0.stream == state.stream }
        return try await writer.write { db in
            var deleted = 0
            if let schema { try FirstSyncBulkLoad.restoreIndexes(db, schema: schema) }
            if let scan = reconcilingScan {
                // Rows another run stamped after this scan began are not the scan's to judge
                // (ReconcilingScan); the timestamps are fixed-width UTC text, which sorts as instants.
                let startedAt = ISO8601Text.string(scan.startedAt)
                for derivation in derivations {
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO derivation_queue (account, stream, group_key)
                            SELECT account, ?, "\(derivation.groupColumn)" FROM "\(table)"
                            WHERE account = ? AND scan_id <> ? AND last_seen_at <= ? AND deleted_at IS NULL
                                AND "\(derivation.groupColumn)" IS NOT NULL
                            """,
                        arguments: [derivation.stream.rawValue, account, scan.id, startedAt])
                }
                try db.execute(
                    sql: """
                        UPDATE "\(table)" SET deleted_at = ?
                        WHERE account = ? AND scan_id <> ? AND last_seen_at <= ? AND deleted_at IS NULL
                        """,
                    arguments: [deletedAt, account, scan.id, startedAt])
                deleted = db.changesCount
            }
            try Self.saveState(db, stateArguments)
            return deleted
        }
    }

    /// Every stored row, ordered by id.
    public func storedRows(of stream: SyncStreamName, account: String) async throws -> [StoredRow] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, updated_at, raw, deleted_at FROM \"\(stream.rawValue)\" WHERE account = ? ORDER BY id",
                arguments: [account]
            ).map { row in
                StoredRow(
                    id: row["id"], updatedAt: (row["updated_at"] as String?).flatMap(ISO8601Text.date),
                    raw: row["raw"], deletedAt: (row["deleted_at"] as String?).flatMap(ISO8601Text.date))
            }
        }
    }

    /// Live rows without an update time, ordered by id (through the `(account, updated_at)` index).
    public func liveRowsWithoutUpdateTime(of stream: SyncStreamName, account: String, after: String?, limit: Int)
        async throws -> [StoredRow]
    {
        try await writer.read { db in
            // Left to itself, SQLite walks the primary key for `id > ? ORDER BY id` and reads every
            // row of the account on every run; the update-time index finds the few NULL rows
            // instead (it is missing only while a first sync's bulk load is in progress).
            var index = ""
            if let schema = StreamSchema.all.first(where: { $0.stream == stream }) {
                let name = SQLiteSchema.indexName(schema, column: "updated_at")
                let exists =
                    try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?)",
                        arguments: [name]) ?? false
                if exists { index = " INDEXED BY \"\(name)\"" }
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, raw FROM "\(stream.rawValue)"\(index)
                    WHERE account = ? AND updated_at IS NULL AND deleted_at IS NULL AND id > ?
                    ORDER BY id LIMIT ?
                    """,
                arguments: [account, after ?? "", limit]
            ).map { row in StoredRow(id: row["id"], updatedAt: nil, raw: row["raw"], deletedAt: nil) }
        }
    }

    /// The recorded stage changes of a stream, oldest first.
    public func stageHistory(of stream: SyncStreamName, account: String) async throws -> [StageChange] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, from_stage, to_stage, observed_at FROM stage_history
                    WHERE account = ? AND stream = ? ORDER BY rowid
                    """,
                arguments: [account, stream.rawValue]
            ).map { row in
                StageChange(
                    id: row["id"], from: row["from_stage"], to: row["to_stage"],
                    observedAt: (row["observed_at"] as String?).flatMap(ISO8601Text.date) ?? .distantPast)
            }
        }
    }

    private struct StoredState: Sendable {
        var completedThrough: String?
        var lastFullScanThrough: String?
        var checkpoint: String?
    }

    private func stateArguments(_ state: StreamState, account: String) throws -> StatementArguments {
        let checkpoint = try state.checkpoint.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        return [
            account, state.stream.rawValue, state.completedThrough.map(ISO8601Text.string),
            state.lastFullScanThrough.map(ISO8601Text.string), checkpoint, ISO8601Text.string(Date()),
        ]
    }

    private static func saveState(_ db: Database, _ arguments: StatementArguments) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_state (account, stream, completed_through, last_full_scan_through, checkpoint, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (account, stream) DO UPDATE SET
                    completed_through = excluded.completed_through,
                    last_full_scan_through = excluded.last_full_scan_through,
                    checkpoint = excluded.checkpoint,
                    updated_at = excluded.updated_at
                """,
            arguments: arguments)
    }
}
