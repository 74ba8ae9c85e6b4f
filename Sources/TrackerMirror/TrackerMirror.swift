public import ATSSync
import ATSSyncSQLite
public import Logging
public import TrackerAPI
import TrackerATS
import TrackerSync

/// Mirrors a Tracker account into a local database in one call: the library form of `ats sync`.
///
/// ```swift
/// let report = try await TrackerMirror.sync(account, intoSQLite: "tracker.sqlite")
/// ```
///
/// Each call reads only what changed since the last completed run on the same mirror (the first
/// reads everything), derives candidates from the applications, and resumes from the last committed
/// page when an earlier run was interrupted. The tables are described in `docs/SCHEMA.md`.
public enum TrackerMirror {
    /// Runs every stream of a Tracker account once into a SQLite mirror, creating the file (readable
    /// by its owner only) and its tables when they do not exist yet.
    ///
    /// A SQLite mirror has one writer: the call holds the mirror's lock (the same one `ats sync`
    /// takes) from before the file is opened until the run ends.
    /// - Parameters:
    ///   - account: How to reach the account. Give its `accountTimeZone` when it answers in local
    ///     time, or local times are stored without an instant until a run that knows the zone.
    ///   - path: The SQLite file.
    ///   - accountName: The account's name in the mirror; by default a name made from the base URL,
    ///     the company and a short digest of the API key (never the key itself).
    ///   - fullScan: Whether to read everything and mark records that are gone as deleted.
    ///   - lockWait: How long to wait for another sync of the same file to finish: `.zero` (the
    ///     default) refuses at once, `nil` waits as long as it takes.
    ///   - logger: Where the sync logs; silent by default.
    /// - Returns: What each stream did.
    /// - Throws: `SQLiteMirrorLock.Busy` when another sync holds the file, `SQLiteStoreError` when
    ///   the file is not a mirror or cannot be opened, `SyncError` and `TrackerAPIError` from the run.
    public static func sync(
        _ account: TrackerAPI.Configuration,
        intoSQLite path: String,
        accountName: String? = nil,
        fullScan: Bool = false,
        lockWait: Duration? = .zero,
        logger: Logger = TrackerAPI.loggingDisabled
    ) async throws -> SyncRunReport {
        try await SQLiteMirrorLock.withLock(mirror: path, waitingUpTo: lockWait) {
            let store = try SQLiteSyncStore(path: path)
            defer { try? store.close() }
            try await store.prepare()
            return try await sync(account, into: store, accountName: accountName, fullScan: fullScan, logger: logger)
        }
    }

    /// Runs every stream of a Tracker account once into any store (a prepared `SQLiteSyncStore` or
    /// `PostgresSyncStore`, or an `InMemorySyncStore`).
    ///
    /// The caller makes sure no other sync writes the same account of the same store meanwhile.
    /// - Parameters:
    ///   - account: How to reach the account.
    ///   - store: The mirror, its tables prepared.
    ///   - accountName: The account's name in the mirror (see ``sync(_:intoSQLite:accountName:fullScan:lockWait:logger:)``).
    ///   - fullScan: Whether to read everything and mark records that are gone as deleted.
    ///   - logger: Where the sync logs; silent by default.
    /// - Returns: What each stream did.
    /// - Throws: `SyncError` and `TrackerAPIError` from the run.
    public static func sync(
        _ account: TrackerAPI.Configuration,
        into store: any SyncStore,
        accountName: String? = nil,
        fullScan: Bool = false,
        logger: Logger = TrackerAPI.loggingDisabled
    ) async throws -> SyncRunReport {
        let api = try TrackerAPI(configuration: account)
        let source = TrackerSyncSource(
            api: api,
            account: accountName ?? TrackerAccountName.of(account),
            // The same candidate ids as TrackerATSClient and `ats sync` derive for this account.
            identity: CandidateIdentity(apiKey: account.apiKey, companyID: account.companyID?.rawValue),
            accountTimeZone: account.accountTimeZone
        )
        let engine = SyncEngine(source: source, store: store, logger: logger)
        do {
            let report = try await engine.run(source.streams, fullScan: fullScan)
            try await api.shutdown()
            return report
        } catch {
            try? await api.shutdown()
            throw error
        }
    }
}
