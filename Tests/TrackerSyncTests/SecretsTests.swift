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

/// The API password must never reach a log line (at any level), an error, a run report or the
/// mirror's files. These tests give it a value that cannot appear by accident and look for it, in
/// plain text and in the encodings that would leak it too (Basic auth's base64, percent-encoding).
@Suite struct SecretsTests {
    static let password = "Zq9-s3cr3t-Pa55-wörd"
    static let key = "key-7f3a"

    static var forbidden: [String] {
        [
            password,
            Data("\(key):\(password)".utf8).base64EncodedString(),
            password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password,
        ]
    }

    static func expectNoSecret(in text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in forbidden {
            #expect(!text.contains(secret), "\(what) contains the password", sourceLocation: sourceLocation)
        }
    }

    @Test func aSyncLogsTracesAndStoresNoPassword() async throws {
        var configuration = SandboxConfiguration(jobCount: 4, applicationCount: 150)
        configuration.apiKey = Self.key
        configuration.apiPassword = Self.password
        configuration.behavior.faultRate = 0.2
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-secrets-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mirror.sqlite").path
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "secrets") { _ in handler }
        logger.logLevel = .trace

        try await withTrackerSandbox(configuration) { sandbox in
            var settings = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: Self.key, apiPassword: Self.password, pageSize: 40, logger: logger)
            settings.retryPolicy.maximumAttempts = 10
            settings.retryPolicy.initialBackoff = .milliseconds(1)
            settings.retryPolicy.maximumBackoff = .milliseconds(5)
            settings.rateLimit = nil
            Self.expectNoSecret(in: "\(settings)", "the configuration's description")
            let store = try SQLiteSyncStore(path: path)
            let report = try await TrackerAPI.withTrackerAPI(configuration: settings) { api in
                let source = TrackerSyncSource(
                    api: api, account: "secrets", identity: CandidateIdentity(apiKey: Self.key, companyID: nil),
                    accountTimeZone: configuration.behavior.timeZone)
                return try await SyncEngine(source: source, store: store, logger: logger).run(source.streams)
            }
            let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
            Self.expectNoSecret(in: json, "the run report")

            // A wrong password: the error says so without echoing either password.
            var wrong = settings
            wrong.apiPassword = Self.password + "-wrong"
            let failure = await #expect(throws: TrackerAPIError.self) {
                try await TrackerAPI.withTrackerAPI(configuration: wrong) { api in
                    _ = try await api.jobs.get(TrackerJobID(rawValue: "1"))
                }
            }
            Self.expectNoSecret(in: "\(failure.map { "\($0)" } ?? "")", "the authentication error")
            #expect(!"\(failure.map { "\($0)" } ?? "")".contains(Self.password + "-wrong"))
        }

        let logged = handler.entries.map { "\($0.message) \($0.metadata ?? [:])" }.joined(separator: "\n")
        #expect(handler.entries.count > 50, "trace logging was on")
        Self.expectNoSecret(in: logged, "the logs")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
            Self.expectNoSecret(in: String(decoding: bytes, as: UTF8.self), "the mirror file \(file)")
        }
    }
}
