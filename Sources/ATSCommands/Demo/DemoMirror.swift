import ATSSyncSQLite
import Foundation

extension DemoRun {
    /// Opens the demo's mirror the way every provider's demo must: a file that is not an ATSKit
    /// mirror is refused, the mirror is locked against a sync, only an earlier demo's mirror is
    /// replaced, and the new one is marked as a demo's.
    /// - Parameters:
    ///   - database: `--database` as given.
    ///   - body: The demo, given the prepared store and the mirror's full path.
    static func withDemoMirror(
        database: String, _ body: (SQLiteSyncStore, String) async throws -> Void
    ) async throws {
        let path = URL(fileURLWithPath: database).standardizedFileURL.path
        try SQLiteFileCheck.check(path)
        try await SQLiteMirrorLock.withLock(mirror: path) {
            if try checkReplaceable(path) { try removeOldDemo(at: path) }
            let store = try SQLiteSyncStore(path: path)
            try await store.prepare()
            try await store.markAsDemo()
            try await body(store, path)
        }
    }
}
