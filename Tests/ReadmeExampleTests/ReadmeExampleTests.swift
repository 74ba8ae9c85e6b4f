import ATSCore
import Foundation
import GRDB
import Testing
import TrackerAPI
import TrackerSandbox

/// The README's "Use it from Swift" examples: each file under Snippets/ is one of its code blocks,
/// word for word, so the examples compile with every build and run here against the sandbox.
@Suite struct ReadmeExampleTests {
    private static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    @Test func everySnippetIsACodeBlockOfTheREADME() throws {
        let readme = try String(
            contentsOf: Self.directory.appending(path: "../../README.md").standardizedFileURL, encoding: .utf8)
        let snippets = try FileManager.default.contentsOfDirectory(
            at: Self.directory.appending(path: "Snippets"), includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "swift" }
        #expect(snippets.count == 4)
        for snippet in snippets {
            let code = try String(contentsOf: snippet, encoding: .utf8)
            #expect(
                readme.contains("```swift\n" + code + "```\n"),
                """
                \(snippet.lastPathComponent) is not a code block of README.md: copy it there (or the README's \
                version here) so that the README shows code that compiles.
                """)
        }
    }

    @Test func theAccountExampleNamesTheProductionHostAndTheZone() {
        let account = trackerAccount(apiKey: "key", apiPassword: "password")
        #expect(account.baseURL == "https://api.applicant-tracking.com/api/v1")
        #expect(account.accountTimeZone?.identifier == "America/Chicago")
    }

    @Test func streamingChangedApplicationsReturnsEveryApplicationChangedSinceTheDate() async throws {
        try await withExampleSandbox(applications: 150) { account, sandbox in
            let applications = sandbox.control.applications()
            let all = try await applicationsChanged(since: Date(timeIntervalSince1970: 0), in: account)
            #expect(all.map(\.id.rawValue).sorted() == applications.map { String($0.id) }.sorted())

            let updates = applications.map(\.updatedAt).sorted()
            let since = updates[updates.count * 9 / 10]
            let recent = Set(try await applicationsChanged(since: since, in: account).map(\.id.rawValue))
            let expected = applications.filter { $0.updatedAt >= since }.map { String($0.id) }
            #expect(!expected.isEmpty)
            // A look-back may bring a few older ones too; none changed since the date is missing.
            #expect(Set(expected).isSubset(of: recent))
        }
    }

    @Test func theGuardedMoveMovesFromScreeningAndRefusesAnApplicationElsewhere() async throws {
        try await withExampleSandbox(applications: 150) { account, sandbox in
            let applications = sandbox.control.applications()
            let screening = try #require(applications.first { $0.status == "Screening" })
            let result = try await moveToInterview(ApplicationID(String(screening.id)), in: account)
            #expect(result.state == .verified)
            #expect(result.previousStage?.name == "Screening")
            #expect(sandbox.control.application(id: screening.id)?.status == "Interview")

            let elsewhere = try #require(applications.first { $0.status == "Offer" })
            let error = try await #require(throws: ATSError.self) {
                try await moveToInterview(ApplicationID(String(elsewhere.id)), in: account)
            }
            #expect(error.code == .conflict)
            #expect(sandbox.control.application(id: elsewhere.id)?.status == "Offer")
        }
    }

    @Test func mirroringFromCodeFillsTheSQLiteFileAndASecondRunKeepsItExact() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "readme-mirror-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "tracker.sqlite").path
        try await withExampleSandbox(applications: 120) { account, sandbox in
            try await mirror(account, into: path)
            try await mirror(account, into: path)
            let counts = try await DatabaseQueue(path: path).read { db in
                (
                    applications: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applications") ?? -1,
                    jobs: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs") ?? -1
                )
            }
            #expect(counts.applications == sandbox.control.applications().count)
            #expect(counts.jobs == sandbox.control.jobs().count)
        }
    }

    /// A sandbox whose actions run at once, and the account configuration that reaches it.
    private func withExampleSandbox(
        applications: Int, _ body: (TrackerAPI.Configuration, RunningSandbox) async throws -> Void
    ) async throws {
        var configuration = SandboxConfiguration(jobCount: 8, applicationCount: applications)
        configuration.behavior.actionDelay = .zero
        try await withTrackerSandbox(configuration) { sandbox in
            let account = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL,
                apiKey: sandbox.apiKey,
                apiPassword: sandbox.apiPassword,
                accountTimeZone: configuration.behavior.timeZone,
                rateLimit: nil
            )
            try await body(account, sandbox)
        }
    }
}
