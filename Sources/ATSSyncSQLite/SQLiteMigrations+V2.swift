extension SQLiteMigrations {
    /// The queue of derived-stream groups (candidates) whose source rows changed and which are not
    /// yet rebuilt; written in the same transaction as the source rows, so no change is forgotten.
    ///
    /// Frozen: the SQL the second release ran. Never edit it; add a migration instead.
    static let v2DerivationQueue = Migration(
        name: "v2-derivation-queue",
        statements: [
            """
            CREATE TABLE derivation_queue (
                account TEXT NOT NULL,
                stream TEXT NOT NULL,
                group_key TEXT NOT NULL,
                PRIMARY KEY (account, stream, group_key))
            """
        ])
}
