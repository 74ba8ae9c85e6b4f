import GRDB

extension SQLiteSyncStore {
    /// The result of a read-only query, as text: for tools that show people what the mirror holds
    /// (`ats demo` runs its example queries with it).
    public struct QueryResult: Sendable, Hashable {
        /// The column names.
        public var columns: [String]
        /// The rows; NULL is nil.
        public var rows: [[String?]]
    }

    /// Runs one read-only SQL statement.
    /// - Parameters:
    ///   - sql: The statement (a write is refused by SQLite: the connection is read-only).
    ///   - limit: The most rows to return.
    /// - Returns: Its columns and rows.
    /// - Throws: When the statement is not valid SQL for the mirror.
    public func query(_ sql: String, limit: Int = 100) async throws -> QueryResult {
        try await writer.read { db in
            let statement = try db.makeStatement(sql: sql)
            let cursor = try Row.fetchCursor(statement)
            var rows: [[String?]] = []
            while rows.count < limit, let row = try cursor.next() {
                rows.append(row.databaseValues.map(Self.text))
            }
            return QueryResult(columns: statement.columnNames, rows: rows)
        }
    }

    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let integer): String(integer)
        case .double(let real): String(real)
        case .string(let text): text
        case .blob(let data): "<\(data.count) bytes>"
        }
    }
}
