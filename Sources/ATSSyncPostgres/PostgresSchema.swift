import ATSSync

/// The PostgreSQL tables of the mirror, created from ``StreamSchema``.
enum PostgresSchema {
    static func columnType(_ type: StreamSchema.ColumnType) -> String {
        switch type {
        case .text: "text"
        case .integer: "bigint"
        case .real: "double precision"
        case .boolean: "boolean"
        case .timestamp: "timestamptz"
        case .json: "jsonb"
        }
    }

    static let requiredColumns: Set = ["account", "id", "raw", "first_seen_at", "last_seen_at", "scan_id"]

    static func createTable(_ schema: StreamSchema) -> [String] {
        let columns = (StreamSchema.commonColumns + schema.columns).map { column in
            "\"\(column.name)\" \(columnType(column.type))\(requiredColumns.contains(column.name) ? " NOT NULL" : "")"
        }
        var statements = [
            "CREATE TABLE IF NOT EXISTS \"\(schema.table)\" (\(columns.joined(separator: ", ")), PRIMARY KEY (account, id))"
        ]
        for column in schema.indexedColumns + ["updated_at"] {
            statements.append(
                "CREATE INDEX IF NOT EXISTS \"\(schema.table)_\(column)\" ON \"\(schema.table)\" (account, \"\(column)\")"
            )
        }
        return statements
    }

    /// Version 1 of the schema. Migrations are append-only: a released version never changes.
    static var version1: [String] {
        StreamSchema.all.flatMap(createTable) + [
            """
            CREATE TABLE IF NOT EXISTS sync_state (
                account text NOT NULL,
                stream text NOT NULL,
                completed_through timestamptz,
                last_full_scan_through timestamptz,
                checkpoint jsonb,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (account, stream))
            """,
            """
            CREATE TABLE IF NOT EXISTS stage_history (
                seq bigserial PRIMARY KEY,
                account text NOT NULL,
                stream text NOT NULL,
                id text NOT NULL,
                from_stage text,
                to_stage text,
                observed_at timestamptz NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS stage_history_record ON stage_history (account, stream, id)",
        ]
    }

    /// Version 2: the queue of derived-stream groups (candidates) waiting to be rebuilt.
    static var version2: [String] {
        [
            """
            CREATE TABLE IF NOT EXISTS derivation_queue (
                account text NOT NULL,
                stream text NOT NULL,
                group_key text NOT NULL,
                PRIMARY KEY (account, stream, group_key))
            """
        ]
    }

    /// Version 3: one row per account that a sync has locked. Its `key` is the second half of the
    /// account's advisory lock, unique by construction (a hash of the name could collide, and two
    /// accounts would then exclude each other); `synced_at` is when its last sync completed, so that
    /// fleet workers skip an account another worker synced during their own pass.
    static var version3: [String] {
        [
            """
            CREATE TABLE IF NOT EXISTS account_locks (
                account text PRIMARY KEY,
                key integer GENERATED ALWAYS AS IDENTITY UNIQUE,
                locked_at timestamptz,
                synced_at timestamptz)
            """
        ]
    }

    /// Every version, in order.
    static var versions: [(version: Int, statements: [String])] {
        [(1, version1), (2, version2), (3, version3)]
    }

    /// The latest version.
    static var latestVersion: Int { versions.map(\.version).max() ?? 0 }
}
