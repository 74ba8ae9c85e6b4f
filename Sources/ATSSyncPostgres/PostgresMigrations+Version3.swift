extension PostgresMigrations {
    /// `applications.hired_at` and `applications.start_date`, which Tracker's `mark_as_hired`
    /// action sets.
    ///
    /// The rows already stored have no values for them, and an unchanged record is not written again,
    /// so the migration also makes the next sync fill them: every application row is marked for
    /// rewriting (`StoredRowRewrite.scanID`, which the page upsert treats as changed) and the
    /// stream's progress is cleared, so the next run reads every application once.
    ///
    /// Frozen once released. Never edit it; add a migration instead.
    static let version3 = Migration(
        version: 3,
        statements: [
            #"ALTER TABLE "applications" ADD COLUMN IF NOT EXISTS "hired_at" timestamptz"#,
            #"ALTER TABLE "applications" ADD COLUMN IF NOT EXISTS "start_date" text"#,
            #"UPDATE "applications" SET "scan_id" = 'rewrite-after-migration'"#,
            #"UPDATE sync_state SET completed_through = NULL, checkpoint = NULL WHERE stream = 'applications'"#,
        ])
}
