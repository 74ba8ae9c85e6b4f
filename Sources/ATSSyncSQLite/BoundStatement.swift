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
/// compared with the new bytes without becoming a `String`. It is used only inside a write
/// transaction GRDB opened, on the connection that owns the statement.
struct BoundStatement {
    let statement: Statement
    private var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ statement: Statement) {
        self.statement = statement
    }

    /// Forgets the previous execution; bindings are all replaced by the next ones.
    func reset() {
        // The result code repeats the previous step's error, which that step already reported.
        _ = sqlite3_reset(handle)
    }

    func bind(_ text: String?, at index: Int32) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { utf8 in bindText(utf8, at: index) }
    }

    func bind(bytes: [UInt8], at index: Int32) {
        bytes.withUnsafeBufferPointer { bindText($0, at: index) }
    }

    func bind(_ value: SyncValue, at index: Int32) {
        switch value {
        case .text(let text): bind(text, at: index)
        case .integer(let integer): sqlite3_bind_int64(handle, index, integer)
        case .real(let real): sqlite3_bind_double(handle, index, real)
        case .boolean(let flag): sqlite3_bind_int64(handle, index, flag ? 1 : 0)
        case .date(let date): bind(ISO8601Text.string(date), at: index)
        case .null: sqlite3_bind_null(handle, index)
        }
    }

    private func bindText(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int32) {
        // SQLITE_TRANSIENT: SQLite copies the bytes, so they need not outlive this call. An empty
        // buffer may have no address, which SQLite would read as NULL; bind the empty text then.
        guard let base = utf8.baseAddress, !utf8.isEmpty else {
            sqlite3_bind_text(handle, index, "", 0, Self.transient)
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { pointer in
            _ = sqlite3_bind_text(handle, index, pointer, Int32(utf8.count), Self.transient)
        }
    }

    /// Runs a statement that returns no rows.
    func execute(_ db: Database) throws {
        defer { reset() }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code, db) }
    }

    /// Steps a query once and reads the first row, if any, while it is current.
    func firstRow<T>(_ db: Database, _ read: (ResultRow) throws -> T) throws -> T? {
        defer { reset() }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return try read(ResultRow(handle: handle))
        case SQLITE_DONE: return nil
        default: throw error(code, db)
        }
    }

    /// Steps a query to its end, calling `read` with each row while it is current.
    func forEachRow(_ db: Database, _ read: (ResultRow) throws -> Void) throws {
        defer { reset() }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW: try read(ResultRow(handle: handle))
            case SQLITE_DONE: return
            default: throw error(code, db)
            }
        }
    }

    private func error(_ code: Int32, _ db: Database) -> DatabaseError {
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
