extension PostgresMigrations {
    /// `account_locks`: one row per account that a sync has locked. Its `key` is the second half of
    /// the account's advisory lock, unique by construction (a hash of the name could collide, and two
    /// accounts would then exclude each other); `synced_at` is when its last sync completed, so that
    /// fleet workers skip an account another worker synced during their own pass.
    ///
    /// PostgreSQL only: a SQLite mirror has one writer at a time through its lock file.
    ///
    /// Frozen once released. Never edit it; add a migration instead.
    static let version4 = Migration(
        version: 4,
        statements: [
            """
            CREATE TABLE IF NOT EXISTS account_locks (
                account text PRIMARY KEY,
                key integer GENERATED ALWAYS AS IDENTITY UNIQUE,
                locked_at timestamptz,
                synced_at timestamptz)
            """
        ])
}
