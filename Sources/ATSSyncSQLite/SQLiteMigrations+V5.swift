extension SQLiteMigrations {
    /// `accounts`: which provider each account's rows come from, so that one mirror can hold
    /// accounts of several providers and a sync never writes one provider's records under an account
    /// another provider owns. Every table's rows carry `account`; this table names its provider.
    ///
    /// Every account a mirror already holds was synced by a release that spoke Tracker only, so it
    /// belongs to `tracker`.
    ///
    /// Frozen once released. Never edit it; add a migration instead.
    static let v5AccountProviders = Migration(
        name: "v5-account-providers",
        statements: [
            """
            CREATE TABLE accounts (
                account TEXT NOT NULL PRIMARY KEY,
                provider TEXT NOT NULL)
            """,
            """
            INSERT INTO accounts (account, provider)
            SELECT account, 'tracker' FROM sync_state
            UNION SELECT account, 'tracker' FROM jobs
            UNION SELECT account, 'tracker' FROM custom_field_schemas
            UNION SELECT account, 'tracker' FROM applications
            UNION SELECT account, 'tracker' FROM candidates
            UNION SELECT account, 'tracker' FROM notes
            UNION SELECT account, 'tracker' FROM files
            UNION SELECT account, 'tracker' FROM stage_history
            """,
        ])
}
