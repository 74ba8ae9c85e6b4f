import ATSCore
import ATSSync
import ATSSyncSQLite
import Logging

/// The part of a provider's demo that is the same for every provider: the first sync through the
/// client's streams, the writes, the incremental re-sync, the verdict and the queries.
struct ProviderDemoStory {
    let command: DemoCommand
    let output: CommandOutput
    let store: SQLiteSyncStore
    let path: String
    /// Where the provider's candidates come from, for the title of the query that reads them: these
    /// providers keep candidate records of their own, unlike Tracker, whose candidates are derived.
    var candidates = "candidates are the provider's own records"

    func run(
        client: any ATSClient, clientName: String, pauseFaults: () -> Void, resumeFaults: () -> Void,
        writes: () async throws -> ProviderDemoChanges
    ) async throws {
        let source = ATSClientSyncSource(client: client, account: "demo")
        let printer = SyncReportPrinter(output: CommandOutput { output.line("   " + $0) })
        func sync() async throws -> SyncRunReport {
            var engine = SyncEngine(
                source: source, store: store, logger: Logger(label: "ats.demo") { _ in SwiftLogNoOpLogHandler() })
            let progress = command.quiet ? nil : SyncProgressDisplay()
            if let progress { engine.onProgress = { progress.update($0) } }
            defer { progress?.finish() }
            return try await engine.run(source.streams, fullScan: false)
        }
        output.line("")
        output.line("2. First sync into \(command.database), through the client's streams:")
        printer.table(try await sync())

        output.line("")
        output.line("3. Three changes through the ATSKit client (\(clientName)):")
        output.line("   (The injected failures are paused while writing, so that no write's outcome is left unknown.)")
        pauseFaults()
        let changes = try await writes()
        resumeFaults()

        output.line("")
        output.line("4. Incremental re-sync:")
        let second = try await sync()
        printer.table(second)
        try await changes.verdict(second, store: store, output: output)
        output.line("")
        output.line("5. The mirror is \(path); open it with `sqlite3 \(command.database)`.")
        try await DemoQueries.show(on: store, output: output, candidates: candidates)
    }
}

/// What a provider's demo changed, and the check that the re-sync brought exactly that.
struct ProviderDemoChanges {
    /// Applications whose stage the demo changed: id, stage before, stage after.
    var stageChanges: [(id: String, from: String, to: String)]
    /// An application the demo rejected without changing its stage (Workable's disqualification).
    var archived: String? = nil
    /// Whether the note changed its application's record too (a Workable comment moves `updated_at`).
    var noteChangesApplication = false

    /// Checks, and says, that the re-sync brought exactly these changes.
    func verdict(_ report: SyncRunReport, store: SQLiteSyncStore, output: CommandOutput) async throws {
        let applications = report.streams.first { $0.stream == .applications }
        let changed = (applications?.outcome.changed ?? 0) + (applications?.outcome.inserted ?? 0)
        let expected = stageChanges.count + (archived == nil ? 0 : 1) + (noteChangesApplication ? 1 : 0)
        let which = noteChangesApplication ? "the move, the rejection and the note" : "the move and the rejection"
        output.line(
            "   \(changed == expected ? "✓" : "✗") applications: \(changed) changed (\(which)), \(expected) expected; "
                + "the look-back's overlap was recognised as unchanged")
        for change in stageChanges {
            let result = try await store.query(
                "SELECT from_stage, to_stage FROM stage_history WHERE account = 'demo' AND id = '\(change.id)' "
                    + "AND from_stage IS NOT NULL ORDER BY rowid DESC LIMIT 1")
            let recorded = result.rows.first.map { "\($0[0] ?? "?") → \($0[1] ?? "?")" } ?? "nothing"
            output.line(
                "   \(result.rows.first == [change.from, change.to] ? "✓" : "✗") stage history of application "
                    + "\(change.id): \(recorded)")
        }
        if let archived {
            let result = try await store.query(
                "SELECT is_archived FROM applications WHERE account = 'demo' AND id = '\(archived)'")
            let flag = result.rows.first?.first ?? nil
            output.line(
                "   \(flag == "1" ? "✓" : "✗") application \(archived) is rejected (archived) in the mirror")
        }
    }
}
