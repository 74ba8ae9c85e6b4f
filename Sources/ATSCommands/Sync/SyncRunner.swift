import ATSSync
import Foundation
import Logging
import TrackerAPI
import TrackerSync

/// One Tracker account, one mirror: makes the source and the engine and runs them.
struct SyncRunner {
    let connection: ConnectionOptions.Connection
    let store: any SyncStore
    let account: String
    let streams: [SyncStreamName]
    let progress: SyncProgressDisplay?
    let logger: Logger

    /// The account's name in the mirror: `--account`, "sandbox" for the embedded sandbox (whose
    /// port changes every run), or the name ``TrackerAccountName`` derives.
    static func accountName(_ given: String?, connection: ConnectionOptions.Connection) -> String {
        if let given, !given.isEmpty { return given }
        return connection.sandbox == nil ? TrackerAccountName.of(connection.configuration) : "sandbox"
    }

    /// Runs every stream once with a new API client.
    /// - Parameter full: Whether to read everything and reconcile deletions.
    /// - Returns: The run's report.
    func run(full: Bool) async throws -> SyncRunReport {
        let api = try TrackerAPI(configuration: connection.configuration)
        do {
            let report = try await run(full: full, api: api)
            try await api.shutdown()
            return report
        } catch {
            try? await api.shutdown()
            throw error
        }
    }

    private func run(full: Bool, api: TrackerAPI) async throws -> SyncRunReport {
        let source = TrackerSyncSource(
            api: api, account: account, identity: connection.identity, accountTimeZone: connection.timeZone)
        var engine = SyncEngine(source: source, store: store, logger: logger)
        if let progress {
            engine.onProgress = { progress.update($0) }
        }
        defer { progress?.finish() }
        return try await engine.run(streams, fullScan: full)
    }
}
