import ATSSync
import ATSSyncSQLite

/// Checks, and says, that the re-sync brought exactly the demo's changes.
struct DemoVerdict {
    let store: SQLiteSyncStore
    let changes: DemoWrites.Changes
    let output: CommandOutput

    func check(_ report: SyncRunReport) async throws {
        let applications = report.streams.first { $0.stream == .applications }
        let notes = report.streams.first { $0.stream == .notes }
        let changed = (applications?.outcome.changed ?? 0) + (applications?.outcome.inserted ?? 0)
        let expected = changes.changedApplications.count
        line(
            changed == expected,
            "applications: \(changed) changed (the move, the rejection and the tag), \(expected) expected; "
                + "the look-back's overlap was recognised as unchanged")
        let newNotes = notes?.outcome.inserted ?? 0
        line(
            newNotes == changes.newNotes,
            "notes: \(newNotes) new (the rejection's reason and the note), \(changes.newNotes) expected")
        for move in changes.stageMoves {
            let result = try await store.query(
                """
                SELECT from_stage, to_stage FROM stage_history
                WHERE id = '\(move.id)' AND from_stage IS NOT NULL ORDER BY rowid DESC LIMIT 1
                """)
            let recorded = result.rows.first.map { "\($0[0] ?? "?") → \($0[1] ?? "?")" } ?? "nothing"
            line(
                result.rows.first == [move.from, move.to],
                "stage history of application \(move.id): \(recorded)")
        }
    }

    private func line(_ ok: Bool, _ text: String) {
        output.line("   \(ok ? "✓" : "✗") \(text)")
    }
}
