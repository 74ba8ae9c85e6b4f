import ATSSync
import GRDB

/// The SQLite tables of the mirror, created from ``StreamSchema`` by the migrator.
enum SQLiteSchema {
    static func columnType(_ type: StreamSchema.ColumnType) -> String {
        switch type {
        case .text, .timestamp, .json: "TEXT"
        case .integer, .boolean: "INTEGER"
        case .real: "REAL"
        }
    }

    static func createTable(_ schema: StreamSchema) -> [String] {
        let columns = (StreamSchema.commonColumns + schema.columns).map { column in
            let notNull = ["account", "id", "raw", "first_seen_at", "last_seen_at", "scan_id"].contains(column.name)
            return "\"\(column.name)\" \(columnType(column.type))\(notNull ? " NOT NULL" : "")"
        }
        let table = "CREATE TABLE \"\(schema.table)\" (\(columns.joined(separator: ", ")), PRIMARY KEY (account, id))"
        return [table] + createIndexes(schema, ifNotExists: false)
    }

    /// The name of the index on one of a table's columns.
    static func indexName(_ schema: StreamSchema, column: String) -> String {
        "\(schema.table)_\(column)"
    }

    /// The statements that create a table's secondary indexes.
    static func createIndexes(_ schema: StreamSchema, ifNotExists: Bool) -> [String] {
        (schema.indexedColumns + ["updated_at"]).map { column in
            "CREATE INDEX \(ifNotExists ? "IF NOT EXISTS " : "")\"\(indexName(schema, column: column))\" "
                + "ON \"\(schema.table)\" (account, \"\(column)\")"
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            for schema in StreamSchema.all {
                for statement in createTable(schema) { try db.execute(sql: statement) }
            }
            try db.execute(
                sql: """
                    CREATE TABLE sync_state (
                        account TEXT NOT NULL,
                        stream TEXT NOT NULL,
                        completed_through TEXT,
                        last_full_scan_through TEXT,
                        checkpoint TEXT,
                        updated_at TEXT NOT NULL,
                        PRIMARY KEY (account, stream))
                    """)
            try db.execute(
                sql: """
                    CREATE TABLE stage_history (
                        account TEXT NOT NULL,
                        stream TEXT NOT NULL,
                        id TEXT NOT NULL,
                        from_stage TEXT,
                        to_stage TEXT,
                        observed_at TEXT NOT NULL)
                    """)
            try db.execute(sql: "CREATE INDEX stage_history_record ON stage_history (account, stream, id)")
        }
        migrator.registerMigration("v2-derivation-queue") { db in
            // Groups of derived streams (candidates) whose source rows changed and which are not yet
            // rebuilt; written in the same transaction as the source rows, so no change is forgotten.
            try db.execute(
                sql: """
                    CREATE TABLE derivation_queue (
                        account TEXT NOT NULL,
                        stream TEXT NOT NULL,
                        group_key TEXT NOT NULL,
                        PRIMARY KEY (account, stream, group_key))
                    """)
        }
        migrator.registerMigration("v3-mirror-metadata") { db in
            // Facts about the mirror itself, one row each; `purpose` = `demo` marks a file `ats demo`
            // made, the only kind of file the demo may replace.
            try db.execute(
                sql: """
                    CREATE TABLE mirror_metadata (
                        key TEXT NOT NULL PRIMARY KEY,
                        value TEXT NOT NULL)
                    """)
        }
        return migrator
    }

    /// The table of facts about the mirror (migration `v3-mirror-metadata`).
    static let metadataTable = "mirror_metadata"
    /// The `purpose` of a mirror that `ats demo` made.
    static let demoPurpose = "demo"
}
