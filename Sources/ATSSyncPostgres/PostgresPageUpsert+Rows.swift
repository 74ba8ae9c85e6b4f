import ATSCore
import ATSSync
import Foundation
import PostgresNIO

extension PostgresPageUpsert {
    /// A page's rows as bound arrays, one per column, and how to read them back as a table.
    struct RowSource {
        /// `unnest($n::text[], …) AS v(id, updated_at, raw, c0, c1, …)`.
        var from: String
        /// The expression of each schema column, in schema order (`v.c0`, `v.c1::jsonb`, …).
        var columns: [String]
    }

    /// Appends the records' id, update time, raw JSON and typed columns as arrays to `binds`.
    /// - Throws: ``PostgresStoreError`` when a value does not fit its column's type.
    func appendRows(_ records: [SyncRecord], to binds: inout PostgresBindings) throws -> RowSource {
        var arrays = [
            "$\(binds.count + 1)::text[]", "$\(binds.count + 2)::timestamptz[]", "$\(binds.count + 3)::text[]",
        ]
        binds.append(records.map(\.id))
        try binds.append(PostgresNullableArray(records.map(\.updatedAt)))
        binds.append(records.map(\.raw.json))
        var names = ["id", "updated_at", "raw"]
        var columns: [String] = []
        for (index, column) in schema.columns.enumerated() {
            let values = records.map { columnValue(column, of: $0) }
            let type: String
            switch column.type {
            case .text, .json:
                type = "text"
                try binds.append(PostgresNullableArray(try values.map { try text($0, column) }))
            case .integer:
                type = "int8"
                try binds.append(PostgresNullableArray(try values.map { try integer($0, column) }))
            case .real:
                type = "float8"
                try binds.append(PostgresNullableArray(try values.map { try real($0, column) }))
            case .boolean:
                type = "bool"
                try binds.append(PostgresNullableArray(try values.map { try boolean($0, column) }))
            case .timestamp:
                type = "timestamptz"
                try binds.append(PostgresNullableArray(try values.map { try date($0, column) }))
            }
            arrays.append("$\(binds.count)::\(type)[]")
            names.append("c\(index)")
            columns.append("v.c\(index)" + (column.type == .json ? "::jsonb" : ""))
        }
        return RowSource(
            from: "unnest(\(arrays.joined(separator: ", "))) AS v(\(names.joined(separator: ", ")))",
            columns: columns)
    }

    /// A column's value; NULL when the record leaves the column out.
    private func columnValue(_ column: StreamSchema.Column, of record: SyncRecord) -> SyncValue {
        record.fields[column.name] ?? .null
    }

    private func text(_ value: SyncValue, _ column: StreamSchema.Column) throws -> String? {
        switch value {
        case .text(let text): return text
        case .null: return nil
        default: throw mismatch(value, column)
        }
    }

    private func integer(_ value: SyncValue, _ column: StreamSchema.Column) throws -> Int64? {
        switch value {
        case .integer(let integer): return integer
        case .null: return nil
        default: throw mismatch(value, column)
        }
    }

    private func real(_ value: SyncValue, _ column: StreamSchema.Column) throws -> Double? {
        switch value {
        case .real(let real): return real
        case .integer(let integer): return Double(integer)
        case .null: return nil
        default: throw mismatch(value, column)
        }
    }

    private func boolean(_ value: SyncValue, _ column: StreamSchema.Column) throws -> Bool? {
        switch value {
        case .boolean(let flag): return flag
        case .null: return nil
        default: throw mismatch(value, column)
        }
    }

    private func date(_ value: SyncValue, _ column: StreamSchema.Column) throws -> Date? {
        switch value {
        case .date(let date): return date
        case .null: return nil
        default: throw mismatch(value, column)
        }
    }

    private func mismatch(_ value: SyncValue, _ column: StreamSchema.Column) -> PostgresStoreError {
        PostgresStoreError(
            description: "A \(schema.table) row has a value of another type (\(Self.kind(of: value))) in the "
                + "\(column.type.rawValue) column \(column.name); this is a bug in the source's mapping.")
    }

    /// The value's kind, never its content (which may be personal data).
    private static func kind(of value: SyncValue) -> String {
        switch value {
        case .text: "text"
        case .integer: "integer"
        case .real: "real"
        case .boolean: "boolean"
        case .date: "date"
        case .null: "null"
        }
    }
}
