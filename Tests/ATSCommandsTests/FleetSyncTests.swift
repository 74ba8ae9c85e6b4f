import ATSSync
import ATSSyncPostgres
import ATSSyncSQLite
import ArgumentParser
import Foundation
import Logging
import Testing
import TrackerSandbox

@testable import ATSCommands

/// Two sandboxes, an accounts file naming them, and the environment holding their passwords.
private func withTwoAccounts(_ body: (_ file: String, _ environment: [String: String]) async throws -> Void)
    async throws
{
    try await withTrackerSandbox(SandboxConfiguration(seed: 1, jobCount: 4, applicationCount: 120)) { first in
        try await withTrackerSandbox(SandboxConfiguration(seed: 2, jobCount: 4, applicationCount: 80)) { second in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-\(UUID()).json").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            let accounts = """
                [{"name": "acme", "base_url": "\(first.baseURL)", "api_key": "\(first.apiKey)",
                  "api_password_env": "ACME_PASSWORD", "timezone": "America/Los_Angeles"},
                 {"name": "globex", "base_url": "\(second.baseURL)", "api_key": "\(second.apiKey)",
                  "api_password_env": "GLOBEX_PASSWORD"}]
                """
            try Data(accounts.utf8).write(to: URL(fileURLWithPath: file))
            try await body(file, ["ACME_PASSWORD": first.apiPassword, "GLOBEX_PASSWORD": second.apiPassword])
        }
    }
}

@Suite struct FleetSyncTests {
    @Test func everyAccountOfTheFileIsMirroredUnderItsName() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await withTwoAccounts { file, environment in
            let command = try #require(
                try ATSCommand.parseAsRoot(["sync", "--accounts", file, "--database", path, "--quiet"]) as? SyncCommand)
            let captured = CapturedOutput()
            try await command.execute(environment: environment, output: captured.output)
            #expect(captured.lines.contains("Account acme:"))
            #expect(captured.lines.contains("Account globex:"))
        }
        let store = try SQLiteSyncStore(path: path)
        let counts = try await store.query(
            "SELECT account, count(*) FROM applications GROUP BY account ORDER BY account")
        #expect(counts.rows == [["acme", "120"], ["globex", "80"]])
    }

    @Test func aMissingPasswordOrABadFileIsExplained() async throws {
        try await withTwoAccounts { file, environment in
            let command = try #require(
                try ATSCommand.parseAsRoot(["sync", "--accounts", file, "--database", "/tmp/unused-\(UUID()).sqlite"])
                    as? SyncCommand)
            var partial = environment
            partial["GLOBEX_PASSWORD"] = nil
            await #expect {
                try await command.execute(environment: partial, output: CapturedOutput().output)
            } throws: { error in
                "\(error)".contains("1 of 2 accounts failed (globex)")
            }
        }
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).json").path
        try Data(#"[{"name": "x"}]"#.utf8).write(to: URL(fileURLWithPath: bad))
        defer { try? FileManager.default.removeItem(atPath: bad) }
        #expect {
            try FleetFile(path: bad)
        } throws: { error in
            "\(error)".contains("lacks \"base_url\" in entry #1")
        }
        #expect(throws: (any Error).self) {
            try ATSCommand.parseAsRoot(["sync", "--accounts", bad, "--sandbox"])
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"] != nil))
    func anAccountLockedByAnotherWorkerIsSkipped() async throws {
        let url = ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"] ?? ""
        try await withTwoAccounts { file, environment in
            let command = try #require(
                try ATSCommand.parseAsRoot(["sync", "--accounts", file, "--database", url, "--quiet"]) as? SyncCommand)
            let captured = CapturedOutput()
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            try await withPostgresSyncStore(url: try PostgresDatabaseURL(url), logger: logger) { store in
                // This test plays the other worker: it holds globex while the command runs.
                let held = try await store.withAccountLock("globex") {
                    try await command.execute(environment: environment, output: captured.output)
                }
                #expect(held != nil)
            }
            #expect(captured.lines.contains("Account acme:"))
            #expect(captured.lines.contains("Account globex: skipped, another process is syncing it."))
        }
    }
}
