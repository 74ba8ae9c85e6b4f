import ATSSync
import ATSSyncSQLite
import Foundation
import Testing
import TrackerAPI
import TrackerMirror
import TrackerSandbox

/// The one-call facade behind the README's mirroring example.
@Suite struct TrackerMirrorTests {
    @Test func aSecondRunReadsOnlyWhatChangedAndStoresTheChange() async throws {
        try await withTrackerSandbox(SandboxConfiguration(jobCount: 5, applicationCount: 80)) { sandbox in
            let account = Self.account(sandbox)
            let store = InMemorySyncStore()
            let first = try await TrackerMirror.sync(account, into: store, accountName: "acme")
            let applications = try #require(first.streams.first { $0.stream == .applications })
            #expect(applications.records == sandbox.control.applications().count)
            #expect(!applications.isIncremental)
            #expect(first.streams.allSatisfy { $0.completed })

            _ = sandbox.control.mutate(count: 5)
            let second = try await TrackerMirror.sync(account, into: store, accountName: "acme")
            let again = try #require(second.streams.first { $0.stream == .applications })
            #expect(again.isIncremental)
            #expect(again.records < applications.records)
            let stored = Set(store.rows(of: .applications, account: "acme").keys)
            #expect(Set(sandbox.control.applications().map { String($0.id) }).isSubset(of: stored))
        }
    }

    /// One writer per SQLite mirror: while another sync holds the file, the call is refused at once
    /// and writes nothing.
    @Test func aMirrorAnotherSyncHoldsIsRefusedAndLeftAlone() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "mirror-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "tracker.sqlite").path
        try await withTrackerSandbox(SandboxConfiguration(jobCount: 3, applicationCount: 20)) { sandbox in
            try await SQLiteMirrorLock.withLock(mirror: path) {
                await #expect(throws: SQLiteMirrorLock.Busy.self) {
                    try await TrackerMirror.sync(Self.account(sandbox), intoSQLite: path)
                }
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    private static func account(_ sandbox: RunningSandbox) -> TrackerAPI.Configuration {
        TrackerAPI.Configuration(
            baseURL: sandbox.baseURL,
            apiKey: sandbox.apiKey,
            apiPassword: sandbox.apiPassword,
            accountTimeZone: sandbox.control.behavior.timeZone,
            rateLimit: nil
        )
    }
}
