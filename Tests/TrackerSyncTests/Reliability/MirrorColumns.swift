import ATSSync
import ATSSyncSQLite
import Foundation
import Logging
import PostgresNIO
import TrackerAPI
import TrackerSandbox

@testable import ATSSyncPostgres

/// A mirror's typed columns (the ones people query: stage, e-mail, names, dates, tags, custom
/// fields…) read back from each store as it holds them, in one form for every store: SQLite's
/// text and 0/1, PostgreSQL's `timestamptz`, `boolean` and `jsonb`, the in-memory store's values.
enum MirrorColumns {
    /// One column's value, normalised.
    enum Cell: Hashable, CustomStringConvertible {
        case null
        case text(String)
        case number(Double)
        case bool(Bool)
        case date(Date)
        case json(JSONValue)

        var description: String {
            switch self {
            case .null: "null"
            case .text(let text): "\"\(text)\""
            case .number(let number): "\(number)"
            case .bool(let flag): "\(flag)"
            case .date(let date): date.formatted(.iso8601)
            case .json(let value): "\(value)"
            }
        }
    }

    /// A JSON value compared by meaning (object members in any order, strings scalar by scalar,
    /// numbers by value).
    indirect enum JSONValue: Hashable, CustomStringConvertible {
        case null
        case bool(Bool)
        case number(Double)
        case string([Unicode.Scalar])
        case array([JSONValue])
        case object([String: JSONValue])

        /// A value read by TrackerAPI's parser.
        init(_ value: TrackerJSON) {
            switch value {
            case .null: self = .null
            case .bool(let flag): self = .bool(flag)
            case .integer(let number): self = .number(Double(number))
            case .double(let number): self = .number(number)
            case .string(let text): self = .string(Array(text.unicodeScalars))
            case .array(let elements): self = .array(elements.map(JSONValue.init))
            case .object(let members): self = .object(members.mapValues(JSONValue.init))
            }
        }

        /// The sandbox's own JSON.
        init(_ value: SandboxJSON) {
            switch value {
            case .null: self = .null
            case .bool(let flag): self = .bool(flag)
            case .int(let number): self = .number(Double(number))
            case .double(let number): self = number.isFinite ? .number(number) : .null
            case .string(let text): self = .string(Array(text.unicodeScalars))
            case .array(let elements): self = .array(elements.map(JSONValue.init))
            case .object(let members):
                self = .object(
                    Dictionary(members.map { ($0.key, JSONValue($0.value)) }, uniquingKeysWith: { _, last in last }))
            }
        }

        /// A JSON text (nil when it is not JSON).
        static func parse(_ text: String) -> JSONValue? {
            (try? TrackerJSON.parse(Data(text.utf8))).map(JSONValue.init)
        }

        var description: String {
            switch self {
            case .null: "null"
            case .bool(let flag): "\(flag)"
            case .number(let number): "\(number)"
            case .string(let scalars): "\"\(String(String.UnicodeScalarView(scalars)))\""
            case .array(let elements): "[" + elements.map(\.description).joined(separator: ",") + "]"
            case .object(let members):
                "{" + members.keys.sorted().map { "\($0):\(members[$0] ?? .null)" }.joined(separator: ",") + "}"
            }
        }
    }

    /// Each live row's typed columns by id (plus `stage` for applications).
    static func read(
        _ store: any SyncStore, _ schema: StreamSchema, account: String
    ) async throws -> [String: [String: Cell]] {
        var columns = schema.columns.map { ($0.name, $0.type) }
        if schema.stream == .applications, !columns.contains(where: { $0.0 == "stage" }) {
            columns.append(("stage", .text))
        }
        switch store {
        case let memory as InMemorySyncStore:
            var result: [String: [String: Cell]] = [:]
            for (id, row) in memory.rows(of: schema.stream, account: account) where row.deletedAt == nil {
                var cells: [String: Cell] = [:]
                for (name, type) in columns {
                    if name == "stage" {
                        cells[name] = row.record.stage.map(Cell.text) ?? .null
                    } else {
                        cells[name] = cell(row.record.fields[name] ?? .null, type)
                    }
                }
                result[id] = cells
            }
            return result
        case let sqlite as SQLiteSyncStore:
            let list = columns.map { "\"\($0.0)\"" }.joined(separator: ", ")
            let result = try await sqlite.query(
                "SELECT id, \(list) FROM \"\(schema.table)\" WHERE account = '\(account.replacingOccurrences(of: "'", with: "''"))' AND deleted_at IS NULL",
                limit: .max)
            return Dictionary(
                result.rows.map { row in
                    (
                        row[0] ?? "",
                        Dictionary(
                            uniqueKeysWithValues: zip(columns, row.dropFirst()).map { column, text in
                                (column.0, storedText(text, column.1, timestamps: sqliteDate))
                            })
                    )
                }, uniquingKeysWith: { first, _ in first })
        case let postgres as PostgresSyncStore:
            // `to_jsonb(...)::text` spells every type as JSON: one parser for all of them.
            let list = columns.map { "to_jsonb(\"\($0.0)\")::text" }.joined(separator: ", ")
            var binds = PostgresBindings()
            binds.append(account)
            let rows = try await postgres.client.query(
                PostgresQuery(
                    unsafeSQL: "SELECT id, \(list) FROM \"\(schema.table)\" WHERE account = $1 AND deleted_at IS NULL",
                    binds: binds),
                logger: postgres.logger)
            var result: [String: [String: Cell]] = [:]
            for try await row in rows {
                let random = row.makeRandomAccess()
                let id = try random[0].decode(String.self)
                var cells: [String: Cell] = [:]
                for (offset, column) in columns.enumerated() {
                    let text = try random[offset + 1].decode(String?.self)
                    cells[column.0] = postgresCell(text, column.1)
                }
                result[id] = cells
            }
            return result
        default:
            throw UnknownStore(description: "no column reader for \(type(of: store))")
        }
    }

    struct UnknownStore: Error, CustomStringConvertible {
        var description: String
    }

    private static func cell(_ value: SyncValue, _ type: StreamSchema.ColumnType) -> Cell {
        switch value {
        case .null: return .null
        case .text(let text): return storedText(text, type, timestamps: sqliteDate)
        case .integer(let number): return .number(Double(number))
        case .real(let number): return .number(number)
        case .boolean(let flag): return .bool(flag)
        case .date(let date): return .date(date)
        }
    }

    /// A value stored as text (SQLite, and the in-memory store's JSON columns), read by its type.
    private static func storedText(
        _ text: String?, _ type: StreamSchema.ColumnType, timestamps: (String) -> Date?
    ) -> Cell {
        guard let text else { return .null }
        switch type {
        case .text: return .text(text)
        case .integer, .real: return Double(text).map(Cell.number) ?? .text(text)
        case .boolean: return text == "1" ? .bool(true) : text == "0" ? .bool(false) : .text(text)
        case .timestamp: return timestamps(text).map(Cell.date) ?? .text(text)
        case .json: return JSONValue.parse(text).map(Cell.json) ?? .text(text)
        }
    }

    private static func postgresCell(_ text: String?, _ type: StreamSchema.ColumnType) -> Cell {
        guard let text, let value = JSONValue.parse(text) else { return .null }
        switch (type, value) {
        case (_, .null): return .null
        case (.json, _): return .json(value)
        case (.text, .string(let scalars)): return .text(String(String.UnicodeScalarView(scalars)))
        case (.integer, .number(let number)), (.real, .number(let number)): return .number(number)
        case (.boolean, .bool(let flag)): return .bool(flag)
        case (.timestamp, .string(let scalars)):
            let stamp = String(String.UnicodeScalarView(scalars))
            return isoDate(stamp).map(Cell.date) ?? .text(stamp)
        default: return .text(text)
        }
    }

    private static func sqliteDate(_ text: String) -> Date? { isoDate(text) }

    /// ISO-8601 with or without fractional seconds, with `Z` or an offset.
    static func isoDate(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text)
    }
}
