import ATSSyncSQLite
import Foundation
import GRDB
import Testing

/// `sync` and `demo` given a database they must not write: read-only, corrupt, or not SQLite at all.
extension CommandLineBadInputTests {
    /// A damaged or protected database, made fresh for each run.
    enum BadDatabase: String, CaseIterable, Sendable {
        case readOnlyFile = "read-only file"
        case readOnlyFolder = "read-only folder"
        case newFileInReadOnlyFolder = "new file in a read-only folder"
        case randomBytes = "random bytes"
        case truncatedSQLite = "truncated SQLite file"
        case notSQLite = "not an SQLite file"
        case otherSQLite = "another program's SQLite database"
        case otherSQLiteInWALMode = "another program's SQLite database in WAL mode"

        /// Makes it in `folder`; answers the path to pass as --database.
        func make(in folder: URL) async throws -> String {
            let path = folder.appendingPathComponent("mirror.sqlite").path
            switch self {
            case .readOnlyFile, .readOnlyFolder, .truncatedSQLite:
                try await Self.makeMirror(at: path)
                if self == .readOnlyFile { try Self.setMode(0o444, path) }
                if self == .readOnlyFolder { try Self.setMode(0o555, folder.path) }
                if self == .truncatedSQLite {
                    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                    try bytes.prefix(bytes.count / 2 + 100).write(to: URL(fileURLWithPath: path))
                }
            case .newFileInReadOnlyFolder:
                try Self.setMode(0o555, folder.path)
            case .randomBytes:
                var generator = SystemRandomNumberGenerator()
                try Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) })
                    .write(to: URL(fileURLWithPath: path))
            case .notSQLite:
                try Data("name,email\nAda Byron,ada@example.com\n".utf8).write(to: URL(fileURLWithPath: path))
            case .otherSQLite, .otherSQLiteInWALMode:
                let queue = try DatabaseQueue(path: path)
                let wal = self == .otherSQLiteInWALMode
                try await queue.writeWithoutTransaction { db in
                    if wal { try db.execute(sql: "PRAGMA journal_mode = WAL") }
                    try db.execute(sql: "CREATE TABLE contacts (name TEXT, email TEXT)")
                    try db.execute(sql: "INSERT INTO contacts VALUES ('Ada Byron', 'ada@example.com')")
                }
                try queue.close()
            }
            return path
        }

        /// An empty ATSKit mirror, closed so that everything is in the main file.
        private static func makeMirror(at path: String) async throws {
            let store = try SQLiteSyncStore(path: path)
            try await store.prepare()
        }

        static func setMode(_ mode: Int, _ path: String) throws {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
    }

    /// The files in a folder with their bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test(arguments: ["sync", "demo"], accounts)
    func aDatabaseThatMustNotBeWrittenIsLeftAsItWas(_ command: String, _ account: AccountConfiguration?) async throws {
        // Only `sync --sandbox` reads the account's configuration (demo sets up its own sandbox).
        if command == "demo" && account != nil { return }
        for bad in BadDatabase.allCases {
            let folder = try Self.scratchFolder().appendingPathComponent("db")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer {
                try? BadDatabase.setMode(0o755, folder.path)
                try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
            }
            let path = try await bad.make(in: folder)
            let before = try Self.snapshot(folder)
            let arguments =
                command == "sync"
                ? ["sync", "--sandbox", "--quiet", "--database", path]
                : ["demo", "--applications", "100", "--quiet", "--database", path]
            let outcome = try await CommandProcess.run(arguments, environment: account?.sandboxEnvironment ?? [:])
            let after = try Self.snapshot(folder)
            Self.expectCase(
                "\(command): \(bad.rawValue)\(account.map { " on \($0)" } ?? "")", outcome,
                [
                    (outcome.status != 0, "a non-zero exit status"),
                    (outcome.standardError.contains(path), "the message names the database"),
                    (
                        after == before,
                        "the folder's files are unchanged (before: \(before.keys.sorted()), after: \(after.keys.sorted()))"
                    ),
                ])
        }
    }

    @Test func aPostgreSQLDatabaseThatCannotBeUsedIsExplained() async throws {
        let secret = "pw-Db-31"
        let port =
            ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"].flatMap { URLComponents(string: $0)?.port }
            ?? 55433
        for (name, url) in [
            ("unknown role", "postgres://no_such_role_ats:\(secret)@127.0.0.1:\(port)/postgres"),
            ("unreachable port", "postgres://ats:\(secret)@127.0.0.1:1/mirror"),
        ] {
            let outcome = try await CommandProcess.run(["sync", "--sandbox", "--quiet", "--database", url])
            Self.expectCase(
                "sync: PostgreSQL \(name)", outcome,
                [
                    (outcome.status == 1, "exit status 1"),
                    (outcome.standardError.contains("PostgreSQL"), "names PostgreSQL"),
                    (!outcome.standardError.contains(secret), "does not print the database password"),
                ])
        }
    }
}
