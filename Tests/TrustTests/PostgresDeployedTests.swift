import ATSTestSupport
import Foundation
import Testing
import TrackerSandbox

/// PostgreSQL as it is deployed: roles that log in with a SCRAM password, a sync role with only the
/// grants docs/SCHEMA.md lists, and TLS with a certificate checked against its authority. Needs the
/// roles and pg_hba.conf rules scripts/ci-postgres sets up (ATSKIT_POSTGRES_ROLES=1); the TLS test
/// also its certificate (ATSKIT_POSTGRES_CA).
@Suite struct PostgresDeployedTests {
    static let environment = ProcessInfo.processInfo.environment
    static let serverURL = environment["ATSKIT_POSTGRES_URL"]
    static let rolesReady = serverURL != nil && environment["ATSKIT_POSTGRES_ROLES"] == "1"
    static let certificate = environment["ATSKIT_POSTGRES_CA"]

    /// Runs SQL as the server URL's (trusted) user, in `database` when given.
    static func admin(_ sql: String, database: String? = nil) async throws {
        let server = try #require(serverURL.flatMap { URLComponents(string: $0) })
        var target = server
        if let database { target.path = "/" + database }
        let url = try #require(target.string)
        let status = try await runProgram("/usr/bin/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql])
        try #require(status == 0, "psql failed on: \(sql)")
    }

    /// A URL for `role` with `password` on the test server's host and port.
    static func url(role: String, password: String, database: String, query: String = "") throws -> String {
        let server = try #require(serverURL.flatMap { URLComponents(string: $0) })
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? ""
        return "postgres://\(role):\(encoded)@\(server.host ?? "127.0.0.1"):\(server.port ?? 5432)/\(database)\(query)"
    }

    /// A fresh database with an owner and a sync role that log in with SCRAM passwords, granted as
    /// docs/SCHEMA.md says; dropped afterwards.
    static func withDeployedDatabase(
        extraGroups: [String] = [],
        _ body: (_ database: String, _ owner: String, _ sync: String) async throws -> Void
    ) async throws {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let (database, owner, sync) = ("deployed_\(suffix)", "ats_owner_\(suffix)", "ats_sync_\(suffix)")
        let groups = (["atskit_password_login"] + extraGroups).joined(separator: ", ")
        let password = Secrets.databasePassword
        try await admin(
            """
            SET password_encryption = 'scram-sha-256';
            CREATE ROLE \(owner) LOGIN PASSWORD '\(password)' IN ROLE \(groups);
            CREATE ROLE \(sync) LOGIN PASSWORD '\(password)' IN ROLE \(groups);
            """)
        try await admin("CREATE DATABASE \(database)")
        try await admin(
            """
            REVOKE CONNECT ON DATABASE \(database) FROM PUBLIC;
            GRANT CONNECT ON DATABASE \(database) TO \(owner), \(sync);
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            GRANT USAGE, CREATE ON SCHEMA public TO \(owner);
            GRANT USAGE ON SCHEMA public TO \(sync);
            ALTER DEFAULT PRIVILEGES FOR ROLE \(owner) IN SCHEMA public
                GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO \(sync);
            ALTER DEFAULT PRIVILEGES FOR ROLE \(owner) IN SCHEMA public GRANT USAGE ON SEQUENCES TO \(sync);
            """, database: database)
        let outcome: Result<Void, any Error>
        do {
            try await body(database, owner, sync)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        // Dropped whether the body passed or not. The server's address goes after the options, so
        // that a failure message, which names the arguments before the first option, never shows it.
        _ = try? await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/psql"),
            [
                "-X", "-q", "-c",
                "DROP DATABASE IF EXISTS \(database) WITH (FORCE); DROP ROLE IF EXISTS \(owner); DROP ROLE IF EXISTS \(sync)",
                serverURL ?? "",
            ], within: .seconds(120))
        try outcome.get()
    }

    static func sync(_ sandbox: RunningSandbox, database: String, extra: [String] = []) async -> CommandTrace {
        await runCommand(
            ["sync"] + SecretsAndTrust.SecretsScanTests.credentials(sandbox) + [
                "--database", database, "--account", "deployed", "--page-size", "50", "--log-level", "trace",
                "--quiet",
            ] + extra)
    }

    @Test(.enabled(if: rolesReady))
    func aLeastPrivilegeRoleSyncsOverSCRAMOnceTheOwnerMadeTheTables() async throws {
        try await Self.withDeployedDatabase { database, owner, sync in
            try await withTrackerSandbox(SecretsAndTrust.SecretsScanTests.sandboxConfiguration()) { sandbox in
                let wrong = "Wr0ng-pass-\(UUID().uuidString.prefix(6))"
                let refused = await Self.sync(
                    sandbox, database: try Self.url(role: sync, password: wrong, database: database))
                let refusal = try #require(refused.failure, "a wrong password is refused")
                #expect(refusal.contains("password authentication failed"), "\(refusal)")
                #expect(
                    !refusal.contains(wrong) && !refused.logText.contains(wrong), "the wrong password is not echoed")
                refused.scan("ats sync with a wrong SCRAM password")

                let syncURL = try Self.url(role: sync, password: Secrets.databasePassword, database: database)
                let early = await Self.sync(sandbox, database: syncURL)
                let earlyFailure = try #require(early.failure, "the sync role cannot create the tables")
                #expect(earlyFailure.contains("permission denied"), "\(earlyFailure)")
                #expect(earlyFailure.contains("run `ats sync` once as a role that has it"), "\(earlyFailure)")
                early.scan("ats sync as a role without CREATE on a new mirror")

                let first = await Self.sync(
                    sandbox, database: try Self.url(role: owner, password: Secrets.databasePassword, database: database)
                )
                #expect(first.failure == nil, "the owner's first sync: \(first.failure ?? "")")
                first.scan("the owner's first sync over SCRAM")

                _ = sandbox.control.mutate(count: 30)
                for extra in [[], ["--full"]] {
                    let daily = await Self.sync(sandbox, database: syncURL, extra: extra)
                    #expect(daily.failure == nil, "the sync role's \(extra) sync: \(daily.failure ?? "")")
                    daily.scan("the sync role's sync over SCRAM")
                }
            }
        }
    }

    @Test(.enabled(if: rolesReady && certificate != nil))
    func aRoleThatMustUseTLSSyncsWithTheCertificateCheckedAndIsRefusedWithout() async throws {
        let certificate = try #require(Self.certificate)
        try await Self.withDeployedDatabase(extraGroups: ["atskit_tls_login"]) { database, owner, _ in
            try await withTrackerSandbox(SecretsAndTrust.SecretsScanTests.sandboxConfiguration()) { sandbox in
                let password = Secrets.databasePassword
                let plain = await Self.sync(
                    sandbox, database: try Self.url(role: owner, password: password, database: database))
                let refusal = try #require(plain.failure, "a plain connection is refused by pg_hba.conf")
                #expect(refusal.contains("pg_hba.conf") || refusal.contains("no encryption"), "\(refusal)")

                let unknownAuthority = await Self.sync(
                    sandbox,
                    database: try Self.url(
                        role: owner, password: password, database: database, query: "?sslmode=verify-full"))
                let untrusted = try #require(unknownAuthority.failure, "a self-signed certificate is not trusted")
                #expect(untrusted.contains("TLS handshake failed"), "\(untrusted)")

                let verified = await Self.sync(
                    sandbox,
                    database: try Self.url(
                        role: owner, password: password, database: database,
                        query: "?sslmode=verify-full&sslrootcert=\(certificate)"))
                #expect(verified.failure == nil, "\(verified.failure ?? "")")
                verified.scan("ats sync over TLS with a SCRAM password")
                for trace in [plain, unknownAuthority] { trace.scan("a refused PostgreSQL connection") }
            }
        }
    }
}
