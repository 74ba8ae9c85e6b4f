import ATSSyncSQLite

/// The example queries `ats demo` runs on the mirror, to show what it can answer without the API.
enum DemoQueries {
    struct Example {
        var title: String
        var sql: String
    }

    /// The examples; `candidates` says where the provider's candidates come from, in the title of
    /// the query that reads them.
    static func examples(candidates: String) -> [Example] {
        [
            Example(
                title: "Where the pipeline stands: live applications per stage",
                sql: """
                    SELECT stage, count(*) AS applications
                    FROM applications WHERE deleted_at IS NULL
                    GROUP BY stage ORDER BY applications DESC
                    """),
            Example(
                title: "People who applied to more than one job (\(candidates))",
                sql: """
                    SELECT first_name || ' ' || last_name AS candidate, email, json_array_length(application_ids) AS jobs
                    FROM candidates WHERE deleted_at IS NULL AND json_array_length(application_ids) > 1
                    ORDER BY jobs DESC, candidate LIMIT 5
                    """),
            Example(
                title: "Stage moves the mirror has seen between syncs (its own record, not the provider's history)",
                sql: """
                    SELECT h.id AS application, a.first_name || ' ' || a.last_name AS candidate,
                           h.from_stage, h.to_stage, h.observed_at
                    FROM stage_history h JOIN applications a ON a.account = h.account AND a.id = h.id
                    WHERE h.from_stage IS NOT NULL ORDER BY h.observed_at DESC LIMIT 5
                    """),
        ]
    }

    /// Where Tracker's candidates come from: it has no candidate records.
    static let derivedCandidates = "candidates are derived from e-mail"

    /// Runs each example and prints it with its result.
    /// - Parameter candidates: Where the provider's candidates come from (Tracker's by default).
    static func show(
        on store: SQLiteSyncStore, output: CommandOutput, candidates: String = derivedCandidates
    ) async throws {
        for example in examples(candidates: candidates) {
            output.line("")
            output.line("   -- \(example.title)")
            for line in example.sql.split(separator: "\n") { output.line("   " + line) }
            let result = try await store.query(example.sql, limit: 10)
            let widths = result.columns.indices.map { index in
                min(32, max(result.columns[index].count, result.rows.map { ($0[index] ?? "NULL").count }.max() ?? 0))
            }
            let table = TextTable(
                columns: zip(result.columns, widths).map { TextTable.Column(title: $0, width: max($1, 4)) },
                output: CommandOutput { output.line("      " + $0) })
            table.header()
            for row in result.rows {
                table.row(row.map { $0 ?? "NULL" })
            }
        }
    }
}
