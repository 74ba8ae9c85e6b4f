import ATSSyncSQLite
import Foundation
import TrackerATS

/// The statuses a SQLite mirror has seen for the account, given to a client as known statuses, so
/// that a command next to a mirror does not have to learn them from Tracker.
enum MirrorStatuses {
    /// Tells the client the statuses of the resolved mirror's applications, when it is a SQLite
    /// mirror that exists; the mirror is opened read-only and anything unreadable is skipped (the
    /// client then learns the statuses from Tracker).
    static func observe(in connection: ConnectionOptions.Connection, client: TrackerATSClient) async {
        let stages = stages(settings: connection.settings, account: SyncRunner.accountName(nil, connection: connection))
        guard !stages.isEmpty else { return }
        await client.metadata.observe(statuses: stages)
    }

    /// The stages of the resolved SQLite mirror's applications for an account, most used first;
    /// empty without a SQLite mirror, or when it cannot be read.
    static func stages(settings: ResolvedSettings?, account: String) -> [String] {
        guard let database = settings?.text(.database), !database.lowercased().hasPrefix("postgres"),
            FileManager.default.fileExists(atPath: database)
        else { return [] }
        return (try? SQLiteMirrorFacts.stages(path: database, account: account)) ?? []
    }
}
