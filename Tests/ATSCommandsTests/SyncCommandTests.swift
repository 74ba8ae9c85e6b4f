import ATSSync
import ATSSyncSQLite
import ArgumentParser
import Foundation
import Synchronization
import Testing
import TrackerAPI
import TrackerSandbox

@testable import ATSCommands

private func temporaryDatabase() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("ats-cli-\(UUID().uuidString).sqlite").path
}

private func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

private func syncCommand(_ arguments: [String]) throws -> SyncCommand {
    try #require(try ATSCommand.parseAsRoot(["sync"] + arguments) as? SyncCommand)
}

@Suite struct SyncCommandTests {
    @Test func aSecondSyncIsIncrementalAndTheReportIsJSON() async throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        let first = CapturedOutput()
        try await syncCommand(["--sandbox", "--database", path, "--json", "--quiet"])
            .execute(environment: [:], output: first.output)
        let firstLine = try #require(first.lines.first)
        let firstReport = try #require(JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any])
        #expect(firstReport["account"] as? String == "sandbox")
        let streams = try #require(firstReport["streams"] as? [[String: Any]])
        #expect(streams.map { $0["stream"] as? String } == StreamSchema.all.map(\.stream.rawValue))
        let applications = try #require(streams.first { $0["stream"] as? String == "applications" })
        #expect((applications["outcome"] as? [String: Any])?["inserted"] as? Int == 2_000)

        let second = CapturedOutput()
        try await syncCommand(["--sandbox", "--database", path, "--quiet"]).execute(
            environment: [:], output: second.output)
        let row = try #require(second.lines.first { $0.hasPrefix("applications") })
        #expect(row.contains("incremental"))

        let store = try SQLiteSyncStore(path: path)
        let count = try await store.query("SELECT count(*) FROM applications WHERE deleted_at IS NULL")
        #expect(count.rows == [["2000"]])
    }

    @Test func wrongFlagsAreRefusedBeforeAnythingStarts() throws {
        #expect(throws: (any Error).self) { try syncCommand(["--sandbox", "--streams", "people"]) }
        #expect(throws: (any Error).self) { try syncCommand(["--sandbox", "--watch", "0"]) }
        #expect(throws: (any Error).self) { try syncCommand(["--sandbox", "--rate-limit", "0"]) }
    }

    @Test func aSyncHasNoClientRateLimitUnlessOneIsGiven() throws {
        var configuration = TrackerAPI.Configuration(baseURL: "https://x.invalid/api/v1", apiKey: "k", apiPassword: "p")
        #expect(configuration.rateLimit != nil)
        SyncTuning(pageSize: nil, rateLimit: nil).apply(to: &configuration)
        #expect(configuration.rateLimit == nil)
        SyncTuning(pageSize: 500, rateLimit: 25).apply(to: &configuration)
        #expect(configuration.rateLimit == TrackerRateLimit(requestsPerSecond: 25, burst: 25))
        #expect(configuration.pageSize == 500)
        #expect(try syncCommand(["--sandbox", "--rate-limit", "2.5"]).rateLimit == 2.5)
    }

    @Test func anUnusableDatabaseIsExplained() async throws {
        let command = try syncCommand(["--sandbox", "--database", "/proc/no-such-dir/mirror.sqlite", "--quiet"])
        await #expect {
            try await command.execute(environment: [:], output: CapturedOutput().output)
        } throws: { error in
            // Checked before SQLite opens anything (SQLiteFileCheck): the folder is named.
            "\(error)".contains("the folder /proc/no-such-dir does not exist")
        }
    }

    @Test func passwordsNeverAppearInErrors() async throws {
        let database = try syncCommand([
            "--sandbox", "--database", "postgres://ats:pw-Zz9-db@127.0.0.1:1/mirror", "--quiet",
        ])
        await #expect {
            try await database.execute(environment: [:], output: CapturedOutput().output)
        } throws: { error in
            let message = CommandFailure.explaining(error).message
            return message.contains("PostgreSQL") && !message.contains("pw-Zz9-db")
        }
        let server = try syncCommand([
            "--base-url", "http://127.0.0.1:1/api/v1", "--api-key", "k", "--api-password", "pw-Zz9-api",
            "--database", "/tmp/unused-\(UUID().uuidString).sqlite", "--quiet",
        ])
        await #expect {
            try await server.execute(environment: [:], output: CapturedOutput().output)
        } throws: { error in
            let message = CommandFailure.explaining(error).message
            return message.contains("connection") && !message.contains("pw-Zz9-api")
        }
    }

    @Test func streamsCanBeChosenAndKeepTheirOrder() async throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        let captured = CapturedOutput()
        try await syncCommand(["--sandbox", "--database", path, "--quiet", "--streams", "candidates,applications"])
            .execute(environment: [:], output: captured.output)
        let streams = captured.lines.dropFirst(2).prefix { !$0.isEmpty }.map {
            $0.split(separator: " ").first.map(String.init)
        }
        #expect(streams == ["applications", "candidates"])
    }
}

@Suite struct DemoCommandTests {
    /// The demo's mirror is checked against the sandbox's ground truth, read just before the
    /// sandbox stops: every live application with its stage, e-mail, names and tags, every note,
    /// and a stage history whose changes are exactly the demo's two (a move and a rejection), each
    /// ending at the application's stage. The demo's own ✓ lines are not what decides.
    @Test func theDemoMirrorsChangesAndFindsExactlyThemOnReSync() async throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        // An earlier demo's mirror (marked as such) is what the demo may replace.
        let earlier = try SQLiteSyncStore(path: path)
        try await earlier.prepare()
        try await earlier.markAsDemo()
        try earlier.close()
        let command = try #require(
            try ATSCommand.parseAsRoot(["demo", "--database", path, "--applications", "600", "--quiet"]) as? DemoCommand
        )
        let captured = CapturedOutput()
        let truth = Mutex<(applications: [SandboxApplication], notes: [SandboxNote])>(([], []))
        try await DemoRun(command: command, output: captured.output) { control in
            truth.withLock { $0 = (control.applications(), control.notes()) }
        }.run()
        let (applications, notes) = truth.withLock { $0 }
        #expect(applications.count == 600)

        let store = try SQLiteSyncStore(path: path)
        let rows = try await store.query(
            "SELECT id, stage, email, first_name, last_name, tags FROM applications "
                + "WHERE account = 'demo' AND deleted_at IS NULL",
            limit: .max
        ).rows
        let mirrored = Dictionary(rows.map { ($0[0] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(mirrored.keys) == Set(applications.map { String($0.id) }), "the mirror holds every application")
        var different: [Int] = []
        for application in applications {
            guard let row = mirrored[String(application.id)] else { continue }
            let tags = try JSONSerialization.jsonObject(with: Data((row[5] ?? "null").utf8)) as? [String]
            if row[1] != application.status || row[2] != application.email || row[3] != application.firstName
                || row[4] != application.lastName || tags != application.tags
            {
                different.append(application.id)
            }
        }
        #expect(different.isEmpty, "applications whose columns differ from the sandbox: \(different.prefix(10))")

        let noteRows = try await store.query(
            "SELECT id, body FROM notes WHERE account = 'demo' AND deleted_at IS NULL", limit: .max
        ).rows
        let noteBodies = Dictionary(noteRows.map { ($0[0] ?? "", $0[1]) }, uniquingKeysWith: { first, _ in first })
        #expect(noteBodies == Dictionary(uniqueKeysWithValues: notes.map { (String($0.id), Optional($0.body)) }))

        let history = try await store.query(
            "SELECT id, from_stage, to_stage FROM stage_history WHERE account = 'demo' ORDER BY rowid", limit: .max
        ).rows
        let changes = history.filter { $0[1] != nil }
        #expect(changes.count == 2, "the demo moved one application and rejected another: \(changes)")
        let stages = Dictionary(
            applications.map { (String($0.id), $0.status) }, uniquingKeysWith: { first, _ in first })
        for change in changes {
            #expect(change[2] == stages[change[0] ?? ""], "application \(change[0] ?? "?") ends in its stage")
            #expect(change[1] == "Screening", "both changes started in Screening")
        }
        let lines = captured.lines
        #expect(lines.contains { $0.contains("(the previous demo's file was replaced)") })
        #expect(try SQLiteMirrorFile.contents(at: path) == .mirror(isDemo: true), "the new mirror is marked too")
        #expect(!lines.contains { $0.contains("✗") })
        #expect(lines.contains { $0.hasPrefix("5. The mirror is \(path)") })
    }
}
