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
        guard let database = connection.settings?.text(.database), !database.lowercased().hasPrefix("postgres"),
            FileManager.default.fileExists(atPath: database)
        else { return }
        let account = SyncRunner.accountName(nil, connection: connection)
        guard let stages = try? SQLiteMirrorFacts.stages(path: database, account: account), !stages.isEmpty else {
            return
        }
        await client.metadata.observe(statuses: stages)
    }
}
