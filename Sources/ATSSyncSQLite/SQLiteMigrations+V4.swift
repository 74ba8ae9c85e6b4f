extension SQLiteMigrations {
    /// `mirror_metadata`: facts about the mirror itself, one row each. `purpose` = `demo` marks a
    /// file `ats demo` made, the only kind of file the demo may replace.
    ///
    /// SQLite only: a PostgreSQL mirror is never a demo's.
    ///
    /// Frozen once released. Never edit it; add a migration instead.
    static let v4MirrorMetadata = Migration(
        name: "v4-mirror-metadata",
        statements: [
            """
            CREATE TABLE mirror_metadata (
                key TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL)
            """
        ])
}
