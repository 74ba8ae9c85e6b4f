public import ATSCore
public import Foundation

/// How a source fills one stream's typed columns: for each column of the stream's
/// ``StreamSchema``, in table order, the function that reads its value from the source's record.
///
/// This is the one place a source names its columns: the stores derive their SQL and bind order
/// from the same ``StreamSchema`` (the layout lists its columns, not their names, so a misspelt
/// column does not compile), `docs/SCHEMA.md` is generated from it, and ``mismatches`` says where a
/// layout and its schema disagree (tests require it empty for every layout a source ships). Every
/// row a layout makes shares one array of column names, which lets the stores find each column's
/// position once per page (``SyncFields``).
public struct RowLayout<Record>: Sendable {
    /// One column and how to read its value.
    public struct Entry: Sendable {
        /// The schema's column.
        public var column: StreamSchema.Column
        /// Its value in a record.
        public var value: @Sendable (Record) -> SyncValue

        /// Pairs a column with the function that reads its value.
        /// - Parameters:
        ///   - column: The schema's column.
        ///   - value: Reads the column's value from a record.
        public init(_ column: StreamSchema.Column, _ value: @escaping @Sendable (Record) -> SyncValue) {
            self.column = column
            self.value = value
        }
    }

    /// The stream's schema.
    public let schema: StreamSchema
    /// The layout's entries, in the order given.
    public let entries: [Entry]
    /// The column names in the order of ``entries``, shared by every row.
    public let names: [String]
    private let readers: [@Sendable (Record) -> SyncValue]
    /// The position of the schema's stage column among the entries, if it has one.
    private let stagePosition: Int?

    /// Creates a layout.
    /// - Parameters:
    ///   - schema: The stream's schema.
    ///   - entries: Every typed column of the schema, in table order, with its value.
    public init(_ schema: StreamSchema, _ entries: [Entry]) {
        self.schema = schema
        self.entries = entries
        names = entries.map(\.column.name)
        readers = entries.map(\.value)
        stagePosition = schema.stageColumn.flatMap { stage in entries.firstIndex { $0.column.name == stage } }
    }

    /// Where the layout and the schema disagree, one sentence each; empty when the layout lists
    /// exactly the schema's typed columns, in table order, with their types.
    public var mismatches: [String] {
        var problems: [String] = []
        let declared = schema.columns
        for entry in entries where !declared.contains(entry.column) {
            problems.append(
                "\(schema.table).\(entry.column.name) (\(entry.column.type.rawValue)) is not a column of the schema")
        }
        for column in declared where !entries.contains(where: { $0.column == column }) {
            problems.append("\(schema.table).\(column.name) has no value in the layout")
        }
        if problems.isEmpty, entries.map(\.column) != declared {
            problems.append("\(schema.table)'s layout lists its columns in another order than the table")
        }
        return problems
    }

    /// A record's typed columns.
    /// - Parameter record: The source's record.
    /// - Returns: Its values, by the layout's shared names.
    public func fields(of record: Record) -> SyncFields {
        SyncFields(names: names, values: readers.map { $0(record) })
    }

    /// The stage held by fields this layout made, for ``SyncRecord/stage``.
    /// - Parameter fields: Fields from ``fields(of:)``.
    /// - Returns: The stage column's text, or nil.
    public func stage(in fields: SyncFields) -> String? {
        guard let stagePosition, fields.names == names, case .text(let stage) = fields.values[stagePosition] else {
            return nil
        }
        return stage
    }

    /// A mirror row for a record.
    /// - Parameters:
    ///   - record: The source's record.
    ///   - id: The provider's id.
    ///   - updatedAt: The record's update time.
    ///   - raw: The provider's JSON.
    /// - Returns: The row, with its stage taken from the stage column.
    public func row(of record: Record, id: String, updatedAt: Date?, raw: RawPayload) -> SyncRecord {
        let fields = fields(of: record)
        return SyncRecord(id: id, updatedAt: updatedAt, fields: fields, raw: raw, stage: stage(in: fields))
    }
}
