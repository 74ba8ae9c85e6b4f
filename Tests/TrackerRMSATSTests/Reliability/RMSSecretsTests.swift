import ATSCore
import ATSSync
import ATSTestSupport
import Foundation
import Logging
import Synchronization
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// The secrets suite's Tracker RMS part: the API key, the username and password and the REST
/// token never appear in an error, a log line at trace level (message or metadata) or a run
/// report, on every failure path: wrong key, wrong password (status 1), inactive user (status 2),
/// HTML, dropped connections, HTTP 5xx and status 99 that outlast the retries.
@Suite struct RMSSecretsTests {
    /// A failure path: the credentials to use and what the sandbox does.
    struct Path: CustomTestStringConvertible, Sendable {
        var name: String
        var credentials: @Sendable (RunningRMSSandbox) -> TrackerRMSCredentials
        var faults: [RMSSandboxFault]
        var testDescription: String { name }
    }

    static let wrongKey = "rms-wrong-key-5d1e77"
    static let wrongPassword = "rms-wrong-password-0c2b"

    static let paths: [Path] = [
        Path(name: "wrong API key", credentials: { _ in .apiKey(wrongKey) }, faults: []),
        Path(
            name: "wrong password (status 1)",
            credentials: { .usernamePassword(username: $0.username, password: wrongPassword) }, faults: []),
        Path(
            name: "inactive user (status 2)",
            credentials: {
                .usernamePassword(username: RMSSandboxConfiguration.inactiveUsername, password: $0.password)
            }, faults: []),
        Path(name: "HTML with 200", credentials: { .apiKey($0.apiKey) }, faults: [.htmlSuccess]),
        Path(name: "HTML with 502", credentials: { .apiKey($0.apiKey) }, faults: [.badGatewayHTML]),
        Path(name: "dropped connection", credentials: { .apiKey($0.apiKey) }, faults: [.droppedConnection]),
        Path(name: "HTTP 500", credentials: { .apiKey($0.apiKey) }, faults: [.serverError]),
        Path(
            name: "status 99 storm", credentials: { .usernamePassword(username: $0.username, password: $0.password) },
            faults: [.status99]),
    ]

    @Test func noSecretInErrorsLogsOrReportsOnAnyFailurePath() async throws {
        var scanned = (lines: 0, texts: 0, found: 0)
        for path in Self.paths {
            let counts = try await Self.check(path)
            scanned.lines += counts.lines
            scanned.texts += counts.texts
            scanned.found += counts.found
        }
        ReliabilityRun.publish(
            suite: "secrets (tracker-rms)",
            [
                "failure_paths": Self.paths.count, "log_lines_scanned": scanned.lines, "texts_scanned": scanned.texts,
                "secrets_found": scanned.found,
            ])
    }

    /// Runs one failure path; returns how many log lines and texts it scanned and how many held a secret.
    static func check(_ path: Path) async throws -> (lines: Int, texts: Int, found: Int) {
        let lines = CapturedLines()
        let logger: Logger = {
            var logger = Logger(label: "rms-secrets") { _ in CapturingLogHandler(lines: lines) }
            logger.logLevel = .trace
            return logger
        }()
        return try await withTrackerRMSSandbox(rmsSandbox()) { sandbox in
            let secrets = [
                sandbox.apiKey, sandbox.password, sandbox.restToken, Self.wrongKey, Self.wrongPassword,
            ]
            // Every request fails the same way, more times than the client retries.
            sandbox.control.scriptFaults(Array(repeating: path.faults, count: 20).flatMap { $0 })
            var texts: [String] = []
            do {
                texts = try await TrackerRMSATSClient.withClient(
                    baseURL: sandbox.baseURL, credentials: path.credentials(sandbox),
                    accountTimeZone: TimeZone(identifier: "America/Chicago"), restToken: sandbox.restToken,
                    settings: .init(placementListing: .complete, logger: logger),
                    configure: { wire in
                        wire.logger = logger
                        wire.retryPolicy = RMSRetryPolicy(
                            maximumAttempts: 3, initialBackoff: .milliseconds(1), maximumBackoff: .milliseconds(2),
                            overallTimeout: .seconds(30))
                    }
                ) { client in
                    var texts: [String] = []
                    do {
                        _ = try await client.allApplicationStages()
                        texts.append("no error from allApplicationStages")
                    } catch {
                        texts += [String(describing: error), String(reflecting: error), error.localizedDescription]
                    }
                    let source = TrackerRMSSyncSource(client: client, account: "rms-secrets", pageSize: 10)
                    do {
                        let report = try await SyncEngine(
                            source: source, store: InMemorySyncStore(), planner: WindowPlanner(fullScanInterval: nil)
                        ).run(source.streams)
                        texts.append(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
                        texts.append(String(describing: report))
                    } catch {
                        texts += [String(describing: error), String(reflecting: error), error.localizedDescription]
                    }
                    return texts
                }
            } catch {
                texts += [String(describing: error), String(reflecting: error)]
            }
            let logged = lines.all
            #expect(!logged.isEmpty, "\(path.name): the client logged at trace level")
            #expect(texts.contains { !$0.isEmpty }, "\(path.name): the failure was reported")
            for secret in secrets {
                for text in texts { #expect(!text.contains(secret), "\(path.name): a secret in \(text.prefix(300))") }
                for line in logged { #expect(!line.contains(secret), "\(path.name): a secret in the log: \(line)") }
            }
            let found = secrets.reduce(0) { total, secret in
                total + (texts + logged).count { $0.contains(secret) }
            }
            return (logged.count, texts.count, found)
        }
    }
}

/// Log lines kept for a test to read.
final class CapturedLines: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var all: [String] { storage.withLock { $0 } }
}

/// A log handler that keeps every line with its metadata.
struct CapturingLogHandler: LogHandler {
    let lines: CapturedLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        lines.append("\(event.level) \(event.message) \(all) \(event.source) \(event.file):\(event.line)")
    }
}
