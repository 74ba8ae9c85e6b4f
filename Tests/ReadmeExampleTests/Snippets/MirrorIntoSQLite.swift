import ATSSync
import TrackerAPI
import TrackerMirror

/// Mirrors the account into a SQLite file: all of it the first time, what changed since afterwards.
func mirror(_ account: TrackerAPI.Configuration, into path: String) async throws {
    let report = try await TrackerMirror.sync(account, intoSQLite: path)
    for stream in report.streams {
        print(stream.stream, stream.records, stream.completed ? "complete" : "to be resumed")
    }
}
