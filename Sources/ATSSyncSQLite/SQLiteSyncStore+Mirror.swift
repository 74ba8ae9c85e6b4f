import ATSSync
import GRDB

extension SQLiteSyncStore {
    /// Marks the mirror as made by `ats demo`: the only kind of mirror the demo replaces.
    /// - Throws: When the mark cannot be written (call ``prepare()`` first).
    public func markAsDemo() async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO \(SQLiteSchema.metadataTable) (key, value) VALUES ('purpose', ?)",
                arguments: [SQLiteSchema.demoPurpose])
        }
    }

    /// Whether any stream table holds a row: a mirror without one has nothing a later run could
    /// resume from.
    /// - Throws: When the database cannot be read.
    public func holdsRecords() async throws -> Bool {
        try await writer.read { db in
            for schema in StreamSchema.all where try db.tableExists(schema.table) {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(schema.table)\")") == true {
                    return true
                }
            }
            return false
        }
    }

    /// Closes the database (checkpointing its write-ahead log), so that the file can be removed or
    /// copied; the store must not be used afterwards.
    /// - Throws: When SQLite cannot close it.
    public func close() throws {
        try writer.close()
    }
}
