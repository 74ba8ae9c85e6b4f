extension SQLiteMigrations {
    /// The first release's tables: one per stream, `sync_state` and `stage_history`.
    ///
    /// Frozen: this is, byte for byte, the SQL the first release ran (it was generated from the
    /// stream schemas of that time). Never edit it; add a migration instead.
    static let v1 = Migration(
        name: "v1",
        statements: [
            #"CREATE TABLE "jobs" ("account" TEXT NOT NULL, "id" TEXT NOT NULL, "updated_at" TEXT, "raw" TEXT NOT NULL, "first_seen_at" TEXT NOT NULL, "last_seen_at" TEXT NOT NULL, "scan_id" TEXT NOT NULL, "deleted_at" TEXT, "title" TEXT, "status" TEXT, "is_hidden" INTEGER, "category" TEXT, "code" TEXT, "city" TEXT, "state" TEXT, "country" TEXT, "is_remote" INTEGER, "url" TEXT, "custom_fields" TEXT, "created_at" TEXT, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX "jobs_status" ON "jobs" (account, "status")"#,
            #"CREATE INDEX "jobs_updated_at" ON "jobs" (account, "updated_at")"#,
            #"CREATE TABLE "custom_field_schemas" ("account" TEXT NOT NULL, "id" TEXT NOT NULL, "updated_at" TEXT, "raw" TEXT NOT NULL, "first_seen_at" TEXT NOT NULL, "last_seen_at" TEXT NOT NULL, "scan_id" TEXT NOT NULL, "deleted_at" TEXT, "owner" TEXT, "name" TEXT, "display_name" TEXT, "type" TEXT, "is_required" INTEGER, "options" TEXT, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX "custom_field_schemas_updated_at" ON "custom_field_schemas" (account, "updated_at")"#,
            #"CREATE TABLE "applications" ("account" TEXT NOT NULL, "id" TEXT NOT NULL, "updated_at" TEXT, "raw" TEXT NOT NULL, "first_seen_at" TEXT NOT NULL, "last_seen_at" TEXT NOT NULL, "scan_id" TEXT NOT NULL, "deleted_at" TEXT, "job_id" TEXT, "candidate_id" TEXT, "first_name" TEXT, "last_name" TEXT, "email" TEXT, "phone" TEXT, "stage" TEXT, "is_archived" INTEGER, "source" TEXT, "tags" TEXT, "rating" REAL, "custom_fields" TEXT, "applied_at" TEXT, "created_at" TEXT, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX "applications_job_id" ON "applications" (account, "job_id")"#,
            #"CREATE INDEX "applications_candidate_id" ON "applications" (account, "candidate_id")"#,
            #"CREATE INDEX "applications_stage" ON "applications" (account, "stage")"#,
            #"CREATE INDEX "applications_updated_at" ON "applications" (account, "updated_at")"#,
            #"CREATE TABLE "candidates" ("account" TEXT NOT NULL, "id" TEXT NOT NULL, "updated_at" TEXT, "raw" TEXT NOT NULL, "first_seen_at" TEXT NOT NULL, "last_seen_at" TEXT NOT NULL, "scan_id" TEXT NOT NULL, "deleted_at" TEXT, "first_name" TEXT, "last_name" TEXT, "email" TEXT, "phone" TEXT, "application_ids" TEXT, "created_at" TEXT, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX "candidates_email" ON "candidates" (account, "email")"#,
            #"CREATE INDEX "candidates_updated_at" ON "candidates" (account, "updated_at")"#,
            #"CREATE TABLE "notes" ("account" TEXT NOT NULL, "id" TEXT NOT NULL, "updated_at" TEXT, "raw" TEXT NOT NULL, "first_seen_at" TEXT NOT NULL, "last_seen_at" TEXT NOT NULL, "scan_id" TEXT NOT NULL, "deleted_at" TEXT, "application_id" TEXT, "job_id" TEXT, "author" TEXT, "body" TEXT, "created_at" TEXT, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX "notes_application_id" ON "notes" (account, "application_id")"#,
            #"CREATE INDEX "notes_updated_at" ON "notes" (account, "updated_at")"#,
            #"CREATE TABLE "files" ("account" TEXT NOT NULL, "id" TEXT NOT NULL, "updated_at" TEXT, "raw" TEXT NOT NULL, "first_seen_at" TEXT NOT NULL, "last_seen_at" TEXT NOT NULL, "scan_id" TEXT NOT NULL, "deleted_at" TEXT, "application_id" TEXT, "filename" TEXT, "kind" TEXT, "content_type" TEXT, "size" INTEGER, "created_at" TEXT, PRIMARY KEY (account, id))"#,
            #"CREATE INDEX "files_application_id" ON "files" (account, "application_id")"#,
            #"CREATE INDEX "files_updated_at" ON "files" (account, "updated_at")"#,
            """
            CREATE TABLE sync_state (
                account TEXT NOT NULL,
                stream TEXT NOT NULL,
                completed_through TEXT,
                last_full_scan_through TEXT,
                checkpoint TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (account, stream))
            """,
            """
            CREATE TABLE stage_history (
                account TEXT NOT NULL,
                stream TEXT NOT NULL,
                id TEXT NOT NULL,
                from_stage TEXT,
                to_stage TEXT,
                observed_at TEXT NOT NULL)
            """,
            "CREATE INDEX stage_history_record ON stage_history (account, stream, id)",
        ])
}
