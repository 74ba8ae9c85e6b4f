public import ATSSync
import ATSSyncPostgres
import ATSSyncSQLite
public import Foundation
import Logging

/// A mirror that a child `ats` writes (its `--database`) and the test then opens to compare: a
/// SQLite file of the test's own, or the PostgreSQL database `ATSKIT_POSTGRES_URL` names (shared by
/// the tests, so each must use an account of its own).
public struct ProcessMirror: Sendable, CustomStringConvertible {
    /// The store.
    public let kind: StoreKind
    /// The `--database` value.
    public let database: String

    /// The stores a process test can give `ats sync`: SQLite, and PostgreSQL when `ATSKIT_POSTGRES_URL` is set.
    public static var kinds: [StoreKind] { StoreKind.available.filter { $0 != .memory } }

    /// A mirror of `kind`: for SQLite, a file in `folder`.
    /// - Throws: ``Unavailable`` for the in-memory store, or PostgreSQL without `ATSKIT_POSTGRES_URL`.
    public init(_ kind: StoreKind, folder: URL) throws {
        self.kind = kind
        switch kind {
        case .sqlite:
            database = folder.appendingPathComponent("mirror.sqlite").path
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"] else {
                throw Unavailable(kind: kind)
            }
            database = url
        case .memory:
            throw Unavailable(kind: kind)
        }
    }

    /// The store's name.
    public var description: String { kind.rawValue }

    /// Opens the mirror for `body` (a connection of the test's own; the child's are separate).
    /// - Parameter body: What to read.
    /// - Returns: What `body` returns.
    /// - Throws: When the mirror cannot be opened; `body`'s errors.
    public func withStore<Result: Sendable>(_ body: (any SyncStore) async throws -> Result) async throws -> Result {
        switch kind {
        case .postgres:
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            return try await withPostgresSyncStore(url: try PostgresDatabaseURL(database), logger: logger) {
                try await body($0)
            }
        default:
            return try await body(try SQLiteSyncStore(path: database))
        }
    }

    /// A store a child process cannot be given.
    public struct Unavailable: Error, CustomStringConvertible {
        /// The store.
        public var kind: StoreKind
        /// What is missing.
        public var description: String { "a child process cannot write a \(kind) mirror here" }
    }
}
