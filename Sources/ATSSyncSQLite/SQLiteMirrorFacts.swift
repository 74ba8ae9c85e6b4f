import Foundation
import GRDB

/// Facts about an account read from a SQLite mirror without changing it.
public enum SQLiteMirrorFacts {
    /// The stage (status) names the mirror has seen for an account: those of its applications and
    /// of their stage history, most used first.
    ///
    /// The file is opened read-only and nothing is created or migrated: a file that is not an
    /// ATSKit mirror gives an empty list. When the mirror holds no rows for `account` but holds
    /// exactly one account, that account's stages are read (a mirror synced with `--account NAME`).
    /// - Parameters:
    ///   - path: The mirror's file.
    ///   - account: The account's name in the mirror.
    /// - Returns: The stage names.
    /// - Throws: GRDB's errors when the file cannot be opened or read.
    public static func stages(path: String, account: String) throws -> [String] {
        guard Self.hasSQLiteHeader(path) else { return [] }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            guard try db.tableExists("applications") else { return [] }
            var chosen = account
            let has =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM applications WHERE account = ?)", arguments: [account])
                ?? false
            if !has {
                let accounts = try String.fetchAll(db, sql: "SELECT DISTINCT account FROM applications LIMIT 2")
                guard accounts.count == 1, let only = accounts.first else { return [] }
                chosen = only
            }
            var names = try String.fetchAll(
                db,
                sql: """
                    SELECT stage FROM applications WHERE account = ? AND stage IS NOT NULL AND stage <> ''
                    GROUP BY stage ORDER BY count(*) DESC, stage
                    """,
                arguments: [chosen])
            if try db.tableExists("stage_history") {
                let history = try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT to_stage FROM stage_history
                        WHERE account = ? AND stream = 'applications' AND to_stage IS NOT NULL AND to_stage <> ''
                        ORDER BY to_stage
                        """,
                    arguments: [chosen])
                var seen = Set(names)
                names += history.filter { seen.insert($0).inserted }
            }
            return names
        }
    }

    private static func hasSQLiteHeader(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }
}
