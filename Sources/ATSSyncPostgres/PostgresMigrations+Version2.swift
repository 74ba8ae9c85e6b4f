extension PostgresMigrations {
    /// The queue of derived-stream groups (candidates) waiting to be rebuilt.
    ///
    /// Frozen: the SQL the second release ran. Never edit it; add a migration instead.
    static let version2 = Migration(
        version: 2,
        statements: [
            """
            CREATE TABLE IF NOT EXISTS derivation_queue (
                account text NOT NULL,
                stream text NOT NULL,
                group_key text NOT NULL,
                PRIMARY KEY (account, stream, group_key))
            """
        ])
}
