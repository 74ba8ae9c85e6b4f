import ATSSync
import Foundation
import GRDB
import Logging
import PostgresNIO
import Testing
import TrackerATS
import TrackerSandbox

@testable import ATSSyncPostgres
@testable import ATSSyncSQLite

/// The mirrors an earlier release made (Fixtures/README.md) and the sandbox they were synced from.
enum UpgradeFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// A SQLite mirror after migrations `v1` and `v2-derivation-queue`.
    static let sqlite = directory.appendingPathComponent("mirror-v2.sqlite")
    /// A PostgreSQL mirror after versions 1 and 2, as `pg_dump --inserts` wrote it.
    static let postgresDump = directory.appendingPathComponent("mirror-v2.postgres.sql")
    /// The last migration the earlier release had, per store.
    static let lastSQLiteMigration = "v2-derivation-queue"
    static let lastPostgresVersion = 2
    /// The account the fixtures hold.
    static let account = "fixture"
    /// The minute the fixture sandbox's data is anchored to: 2026-12-04T19:00:00Z.
    static let anchor = Date(timeIntervalSince1970: 1_796_410_800)
    /// How `ats sync` derived candidate ids for the sandbox's default key.
    static let identity = CandidateIdentity(apiKey: "sandbox", companyID: nil)

    /// The fixture's sandbox (seed 7, 5 jobs, 40 applications, Los Angeles, naive local times) on
    /// `clock`, which must start within the anchor's minute for the same data.
    static func sandboxConfiguration(clock: ManualSandboxClock) -> SandboxConfiguration {
        var configuration = SandboxConfiguration(seed: 7, jobCount: 5, applicationCount: 40, clock: clock)
        configuration.behavior.timeZone = TimeZone(identifier: "America/Los_Angeles") ?? .gmt
        configuration.behavior.timestampMode = .naiveLocal
        return configuration
    }

    /// A copy of the SQLite fixture in a temporary directory (the checked-in file is never opened
    /// for writing), removed after `body`.
    static func withSQLiteCopy<T>(_ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("atskit-upgrade-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: sqlite.path, toPath: path)
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try await body(path)
    }

    /// A temporary SQLite path, removed after `body`.
    static func withNewSQLitePath<T>(_ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("atskit-fresh-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try await body(path)
    }

    /// Every object of a SQLite database as `type name table: sql`, by type and name: the text
    /// SQLite keeps of each `CREATE` statement, so equal lists mean byte-equal schemas.
    static func sqliteSchema(_ writer: any DatabaseWriter) async throws -> [String] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
                .map { row in
                    let sql: String? = row["sql"]
                    return "\(row["type"] as String? ?? "") \(row["name"] as String? ?? "") "
                        + "\(row["tbl_name"] as String? ?? ""): \(sql ?? "-")"
                }
        }
    }

    /// A stream table's columns as `name type`, in table order.
    static func sqliteColumns(_ writer: any DatabaseWriter, table: String) async throws -> [String] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                .map { "\($0["name"] as String? ?? "") \($0["type"] as String? ?? "")" }
        }
    }
}

/// Throwaway PostgreSQL databases for the upgrade tests, next to the one `ATSKIT_POSTGRES_URL` names.
enum UpgradePostgres {
    static var baseURL: PostgresDatabaseURL? {
        ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"].flatMap { try? PostgresDatabaseURL($0) }
    }

    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Creates an empty database, runs `body` with its URL, and drops it.
    static func withDatabase<T>(_ body: (PostgresDatabaseURL) async throws -> T) async throws -> T {
        let base = try #require(baseURL)
        let name = "atskit_upgrade_\(UUID().uuidString.prefix(8).lowercased())"
        try await withConnection(base) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger)
        }
        var url = base
        url.database = name
        do {
            let result = try await body(url)
            try await drop(name, base: base)
            return result
        } catch {
            try? await drop(name, base: base)
            throw error
        }
    }

    private static func drop(_ name: String, base: PostgresDatabaseURL) async throws {
        try await withConnection(base) { connection in
            try await connection.query(
                PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"), logger: logger)
        }
    }

    /// One direct connection to `url`, closed after `body`.
    static func withConnection<T>(
        _ url: PostgresDatabaseURL, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let configuration = try url.preflightConfiguration()
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw Failure(String(reflecting: error))
        }
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            // PSQLError's description hides the server's message; a test database has nothing to hide.
            throw Failure(String(reflecting: error))
        }
    }

    /// A PostgreSQL error with the server's message.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs a plain-SQL `pg_dump` into the database, statement by statement.
    static func restore(_ dump: String, into url: PostgresDatabaseURL) async throws {
        try await withConnection(url) { connection in
            for statement in statements(dump) {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    /// SQL text split at semicolons outside single-quoted literals, without comment lines and
    /// psql's backslash commands (`\restrict`), which are not SQL.
    static func statements(_ text: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inLiteral = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !inLiteral, line.hasPrefix("--") || line.hasPrefix("\\") { continue }
            for character in line {
                if character == "'" { inLiteral.toggle() }
                if character == ";" && !inLiteral {
                    let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !statement.isEmpty { statements.append(statement) }
                    current = ""
                } else {
                    current.append(character)
                }
            }
            current.append("\n")
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }

    /// The schema as the catalog describes it: every column (with type, nullability and default),
    /// index and constraint of the `public` schema.
    static func schema(_ url: PostgresDatabaseURL) async throws -> [String] {
        try await withConnection(url) { connection in
            var lines: [String] = []
            let columns = try await connection.query(
                """
                SELECT table_name::text, column_name::text, data_type::text, is_nullable::text,
                    coalesce(column_default, '-')::text
                FROM information_schema.columns WHERE table_schema = 'public'
                ORDER BY table_name, ordinal_position
                """, logger: logger)
            for try await (table, column, type, nullable, value) in columns.decode(
                (String, String, String, String, String).self)
            {
                lines.append("column \(table).\(column) \(type) nullable=\(nullable) default=\(value)")
            }
            let indexes = try await connection.query(
                "SELECT indexdef::text FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname", logger: logger)
            for try await definition in indexes.decode(String.self) { lines.append("index \(definition)") }
            let constraints = try await connection.query(
                """
                SELECT conrelid::regclass::text, conname::text, pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conrelid::regclass::text, conname
                """, logger: logger)
            for try await (table, name, definition) in constraints.decode((String, String, String).self) {
                lines.append("constraint \(table).\(name) \(definition)")
            }
            return lines
        }
    }

    /// A stream table's columns as `name type`, in table order.
    static func columns(_ url: PostgresDatabaseURL, table: String) async throws -> [String] {
        try await withConnection(url) { connection in
            let rows = try await connection.query(
                """
                SELECT column_name::text, data_type::text FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = \(table) ORDER BY ordinal_position
                """, logger: logger)
            var columns: [String] = []
            for try await (name, type) in rows.decode((String, String).self) { columns.append("\(name) \(type)") }
            return columns
        }
    }

    /// Runs `body` with a store on `url` whose migrations ran up to `version` (all when nil).
    static func withStore<T: Sendable>(
        _ url: PostgresDatabaseURL, throughVersion version: Int?, _ body: (PostgresSyncStore) async throws -> T
    ) async throws -> T {
        let client = PostgresClient(configuration: try url.clientConfiguration(), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let store = PostgresSyncStore(client: client, logger: logger)
            try await store.prepare(throughVersion: version)
            return try await body(store)
        }
    }
}
