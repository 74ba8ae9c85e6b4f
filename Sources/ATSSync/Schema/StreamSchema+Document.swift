extension StreamSchema {
    /// `docs/SCHEMA.md`: every table of the mirror, generated from the schemas so it cannot drift.
    public static func markdownDocument() -> String {
        var lines = [
            "# The mirror's schema",
            "",
            "Generated from `StreamSchema` (Sources/ATSSync/Schema); do not edit. `ats sync` creates these tables in",
            "SQLite (`--database tracker.sqlite`) and PostgreSQL (`--database postgres://…`) alike. Timestamps are",
            "UTC ISO-8601 text in SQLite (`2026-01-31T09:15:00.000Z`, which sorts as time does) and `timestamptz`",
            "in PostgreSQL; JSON is text in SQLite and `jsonb` in PostgreSQL.",
            "",
            "Every table has the primary key `(account, id)`: one database can mirror several accounts.",
            "A row is never removed: a record missing from a *complete* scan gets `deleted_at`, which is cleared",
            "if the record comes back.",
            "",
            "A mirror made by an earlier release is upgraded in place when a sync opens it: each store runs the",
            "migrations the file has not run yet (recorded in `grdb_migrations` or `atskit_schema_versions`). A",
            "migration is literal SQL that never changes once released; a new column comes with a new migration.",
            "The columns `applications.hired_at` and `start_date` came that way, and the first sync after the upgrade",
            "reads every application once more to fill them.",
            "",
            "## Columns every table has",
            "",
            "| column | type | meaning |",
            "|---|---|---|",
        ]
        lines += commonColumns.map { "| `\($0.name)` | \($0.type.rawValue) | \($0.summary) |" }
        for schema in all {
            lines += ["", "## `\(schema.table)`", "", "| column | type | meaning |", "|---|---|---|"]
            lines += schema.columns.map { "| `\($0.name)` | \($0.type.rawValue) | \($0.summary) |" }
            if !schema.indexedColumns.isEmpty {
                lines += ["", "Indexed: " + schema.indexedColumns.map { "`\($0)`" }.joined(separator: ", ") + "."]
            }
        }
        lines += [
            "",
            "## `sync_state`",
            "",
            "One row per account and stream: `completed_through` (every change up to this instant is mirrored),",
            "`last_full_scan_through` (when deletions were last reconciled) and `checkpoint` (JSON: the window,",
            "scan id and next page of an unfinished run, which the next run resumes).",
            "",
            "## `stage_history`",
            "",
            "Every observed stage change of an application, because Tracker keeps no history of its own:",
            "`account`, `stream`, `id`, `from_stage` (null when first seen), `to_stage`, `observed_at`.",
            "Changes between two syncs that cancel out are not seen.",
            "",
            "## `derivation_queue`",
            "",
            "Bookkeeping for derived tables (for Tracker, `candidates`, built from `applications`): the groups",
            "(`group_key`, a candidate id) whose source rows changed and that are not yet rebuilt. It is written",
            "in the same transaction as the source rows and emptied as the groups are rebuilt; it is empty after",
            "every finished run. During an account's first sync the SQLite mirror queues a single entry",
            "standing for every group instead (its `group_key` starts with a NUL character), and builds the",
            "indexes on `updated_at`, `candidate_id` and `email` after the last page rather than row by row;",
            "a run killed in between leaves them to the next run, which builds them when it starts.",
            "",
            "## `accounts`",
            "",
            "The provider each account's rows come from, one row per account: `account` and `provider`",
            "(`tracker`, …). One mirror can hold accounts of several providers; every table's `account` column",
            "joins to it. A sync records its account here before writing anything and refuses to write an",
            "account that another provider's sync recorded. Accounts synced before this table existed (migration",
            "`v5`) belong to `tracker`.",
            "",
            "```sql",
            "-- live applications per provider",
            "SELECT p.provider, count(*) FROM applications a JOIN accounts p ON p.account = a.account",
            "WHERE a.deleted_at IS NULL GROUP BY p.provider;",
            "```",
            "",
            "## `mirror_metadata` (SQLite)",
            "",
            "Facts about the mirror file itself, `key` and `value`: `purpose` = `demo` marks a file `ats demo`",
            "made, the only kind of file the demo replaces. Beside the file, `ats sync` holds `<file>-lock`",
            "(the one-writer lock: the holder's pid and start time) while it runs, and removes it when done.",
            "",
        ]
        lines += postgresDocument
        lines += [
            "## Example queries",
            "",
            "```sql",
            "-- applications per stage on open jobs",
            "SELECT a.stage, count(*) FROM applications a JOIN jobs j ON j.account = a.account AND j.id = a.job_id",
            "WHERE j.status = 'open' AND a.deleted_at IS NULL GROUP BY a.stage ORDER BY 2 DESC;",
            "",
            "-- how long applications waited in each stage",
            "SELECT id, to_stage, observed_at FROM stage_history WHERE stream = 'applications' ORDER BY id, observed_at;",
            "```",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
