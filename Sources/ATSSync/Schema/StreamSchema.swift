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

    /// Creates a schema.
    public init(stream: SyncStreamName, columns: [Column], indexedColumns: [String] = []) {
        self.stream = stream
        self.columns = columns
        self.indexedColumns = indexedColumns
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
