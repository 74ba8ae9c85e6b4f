public import ATSSync
import ATSSyncPostgres
import ATSSyncSQLite
import Foundation
import Logging

/// The stores every mirror scenario runs on: the in-memory reference, SQLite (a file of its own per
/// test) and PostgreSQL when `ATSKIT_POSTGRES_URL` names a database (`.ci/run` starts one). Every
/// test uses its own account, so tests running in parallel share the database without seeing each
/// other.
public enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory
    case sqlite
    case postgres

    /// The stores this run can use: PostgreSQL only when `ATSKIT_POSTGRES_URL` is set.
    public static var available: [StoreKind] {
        ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"] == nil ? [.memory, .sqlite] : allCases
    }

    /// The store's name, as test results show it.
    public var description: String { rawValue }

    /// Runs `body` with a new store of this kind, and removes it afterwards.
    /// - Parameter body: The scenario.
    /// - Throws: When the store cannot be made; `body`'s errors.
    public func withStore(_ body: (any SyncStore) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await body(InMemorySyncStore())
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("atskit-mirror-\(UUID().uuidString).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            try await body(try SQLiteSyncStore(path: path))
        case .postgres:
            let url = try PostgresDatabaseURL(ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"] ?? "")
            // The whole-suite stall (docs/RELIABILITY.md, Known problems) was last seen in the
            // PostgreSQL cases of mirror tests: the watch names the store's phase if it recurs.
            try await PhaseWatch.watching("a test's PostgreSQL store", first: "starting the store") { watch in
                let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
                try await withPostgresSyncStore(url: url, logger: logger) {
                    watch.enter(PhaseWatch.unwatched)
                    defer { watch.enter("shutting the store down") }
                    try await body($0)
                }
            }
        }
    }
}
