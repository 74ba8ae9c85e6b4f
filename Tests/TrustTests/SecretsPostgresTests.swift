import Foundation
import Logging
import Testing
import TrackerSandbox

/// `ats sync` into PostgreSQL with a password in the database URL: the logs at every level, the
/// report, the errors, and a `pg_dump` of the mirror hold neither password.
extension SecretsAndTrust {
    @Suite struct SecretsPostgresTests {
        static let serverURL = ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"]

        /// A login role with a password, for the length of `body`; its objects go to the server
        /// URL's user afterwards. (The test server trusts local connections, so the password is not
        /// checked, but it is in the URL every command is given, which is what must not leak.)
        static func withPasswordRole(_ body: (_ url: String, _ missingDatabaseURL: String) async throws -> Void)
            async throws
        {
            let server = try #require(serverURL.flatMap { URLComponents(string: $0) })
            let admin = try #require(serverURL)
            let role = "trust_\(UUID().uuidString.prefix(8).lowercased())"
            let psql = "/usr/bin/psql"
            try #require(FileManager.default.isExecutableFile(atPath: psql), "psql is needed to create a role")
            let created = try await runProgram(
                psql,
                [
                    admin, "-v", "ON_ERROR_STOP=1", "-c",
                    "CREATE ROLE \(role) LOGIN SUPERUSER PASSWORD '\(Secrets.databasePassword)'",
                ])
            try #require(created == 0, "psql could not create the role")
            let encoded =
                Secrets.databasePassword.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? ""
            let root = "postgres://\(role):\(encoded)@\(server.host ?? "127.0.0.1"):\(server.port ?? 5432)"
            let owner = server.user ?? "postgres"
            let cleanup = [
                admin, "-c", "REASSIGN OWNED BY \(role) TO \(owner); DROP OWNED BY \(role); DROP ROLE \(role)",
            ]
            do {
                try await body(root + server.path, root + "/no_such_database_\(role)")
            } catch {
                _ = try? await runProgram(psql, cleanup)
                throw error
            }
            try await runProgram(psql, cleanup)
        }

        @Test(.enabled(if: serverURL != nil))
        func syncIntoPostgreSQLAtEveryLevelAndItsDumpLeakNothing() async throws {
            try await Self.withPasswordRole { database, missing in
                try await withTrackerSandbox(SecretsScanTests.sandboxConfiguration()) { sandbox in
                    let account = "secrets-\(UUID().uuidString.prefix(8))"
                    for level in Logger.Level.allCases {
                        SecretsScanTests.scriptFaults(sandbox)
                        let trace = await runCommand(
                            ["sync"] + SecretsScanTests.credentials(sandbox) + [
                                "--database", database, "--account", account, "--page-size", "40", "--log-level",
                                level.rawValue, "--json", "--quiet",
                            ] + (level == .trace ? ["--full"] : []))
                        #expect(trace.failure == nil, "\(trace.failure ?? "")")
                        #expect(trace.lines.count == 1)
                        trace.scan("ats sync into PostgreSQL at \(level)")
                    }
                    // A database that does not exist on a server that does: PostgreSQL's own message.
                    let failed = await runCommand(
                        ["sync"] + SecretsScanTests.credentials(sandbox) + [
                            "--database", missing,
                            "--log-level", "trace", "--quiet",
                        ])
                    #expect(failed.failure != nil)
                    failed.scan("ats sync into a missing PostgreSQL database")
                }
                try await Self.scanDump()
            }
        }

        /// A plain-text dump of the whole mirror database.
        static func scanDump() async throws {
            let pgDump = "/usr/bin/pg_dump"
            guard FileManager.default.isExecutableFile(atPath: pgDump), let serverURL else {
                print("Secrets suite: pg_dump is not available; the PostgreSQL mirror's dump was not scanned.")
                return
            }
            try await withScratchFolder { folder in
                let dump = folder.appendingPathComponent("mirror.sql")
                let status = try await runProgram(pgDump, [serverURL], standardOutput: dump)
                #expect(status == 0, "pg_dump failed")
                let data = try Data(contentsOf: dump)
                #expect(data.count > 1_000)
                Secrets.scanner.scan([UInt8](data), "the pg_dump of the PostgreSQL mirror")
            }
        }
    }
}
