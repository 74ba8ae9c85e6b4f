public import ATSSync
public import Foundation
public import Logging
public import PostgresNIO

/// The shared mirror: a ``SyncStore`` in PostgreSQL, for teams, fleets and many accounts.
///
/// The store borrows a `PostgresClient` that the caller runs (it is a swift-service-lifecycle
/// service); ``withPostgresSyncStore(url:logger:_:)`` does that for a scoped use. Each page and its
/// checkpoint are one transaction; rows of several accounts share the tables, keyed by `account`.
public struct PostgresSyncStore: SyncStore {
    let client: PostgresClient
    let logger: Logger
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    /// Creates a store on a running client.
    /// - Parameters:
    ///   - client: A client whose `run()` is running.
    ///   - logger: Where queries are logged (at debug and below).
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Creates or migrates the tables, under an advisory lock so that concurrent processes do not race.
    ///
    /// A mirror already at the latest version is left alone without any DDL, so that a role granted
    /// only reads and writes on the tables (docs/SCHEMA.md, "Roles and grants") can sync it.
    public func prepare() async throws {
        try await prepare(throughVersion: nil)
    }

    /// Runs the migrations up to and including `lastVersion` (all of them when nil); tests stop
    /// early to build a mirror as an earlier release left it.
    func prepare(throughVersion lastVersion: Int?) async throws {
        do {
            if try await isAtLatestVersion() { return }
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS atskit_schema_versions (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)",
                    logger: logger)
                let rows = try await connection.query("SELECT version FROM atskit_schema_versions", logger: logger)
                var applied: Set<Int> = []
                for try await version in rows.decode(Int.self) { applied.insert(version) }
                for migration in PostgresMigrations.all
                where !applied.contains(migration.version) && migration.version <= lastVersion ?? Int.max {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO atskit_schema_versions (version, applied_at) VALUES (\(migration.version), now())",
                        logger: logger)
                }
            }
        } catch {
            guard PostgresStoreError.isPermissionDenied(error) else {
                throw PostgresStoreError.failed("prepare the mirror's tables", error)
            }
            throw PostgresStoreError.failed(
                "prepare the mirror's tables",
                error,
                hint: "The mirror's tables must be created or upgraded to version \(PostgresMigrations.latestVersion), "
                    + "which needs CREATE on the schema: run `ats sync` once as a role that has it (for example the "
                    + "tables' owner), then sync as this one. docs/SCHEMA.md lists the grants a mirror needs.")
        }
    }

    /// Whether the tables exist at the latest schema version (read without creating anything).
    private func isAtLatestVersion() async throws -> Bool {
        let exists = try await client.query(
            "SELECT to_regclass('atskit_schema_versions') IS NOT NULL", logger: logger)
        var found = false
        for try await value in exists.decode(Bool.self) { found = value }
        guard found else { return false }
        let rows = try await client.query(
            "SELECT coalesce(max(version), 0) FROM atskit_schema_versions", logger: logger)
        var latest = 0
        for try await value in rows.decode(Int.self) { latest = value }
        return latest >= PostgresMigrations.latestVersion
    }

    /// The stored state of a stream, or a fresh one.
    public func state(of stream: SyncStreamName, account: String) async throws -> StreamState {
        let rows = try await client.query(
            """
            SELECT completed_through, last_full_scan_through, checkpoint::text FROM sync_state
            WHERE account = \(account) AND stream = \(stream.rawValue)
            """, logger: logger)
        for try await (completed, fullScan, checkpoint) in rows.decode((Date?, Date?, String?).self) {
            return StreamState(
                stream: stream, completedThrough: completed, lastFullScanThrough: fullScan,
                checkpoint: try checkpoint.map { try decoder.decode(RunCheckpoint.self, from: Data($0.utf8)) })
        }
        return StreamState(stream: stream)
    }

    /// Stores a state.
    public func save(_ state: StreamState, account: String) async throws {
        let query = try stateQuery(state, account: account)
        let logger = logger
        try await writeTransaction(account: account) { connection in
            _ = try await connection.query(query, logger: logger)
        }
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
        // Before the transaction, so that the error is the source's, not wrapped in a rollback.
        try schema.checkFieldNames(of: records)
        let stateQuery = try stateQuery(state, account: account)
        let logger = logger
        return try await writeTransaction(account: account) { connection in
            let upsert = PostgresPageUpsert(
                connection: connection, schema: schema, account: account, scanID: scanID, seenAt: seenAt,
                logger: logger, derivations: derivations)
            let outcome = try await upsert.store(records)
            try await connection.query(stateQuery, logger: logger)
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
        let stateQuery = try stateQuery(state, account: account)
        let table = state.stream.rawValue
        let logger = logger
        return try await writeTransaction(account: account) { connection in
            var deleted = 0
            if let scan = reconcilingScan {
                for derivation in derivations {
                    try await PostgresDerivationQueue.queueUnseen(
                        derivation, table: table, account: account, scan: scan, connection: connection,
                        logger: logger)
                }
                // Rows another run stamped after this scan began are not the scan's to judge (ReconcilingScan).
                var binds = PostgresBindings()
                binds.append(at)
                binds.append(account)
                binds.append(scan.id)
                binds.append(scan.startedAt)
                let rows = try await connection.query(
                    PostgresQuery(
                        unsafeSQL: """
                            UPDATE "\(table)" SET deleted_at = $1
                            WHERE account = $2 AND scan_id <> $3 AND last_seen_at <= $4 AND deleted_at IS NULL
                            RETURNING id
                            """, binds: binds), logger: logger)
                for try await _ in rows { deleted += 1 }
            }
            try await connection.query(stateQuery, logger: logger)
            return deleted
        }
    }

    /// Every stored row, ordered by id.
    public func storedRows(of stream: SyncStreamName, account: String) async throws -> [StoredRow] {
        var binds = PostgresBindings()
        binds.append(account)
        let rows = try await client.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT id, updated_at, raw::text, deleted_at FROM "\(stream.rawValue)"
                    WHERE account = $1 ORDER BY id COLLATE "C"
                    """, binds: binds), logger: logger)
        var result: [StoredRow] = []
        for try await (id, updatedAt, raw, deletedAt) in rows.decode((String, Date?, String, Date?).self) {
            result.append(StoredRow(id: id, updatedAt: updatedAt, raw: raw, deletedAt: deletedAt))
        }
        return result
    }

    /// Live rows without an update time, ordered by id (through the `(account, updated_at)` index).
    public func liveRowsWithoutUpdateTime(of stream: SyncStreamName, account: String, after: String?, limit: Int)
        async throws -> [StoredRow]
    {
        var binds = PostgresBindings()
        binds.append(account)
        binds.append(after ?? "")
        binds.append(limit)
        let rows = try await client.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT id, raw::text FROM "\(stream.rawValue)"
                    WHERE account = $1 AND updated_at IS NULL AND deleted_at IS NULL AND id COLLATE "C" > $2
                    ORDER BY id COLLATE "C" LIMIT $3
                    """, binds: binds), logger: logger)
        var result: [StoredRow] = []
        for try await (id, raw) in rows.decode((String, String).self) {
            result.append(StoredRow(id: id, updatedAt: nil, raw: raw, deletedAt: nil))
        }
        return result
    }

    /// The recorded stage changes of a stream, oldest first.
    public func stageHistory(of stream: SyncStreamName, account: String) async throws -> [StageChange] {
        let rows = try await client.query(
            """
            SELECT id, from_stage, to_stage, observed_at FROM stage_history
            WHERE account = \(account) AND stream = \(stream.rawValue) ORDER BY seq
            """, logger: logger)
        var result: [StageChange] = []
        for try await (id, from, to, observedAt) in rows.decode((String, String?, String?, Date).self) {
            result.append(StageChange(id: id, from: from, to: to, observedAt: observedAt))
        }
        return result
    }

    private func stateQuery(_ state: StreamState, account: String) throws -> PostgresQuery {
        let checkpoint = try state.checkpoint.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        return """
            INSERT INTO sync_state (account, stream, completed_through, last_full_scan_through, checkpoint, updated_at)
            VALUES (\(account), \(state.stream.rawValue), \(state.completedThrough), \(state.lastFullScanThrough),
                    \(checkpoint)::jsonb, now())
            ON CONFLICT (account, stream) DO UPDATE SET
                completed_through = excluded.completed_through,
                last_full_scan_through = excluded.last_full_scan_through,
                checkpoint = excluded.checkpoint,
                updated_at = excluded.updated_at
            """
    }

    /// The key of the advisory lock that serialises migrations across processes.
    static let migrationLock: Int64 = 0x4154_534B_6974  // "ATSKit"
}

/// Runs a ``PostgresSyncStore`` for the duration of `body`: starts the client, prepares the tables,
/// and shuts the client down afterwards.
/// - Parameters:
///   - url: The database.
///   - logger: Where the client logs (background events and queries).
///   - body: What to do with the store.
/// - Returns: What `body` returns.
/// - Throws: ``PostgresStoreError`` when the database cannot be reached or prepared; `body`'s errors.
public func withPostgresSyncStore<Result: Sendable>(
    url: PostgresDatabaseURL,
    logger: Logger,
    _ body: (PostgresSyncStore) async throws -> Result
) async throws -> Result {
    // One direct connection first: an unreachable server or a wrong password is then reported in
    // seconds, with PostgreSQL's reason, instead of after the pool's minute of retries.
    let preflight = try url.preflightConfiguration()
    do {
        let connection = try await PostgresConnection.connect(configuration: preflight, id: 1, logger: logger)
        try await connection.close()
    } catch {
        throw PostgresStoreError.failed("connect to \(url)", error)
    }
    let client = PostgresClient(configuration: try url.clientConfiguration(), backgroundLogger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        let store = PostgresSyncStore(client: client, logger: logger)
        try await store.prepare()
        return try await body(store)
    }
}
