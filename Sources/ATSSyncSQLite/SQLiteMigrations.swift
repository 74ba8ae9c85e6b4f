import ATSSync

/// Every migration of the SQLite mirror, in the order they run, each as the literal SQL it shipped
/// with.
///
/// A mirror remembers which migrations it has run (GRDB's `grdb_migrations` table, by name) and
/// never runs one again, so a shipped migration must never change: a change would reach new mirrors
/// only, and an existing mirror's next write would fail on the column it lacks. A new column, table
/// or index is a new migration:
///
/// 1. add a file `SQLiteMigrations+Name.swift` with a `static let` holding a new, unique name and
///    the literal statements (no SQL built from ``StreamSchema``, which moves on);
/// 2. append it to ``all``;
/// 3. make the same change in `PostgresMigrations` (ATSSyncPostgres) under the next version number;
/// 4. change ``StreamSchema`` to match; `MirrorMigrationTests` fails until a fresh mirror and an
///    upgraded one both have exactly the columns ``StreamSchema`` declares.
enum SQLiteMigrations {
    /// One migration: its name in `grdb_migrations` and its statements.
    struct Migration: Sendable {
        /// The name the mirror records once the migration has run.
        let name: String
        /// The SQL, run in order inside one transaction.
        let statements: [String]
    }

    /// Every migration, oldest first. Append only.
    static let all: [Migration] = [v1, v2DerivationQueue, v3HireDates, v4MirrorMetadata, v5AccountProviders]
}
