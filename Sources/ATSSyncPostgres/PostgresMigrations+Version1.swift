extension PostgresMigrations {
    /// The first release's tables: one per stream, `sync_state` and `stage_history`.
    ///
    /// Frozen: this is, byte for byte, the SQL the first release ran (it was generated from the
    /// stream schemas of that time). Never edit it; add a migration instead.
    static let version1 = Migration(
        version: 1,
        statements: [
            #"CREATE TABLE IF NOT EXISTS "jobs" ("account" text NOT NULL, "id" text NOT NULL, "updated_at" timestamptz, "raw" jsonb NOT NULL, "first_seen_at" timestamptz NOT NULL, "last_seen_at" timestamptz NOT NULL, "scan_id" text NOT NULL, "deleted_at" timestamptz, "title" text, "status" text, "is_hidden" boolean, "category" text, "code" text, "city" text, "state" text, "country" text, "is_remote" boolean, "url" text, "custom_fields" jsonb, "created_at" timestamptz, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX IF NOT EXISTS "jobs_status" ON "jobs" (account, "status")"#,
            #"CREATE INDEX IF NOT EXISTS "jobs_updated_at" ON "jobs" (account, "updated_at")"#,
            #"CREATE TABLE IF NOT EXISTS "custom_field_schemas" ("account" text NOT NULL, "id" text NOT NULL, "updated_at" timestamptz, "raw" jsonb NOT NULL, "first_seen_at" timestamptz NOT NULL, "last_seen_at" timestamptz NOT NULL, "scan_id" text NOT NULL, "deleted_at" timestamptz, "owner" text, "name" text, "display_name" text, "type" text, "is_required" boolean, "options" jsonb, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX IF NOT EXISTS "custom_field_schemas_updated_at" ON "custom_field_schemas" (account, "updated_at")"#,
            #"CREATE TABLE IF NOT EXISTS "applications" ("account" text NOT NULL, "id" text NOT NULL, "updated_at" timestamptz, "raw" jsonb NOT NULL, "first_seen_at" timestamptz NOT NULL, "last_seen_at" timestamptz NOT NULL, "scan_id" text NOT NULL, "deleted_at" timestamptz, "job_id" text, "candidate_id" text, "first_name" text, "last_name" text, "email" text, "phone" text, "stage" text, "is_archived" boolean, "source" text, "tags" jsonb, "rating" double precision, "custom_fields" jsonb, "applied_at" timestamptz, "created_at" timestamptz, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX IF NOT EXISTS "applications_job_id" ON "applications" (account, "job_id")"#,
            #"CREATE INDEX IF NOT EXISTS "applications_candidate_id" ON "applications" (account, "candidate_id")"#,
            #"CREATE INDEX IF NOT EXISTS "applications_stage" ON "applications" (account, "stage")"#,
            #"CREATE INDEX IF NOT EXISTS "applications_updated_at" ON "applications" (account, "updated_at")"#,
            #"CREATE TABLE IF NOT EXISTS "candidates" ("account" text NOT NULL, "id" text NOT NULL, "updated_at" timestamptz, "raw" jsonb NOT NULL, "first_seen_at" timestamptz NOT NULL, "last_seen_at" timestamptz NOT NULL, "scan_id" text NOT NULL, "deleted_at" timestamptz, "first_name" text, "last_name" text, "email" text, "phone" text, "application_ids" jsonb, "created_at" timestamptz, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX IF NOT EXISTS "candidates_email" ON "candidates" (account, "email")"#,
            #"CREATE INDEX IF NOT EXISTS "candidates_updated_at" ON "candidates" (account, "updated_at")"#,
            #"CREATE TABLE IF NOT EXISTS "notes" ("account" text NOT NULL, "id" text NOT NULL, "updated_at" timestamptz, "raw" jsonb NOT NULL, "first_seen_at" timestamptz NOT NULL, "last_seen_at" timestamptz NOT NULL, "scan_id" text NOT NULL, "deleted_at" timestamptz, "application_id" text, "job_id" text, "author" text, "body" text, "created_at" timestamptz, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX IF NOT EXISTS "notes_application_id" ON "notes" (account, "application_id")"#,
            #"CREATE INDEX IF NOT EXISTS "notes_updated_at" ON "notes" (account, "updated_at")"#,
            #"CREATE TABLE IF NOT EXISTS "files" ("account" text NOT NULL, "id" text NOT NULL, "updated_at" timestamptz, "raw" jsonb NOT NULL, "first_seen_at" timestamptz NOT NULL, "last_seen_at" timestamptz NOT NULL, "scan_id" text NOT NULL, "deleted_at" timestamptz, "application_id" text, "filename" text, "kind" text, "content_type" text, "size" bigint, "created_at" timestamptz, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX IF NOT EXISTS "files_application_id" ON "files" (account, "application_id")"#,
            #"CREATE INDEX IF NOT EXISTS "files_updated_at" ON "files" (account, "updated_at")"#,
            """
            CREATE TABLE IF NOT EXISTS sync_state (
                account text NOT NULL,
                stream text NOT NULL,
                completed_through timestamptz,
                last_full_scan_through timestamptz,
                checkpoint jsonb,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (account, stream))
            """,
            """
            CREATE TABLE IF NOT EXISTS stage_history (
                seq bigserial PRIMARY KEY,
                account text NOT NULL,
                stream text NOT NULL,
                id text NOT NULL,
                from_stage text,
                to_stage text,
                observed_at timestamptz NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS stage_history_record ON stage_history (account, stream, id)",
        ])
}
