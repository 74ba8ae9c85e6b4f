import ATSSync
import GRDB

/// The SQLite mirror's migrator, and the names and statements of the tables' secondary indexes.
///
/// The tables themselves are created and changed only by ``SQLiteMigrations``, as literal SQL; the
/// index statements here rebuild indexes a first sync set aside (``FirstSyncBulkLoad``), with the
/// same names and columns the migrations gave them.
enum SQLiteSchema {
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

    /// Runs every migration of ``SQLiteMigrations/all`` the mirror has not run yet, each in its own
    /// transaction.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in SQLiteMigrations.all {
            migrator.registerMigration(migration.name) { db in
                for statement in migration.statements { try db.execute(sql: statement) }
            }
        }
        return migrator
    }

    /// The table of facts about the mirror (migration `v4-mirror-metadata`).
    static let metadataTable = "mirror_metadata"
    /// The `purpose` of a mirror that `ats demo` made.
    static let demoPurpose = "demo"
}
