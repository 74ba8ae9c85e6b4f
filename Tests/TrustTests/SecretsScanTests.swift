import ATSSync
import ATSSyncSQLite
import Foundation
import InMemoryLogging
import Logging
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox
import TrackerSync

@testable import ATSCommands

/// The API password and the database password never reach a log line (at any level), an error
/// message, a run report, the mirror's files or the bulk-reject journal: each place is scanned for
/// them in every form that would give them away.
extension SecretsAndTrust {
    @Suite struct SecretsScanTests {
        static func sandboxConfiguration() -> SandboxConfiguration {
            var configuration = SandboxConfiguration(seed: 9, jobCount: 3, applicationCount: 150)
            configuration.apiKey = Secrets.apiKey
            configuration.apiPassword = Secrets.apiPassword
            return configuration
        }

        static func credentials(_ sandbox: RunningSandbox) -> [String] {
            ["--base-url", sandbox.baseURL, "--api-key", Secrets.apiKey, "--api-password", Secrets.apiPassword]
        }

        /// Faults that make the client retry and log why: a 500, an HTML 502, a cut connection and cut
        /// JSON, each once on another endpoint so that every retry gets through.
        static func scriptFaults(_ sandbox: RunningSandbox) {
            let faults: [(SandboxFault, String)] = [
                (.serverError, "/jobs"), (.badGatewayHTML, "/applications"), (.connectionClosedMidBody, "/notes"),
                (.truncatedJSON, "/files"),
            ]
            for (fault, path) in faults { sandbox.control.scriptFault(fault, method: "GET", pathSuffix: path) }
        }

        @Test func syncIntoSQLiteAtEveryLevelLeaksNothing() async throws {
            try await withTrackerSandbox(Self.sandboxConfiguration()) { sandbox in
                for level in Logger.Level.allCases {
                    try await withScratchFolder { folder in
                        Self.scriptFaults(sandbox)
                        let trace = await runCommand(
                            ["sync"] + Self.credentials(sandbox) + [
                                "--database", folder.appendingPathComponent("mirror.sqlite").path, "--account",
                                "secrets", "--page-size", "40", "--log-level", level.rawValue, "--json", "--quiet",
                            ])
                        #expect(trace.failure == nil, "\(trace.failure ?? "")")
                        #expect(trace.lines.count == 1, "one JSON run report")
                        if level == .trace { #expect(trace.logEntries.count > 20, "trace logging reached the client") }
                        trace.scan("ats sync into SQLite at \(level)")
                        try Secrets.scanner.scanFolder(folder, "the SQLite mirror at \(level):")
                    }
                }
            }
        }

        /// The mirror's files while the store is open, so that the write-ahead log and shared-memory
        /// files are there to be scanned too.
        @Test func anOpenSQLiteMirrorsFilesIncludingItsWALHoldNoSecret() async throws {
            try await withTrackerSandbox(Self.sandboxConfiguration()) { sandbox in
                try await withScratchFolder { folder in
                    let handler = InMemoryLogHandler()
                    var logger = Logger(label: "secrets") { _ in handler }
                    logger.logLevel = .trace
                    var settings = TrackerAPI.Configuration(
                        baseURL: sandbox.baseURL, apiKey: Secrets.apiKey, apiPassword: Secrets.apiPassword,
                        pageSize: 40, logger: logger)
                    settings.retryPolicy.initialBackoff = .milliseconds(1)
                    Secrets.scanner.scan("\(settings)", "the API configuration's description")
                    Self.scriptFaults(sandbox)
                    let store = try SQLiteSyncStore(path: folder.appendingPathComponent("mirror.sqlite").path)
                    try await store.prepare()
                    let report = try await TrackerAPI.withTrackerAPI(configuration: settings) { api in
                        let source = TrackerSyncSource(
                            api: api, account: "secrets",
                            identity: CandidateIdentity(apiKey: Secrets.apiKey, companyID: nil),
                            accountTimeZone: nil)
                        return try await SyncEngine(source: source, store: store, logger: logger).run(source.streams)
                    }
                    Secrets.scanner.scan(
                        String(decoding: try JSONEncoder().encode(report), as: UTF8.self), "the library's run report")
                    let files = try Secrets.scanner.scanFolder(folder, "the open SQLite mirror:")
                    #expect(files.contains("mirror.sqlite-wal") && files.contains("mirror.sqlite-shm"), "\(files)")
                    Secrets.scanner.scan(
                        handler.entries.map { "\($0.level) \($0.message) \($0.metadata)" }.joined(separator: "\n"),
                        "the library's trace logs")
                    withExtendedLifetime(store) {}
                }
            }
        }

        @Test func writeCommandsAndTheBulkRejectJournalLeakNothing() async throws {
            try await withTrackerSandbox(Self.sandboxConfiguration()) { sandbox in
                try await withScratchFolder { folder in
                    let journal = folder.appendingPathComponent("journal.jsonl").path
                    let upload = folder.appendingPathComponent("cv.txt")
                    try Data("curriculum vitae".utf8).write(to: upload)
                    let target = try #require(sandbox.control.statuses.last)
                    let commands: [[String]] = [
                        ["applications", "move", "5", target, "--known-stage", target, "--json"],
                        ["applications", "reject", "6", "--reason", "Filled", "--json"],
                        ["applications", "bulk-reject", "7", "8", "9", "999999", "--journal", journal, "--json"],
                        ["applications", "bulk-reject", "7", "8", "10", "--journal", journal],
                        ["notes", "add", "--application", "11", "Called back", "--json"],
                        ["files", "upload", "--application", "12", upload.path, "--json"],
                        ["actions", "run", "tag_app", "app_id=12", "tag_text=vip", "--wait", "--json"],
                        ["custom-fields", "set", "--application", "13", "years_experience=4"],
                        ["jobs", "get", "999999"],
                    ]
                    for command in commands {
                        let trace = await runCommand(
                            command + Self.credentials(sandbox) + ["--log-level", "trace"])
                        #expect(
                            trace.failure == nil || command.contains("999999"),
                            "\(command.prefix(2)): \(trace.failure ?? "")")
                        #expect(!trace.logEntries.isEmpty, "\(command.prefix(2)) logged at trace")
                        trace.scan("ats \(command.prefix(2).joined(separator: " "))")
                    }
                    let names = try Secrets.scanner.scanFolder(folder, "the write commands' folder:")
                    #expect(names.contains("journal.jsonl"))
                }
            }
        }

        @Test func aFleetSyncLeaksNothing() async throws {
            try await withTrackerSandbox(Self.sandboxConfiguration()) { sandbox in
                try await withScratchFolder { folder in
                    let file = folder.appendingPathComponent("fleet.json")
                    let accounts = """
                        [{"name": "north", "base_url": "\(sandbox.baseURL)", "api_key": "\(Secrets.apiKey)",
                          "api_password_env": "NORTH_PASSWORD"},
                         {"name": "south", "base_url": "\(sandbox.baseURL)", "api_key": "\(Secrets.apiKey)",
                          "api_password_env": "SOUTH_PASSWORD"},
                         {"name": "west", "base_url": "\(sandbox.baseURL)", "api_key": "\(Secrets.apiKey)",
                          "api_password_env": "WEST_PASSWORD"}]
                        """
                    try Data(accounts.utf8).write(to: file)
                    let environment = [
                        "NORTH_PASSWORD": Secrets.apiPassword, "SOUTH_PASSWORD": Secrets.apiPassword,
                        // West's password is wrong: its failure must not show either password.
                        "WEST_PASSWORD": Secrets.apiPassword + "-stale",
                    ]
                    let mirror = folder.appendingPathComponent("mirror")
                    try FileManager.default.createDirectory(at: mirror, withIntermediateDirectories: true)
                    Self.scriptFaults(sandbox)
                    let trace = await runCommand(
                        [
                            "sync", "--accounts", file.path, "--database",
                            mirror.appendingPathComponent("fleet.sqlite").path,
                            "--log-level", "trace", "--json", "--quiet",
                        ], environment: environment)
                    #expect(trace.failure?.contains("1 of 3 accounts failed") == true, "\(trace.failure ?? "")")
                    #expect(trace.lines.count == 2)
                    #expect(trace.logEntries.count > 20)
                    trace.scan("ats sync --accounts")
                    try Secrets.scanner.scanFolder(mirror, "the fleet's SQLite mirror:")
                }
            }
        }

        /// Every failure a person can meet with a password in play: a wrong API password, an
        /// unreachable API, a password inside the base URL, unusable or unreachable database URLs
        /// with a password in them. The message and the logs of each are scanned.
        @Test func errorMessagesNeverCarryAPassword() async throws {
            try await withTrackerSandbox(Self.sandboxConfiguration()) { sandbox in
                try await withScratchFolder { folder in
                    let sqlite = folder.appendingPathComponent("mirror.sqlite").path
                    let database = "postgres://trust:\(Secrets.databasePassword)@127.0.0.1"
                    let stale = Secrets.apiPassword + "-stale"
                    let runs: [(String, [String])] = [
                        (
                            "a wrong API password",
                            [
                                "sync", "--base-url", sandbox.baseURL, "--api-key", Secrets.apiKey, "--api-password",
                                stale,
                                "--database", sqlite,
                            ]
                        ),
                        (
                            "a wrong API password (read)",
                            [
                                "jobs", "list", "--base-url", sandbox.baseURL, "--api-key", Secrets.apiKey,
                                "--api-password",
                                stale,
                            ]
                        ),
                        (
                            "an unreachable API",
                            [
                                "sync", "--base-url", "http://127.0.0.1:9/api/v1", "--api-key", Secrets.apiKey,
                                "--api-password", Secrets.apiPassword, "--database", sqlite,
                            ]
                        ),
                        (
                            "a password in the base URL",
                            [
                                "jobs", "list", "--base-url",
                                "https://\(Secrets.apiKey):\(Secrets.apiPasswordInURL)@api.example.invalid/api/v1",
                                "--api-key", Secrets.apiKey, "--api-password", Secrets.apiPassword,
                            ]
                        ),
                        (
                            "an unreachable database",
                            ["sync"] + Self.credentials(sandbox) + ["--database", database + ":9/mirror"]
                        ),
                        (
                            "a database URL without a database",
                            ["sync"] + Self.credentials(sandbox) + ["--database", database]
                        ),
                        (
                            "a database URL without a host",
                            ["sync"] + Self.credentials(sandbox) + [
                                "--database", "postgres://trust:\(Secrets.databasePassword)@/mirror",
                            ]
                        ),
                        (
                            "a database URL with a bad port",
                            ["sync"] + Self.credentials(sandbox) + ["--database", database + ":port/mirror"]
                        ),
                    ]
                    for (what, arguments) in runs {
                        let trace = await runCommand(
                            arguments
                                + ["--log-level", "trace", "--quiet"].filter {
                                    arguments.first == "sync" || $0 != "--quiet"
                                })
                        #expect(trace.failure != nil, "\(what) was not reported")
                        trace.scan(what)
                        #expect(!(trace.failure ?? "").contains(stale), "\(what)")
                    }
                }
            }
        }
    }
}

extension SecretsAndTrust.SecretsScanTests {
    /// The scanner itself: each form of each secret is found where it is, and nothing is found in
    /// text without them (so a scan that passes means something).
    @Test func theScannerFindsEveryFormOfASecret() {
        let scanner = Secrets.scanner
        let planted: [(String, String)] = [
            ("plain", "x \(Secrets.apiPassword) y"),
            (
                "basic",
                "Authorization: Basic " + Data("\(Secrets.apiKey):\(Secrets.apiPassword)".utf8).base64EncodedString()
            ),
            ("percent", "https://k:\(Secrets.apiPasswordInURL)@host/"),
            ("json", #"{"p":"Zq9-s3cr3t-Pa55-w\u00f6rd"}"#),
            ("cut short", "excerpt: Zq9-s3cr3t-Pa55-w…"),
            ("database", "postgres://u:\(Secrets.databasePassword)@h/d"),
            ("database, cut", "…v4ult-Kx2q"),
        ]
        for (what, text) in planted {
            #expect(!scanner.leaks(in: Array(text.utf8)).isEmpty, "\(what) was not found")
        }
        #expect(scanner.leaks(in: Array("key-7f3a <redacted> postgres://u:***@h/d s3cr3t".utf8)).isEmpty)
    }
}
