import ATSSync
import GRDB
import GRDBSQLite

/// A cached GRDB statement bound and stepped through SQLite's C interface.
///
/// A page of applications binds some twenty values into each of three or four statements per row.
/// Through `StatementArguments` every value was boxed as `any DatabaseValueConvertible`, turned
/// into a `DatabaseValue` and validated, which made GRDB's argument handling a third of the SQLite
/// insert's cost (docs/PERFORMANCE.md). This binds Swift values straight into the prepared
/// statement GRDB compiled and cached (`Statement.sqliteStatement`, the escape hatch GRDB
/// documents for this), and reads result columns in place, so an unchanged row's stored JSON is
/// compared with the new bytes without becoming a `String`. Values are bound in order through
/// ``Arguments`` and each bind's result is checked, as is their number against the statement's
/// placeholders. It is used only inside a transaction GRDB opened, on the connection that owns the
/// statement.
struct BoundStatement {
    let statement: Statement
    fileprivate var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ statement: Statement) {
        self.statement = statement
    }

    /// Forgets the previous execution; bindings are all replaced by the next ones.
    private func reset() {
        // The result code repeats the previous step's error, which that step already reported.
        _ = sqlite3_reset(handle)
    }

    /// Runs a statement that returns no rows.
    /// - Parameters:
    ///   - db: The connection that owns the statement.
    ///   - bind: Appends the statement's values in the order of its placeholders.
    /// - Throws: `DatabaseError` when a value cannot be bound, when `bind` binds another number of
    ///   values than the statement has placeholders, or when the statement fails.
    func execute(_ db: Database, _ bind: (inout Arguments) throws -> Void) throws {
        defer { reset() }
        try bindAll(db, bind)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code, db) }
    }

    /// Steps a query once and reads the first row, if any, while it is current.
    /// - Parameters:
    ///   - db: The connection that owns the statement.
    ///   - bind: Appends the statement's values in the order of its placeholders.
    ///   - read: Reads the row.
    /// - Returns: What `read` returned, or nil when the query has no row.
    /// - Throws: As ``execute(_:_:)``, and what `read` throws.
    func firstRow<T>(
        _ db: Database, _ bind: (inout Arguments) throws -> Void, read: (ResultRow) throws -> T
    ) throws -> T? {
        defer { reset() }
        try bindAll(db, bind)
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return try read(ResultRow(handle: handle))
        case SQLITE_DONE: return nil
        default: throw error(code, db)
        }
    }

    /// Steps a query to its end, calling `read` with each row while it is current.
    /// - Throws: As ``firstRow(_:_:read:)``.
    func forEachRow(
        _ db: Database, _ bind: (inout Arguments) throws -> Void, read: (ResultRow) throws -> Void
    ) throws {
        defer { reset() }
        try bindAll(db, bind)
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW: try read(ResultRow(handle: handle))
            case SQLITE_DONE: return
            default: throw error(code, db)
            }
        }
    }

    private func bindAll(_ db: Database, _ bind: (inout Arguments) throws -> Void) throws {
        var arguments = Arguments(statement: self, db: db)
        try bind(&arguments)
        let expected = sqlite3_bind_parameter_count(handle)
        guard arguments.count == expected else {
            throw DatabaseError(
                resultCode: .SQLITE_RANGE,
                message: "\(arguments.count) values bound to a statement with \(expected) placeholders",
                sql: statement.sql)
        }
    }

    /// The values of one execution, bound in the order they are appended (the first to `?1`), so
    /// that no caller counts positions; every bind's result is checked.
    struct Arguments {
        fileprivate let statement: BoundStatement
        fileprivate let db: Database
        /// How many values were bound.
        private(set) var count: Int32 = 0

        /// Binds text, or NULL.
        mutating func append(_ text: String?) throws {
            count += 1
            guard var text else {
                try check(sqlite3_bind_null(statement.handle, count))
                return
            }
            let position = count
            try text.withUTF8 { utf8 in try check(statement.bindText(utf8, at: position)) }
        }

        /// Binds UTF-8 bytes as text.
        mutating func append(bytes: [UInt8]) throws {
            count += 1
            let position = count
            try bytes.withUnsafeBufferPointer { try check(statement.bindText($0, at: position)) }
        }

        /// Binds a typed column value the way the SQLite schema stores it.
        mutating func append(_ value: SyncValue) throws {
            switch value {
            case .text(let text): try append(text)
            case .integer(let integer):
                count += 1
                try check(sqlite3_bind_int64(statement.handle, count, integer))
            case .real(let real):
                count += 1
                try check(sqlite3_bind_double(statement.handle, count, real))
            case .boolean(let flag):
                count += 1
                try check(sqlite3_bind_int64(statement.handle, count, flag ? 1 : 0))
            case .date(let date): try append(ISO8601Text.string(date))
            case .null:
                count += 1
                try check(sqlite3_bind_null(statement.handle, count))
            }
        }

        private func check(_ code: Int32) throws {
            guard code == SQLITE_OK else { throw statement.error(code, db) }
        }
    }

    fileprivate func bindText(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int32) -> Int32 {
        // SQLITE_TRANSIENT: SQLite copies the bytes, so they need not outlive this call. An empty
        // buffer may have no address, which SQLite would read as NULL; bind the empty text then.
        guard let base = utf8.baseAddress, !utf8.isEmpty else {
            return sqlite3_bind_text(handle, index, "", 0, Self.transient)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { pointer in
            sqlite3_bind_text(handle, index, pointer, Int32(utf8.count), Self.transient)
        }
    }

    fileprivate func error(_ code: Int32, _ db: Database) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
    }

    /// SQLite's `SQLITE_TRANSIENT` destructor, which C spells as a cast of -1.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// The current row of a stepped query, read by column position.
struct ResultRow {
    fileprivate let handle: SQLiteStatement

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    /// The column's text, or nil when it is NULL.
    func text(_ column: Int32) -> String? {
        withText(column) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with the column's UTF-8 bytes (nil when NULL), valid only during the call.
    func withText<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>?) throws -> T) rethrows -> T {
        guard let pointer = sqlite3_column_text(handle, column) else { return try body(nil) }
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// The column as a typed value the way a ``SyncValue`` is bound: integers, reals, text, NULL.
    func value(_ column: Int32) -> StoredValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: .real(sqlite3_column_double(handle, column))
        case SQLITE_NULL: .null
        default: .text(text(column) ?? "")
        }
    }
}

/// A column value as SQLite stores what ``BoundStatement`` binds, for comparing with a new value.
enum StoredValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ value: SyncValue) {
        switch value {
        case .text(let text): self = .text(text)
        case .integer(let integer): self = .integer(integer)
        case .real(let real): self = .real(real)
        case .boolean(let flag): self = .integer(flag ? 1 : 0)
        case .date(let date): self = .text(ISO8601Text.string(date))
        case .null: self = .null
        }
    }
}
