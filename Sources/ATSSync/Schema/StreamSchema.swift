/// The typed columns of a stream's table, which every store creates the same way.
///
/// Every table also has the columns every stream shares (see ``StreamSchema/commonColumns``):
/// `account`, `id`, `updated_at`, `raw`, `first_seen_at`, `last_seen_at`, `scan_id` and `deleted_at`,
/// with the primary key `(account, id)`. `docs/SCHEMA.md` documents the result.
public struct StreamSchema: Hashable, Sendable {
    /// A column's type, mapped by each store onto its own.
    public enum ColumnType: String, Hashable, Sendable {
        /// Text (`TEXT`).
        case text
        /// A whole number (`INTEGER` / `bigint`).
        case integer
        /// A floating-point number (`REAL` / `double precision`).
        case real
        /// A boolean (`INTEGER` 0/1 in SQLite, `boolean` in PostgreSQL).
        case boolean
        /// An instant (UTC ISO-8601 `TEXT` in SQLite, `timestamptz` in PostgreSQL).
        case timestamp
        /// JSON (`TEXT` in SQLite, `jsonb` in PostgreSQL).
        case json
    }

    /// One typed column.
    public struct Column: Hashable, Sendable {
        /// The column's name, snake_case.
        public var name: String
        /// Its type.
        public var type: ColumnType
        /// What it holds, for docs/SCHEMA.md.
        public var summary: String

        /// Creates a column.
        public init(_ name: String, _ type: ColumnType, _ summary: String) {
            self.name = name
            self.type = type
            self.summary = summary
        }
    }

    /// The stream, which names the table.
    public var stream: SyncStreamName
    /// The stream's own columns, after the common ones.
    public var columns: [Column]
    /// Columns worth an index, for the queries people run on a mirror.
    public var indexedColumns: [String]
    /// The column that holds a record's stage, whose changes are recorded in `stage_history`
    /// (``RecordUpdateRule``); nil for a stream without stages.
    public var stageColumn: String?

    /// Creates a schema.
    /// - Parameters:
    ///   - stream: The stream, which names the table.
    ///   - columns: Its typed columns, in table order.
    ///   - indexedColumns: The columns worth an index.
    ///   - stageColumn: The column whose changes go into the stage history, if any.
    public init(stream: SyncStreamName, columns: [Column], indexedColumns: [String] = [], stageColumn: String? = nil) {
        self.stream = stream
        self.columns = columns
        self.indexedColumns = indexedColumns
        self.stageColumn = stageColumn
    }

    /// Checks that every field name of a record is one of the table's typed columns.
    /// - Parameter names: A record's field names (``SyncFields/names``).
    /// - Throws: ``SyncError/unknownColumn(_:stream:)`` for the first name that is not.
    public func checkFieldNames(_ names: [String]) throws {
        for name in names where !columns.contains(where: { $0.name == name }) {
            throw SyncError.unknownColumn(name, stream: stream)
        }
    }

    /// Checks every record's field names (``checkFieldNames(_:)``), once per distinct list of names:
    /// the rows of one source share one list.
    /// - Parameter records: A page's records.
    /// - Throws: ``SyncError/unknownColumn(_:stream:)`` for the first name that is not a column.
    public func checkFieldNames(of records: [SyncRecord]) throws {
        var checked: [String]?
        for record in records where record.fields.names != checked {
            try checkFieldNames(record.fields.names)
            checked = record.fields.names
        }
    }

    /// The table's name.
    public var table: String { stream.rawValue }

    /// The columns every stream's table has, in order.
    public static let commonColumns: [Column] = [
        Column("account", .text, "The account the row belongs to (several accounts can share a database)."),
        Column("id", .text, "The provider's id of the record."),
        Column("updated_at", .timestamp, "The record's last update, as an absolute instant."),
        Column("raw", .json, "The provider's JSON for the record, unchanged."),
        Column("first_seen_at", .timestamp, "When the mirror first stored the row."),
        Column("last_seen_at", .timestamp, "When a sync last read the record."),
        Column("scan_id", .text, "The sync run that last read the record."),
        Column("deleted_at", .timestamp, "When a complete scan no longer found the record; null while it exists."),
    ]
}
