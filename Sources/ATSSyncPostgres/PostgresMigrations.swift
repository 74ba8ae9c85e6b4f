/// Every migration of the PostgreSQL mirror, in the order they run, each as the literal SQL it
/// shipped with.
///
/// A mirror records each version it has run in `atskit_schema_versions` and never runs it again, so
/// a shipped migration must never change: a change would reach new mirrors only. A new column,
/// table or index is a new migration:
///
/// 1. add a file `PostgresMigrations+VersionN.swift` with a `static let` holding the next version
///    number and the literal statements (no SQL built from `StreamSchema`, which moves on);
/// 2. append it to ``all``;
/// 3. make the same change in `SQLiteMigrations` (ATSSyncSQLite) under a new name;
/// 4. change `StreamSchema` to match; `MirrorMigrationTests` fails until a fresh mirror and an
///    upgraded one both have exactly the columns `StreamSchema` declares.
enum PostgresMigrations {
    /// One migration: its version number and its statements.
    struct Migration: Sendable {
        /// The number recorded in `atskit_schema_versions` once it has run; one more than the last.
        let version: Int
        /// The SQL, run in order inside the migrating transaction.
        let statements: [String]
    }

    /// Every migration, oldest first. Append only.
    static let all: [Migration] = [version1, version2, version3, version4, version5]

    /// The version a mirror has once every migration has run.
    static var latestVersion: Int { all.map(\.version).max() ?? 0 }
}
