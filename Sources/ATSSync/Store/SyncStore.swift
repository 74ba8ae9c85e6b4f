public import ATSCore
public import Foundation

/// Where the sync engine keeps the mirror: rows, stream states and stage history.
///
/// Implementations (SQLite, PostgreSQL, memory) must make each method one transaction: a page's
/// rows and the state that records them are written together or not at all, which is what lets a
/// run killed at any moment resume without losing or duplicating a record.
public protocol SyncStore: Sendable {
    /// Creates or migrates the schema. Safe to call on every start.
    /// - Throws: When the database cannot be opened or migrated.
    func prepare() async throws

    /// Records which provider an account's rows come from, the first time the account is synced, and
    /// refuses when the mirror already holds the account under another provider: one mirror can hold
    /// accounts of several providers, but never one account's rows from two. One transaction.
    /// - Parameters:
    ///   - account: The account's name in the mirror.
    ///   - provider: The provider the sync reads.
    /// - Throws: ``SyncError`` (``SyncError/accountBelongsToAnotherProvider(account:owner:requested:)``)
    ///   when another provider owns the account, then nothing is written; or when the database fails.
    func claimAccount(_ account: String, provider: ATSProvider) async throws

    /// Every account the mirror holds, with the provider its rows come from. Accounts a release
    /// before providers were recorded had synced belong to `tracker`.
    /// - Returns: The providers by account name.
    /// - Throws: When the database cannot be read.
    func accountProviders() async throws -> [String: ATSProvider]

    /// The remembered state of a stream for an account, or a fresh one.
    /// - Parameters:
    ///   - stream: The stream.
    ///   - account: The account whose mirror this is.
    /// - Returns: The stored state.
    /// - Throws: When the database cannot be read.
    func state(of stream: SyncStreamName, account: String) async throws -> StreamState

    /// Stores a state without rows, as when a window begins or restarts.
    /// - Throws: When the database cannot be written.
    func save(_ state: StreamState, account: String) async throws

    /// Upserts a page of records and saves the state that follows it, in one transaction.
    ///
    /// A record whose `updatedAt` and raw payload equal the stored row's is unchanged (this is how
    /// the look-back's overlap is de-duplicated); every stored row is stamped with `scanID` and
    /// `seenAt`, and a row that was marked deleted is restored.
    /// - Parameters:
    ///   - records: The page's records.
    ///   - stream: Their stream.
    ///   - account: The account.
    ///   - scanID: The run's scan id.
    ///   - seenAt: When the page was read.
    ///   - state: The stream's state after this page.
    ///   - derivations: The derived streams built from this one: queue the group (old and new value
    ///     of the group column) of every row inserted, changed or restored.
    /// - Returns: What the page changed.
    /// - Throws: When the transaction fails; then nothing of it was written.
    func commit(
        _ records: [SyncRecord],
        stream: SyncStreamName,
        account: String,
        scanID: String,
        seenAt: Date,
        state: StreamState,
        derivations: [StreamDerivation]
    ) async throws -> PageOutcome

    /// Completes a window: saves the state and, after a complete full scan, marks as deleted every row
    /// of the stream the scan missed (``ReconcilingScan/missed(scanID:lastSeenAt:)``: not stamped
    /// with its id, and last seen no later than it started) — in one transaction.
    /// - Parameters:
    ///   - state: The stream's state after ``StreamState/completeWindow()``.
    ///   - account: The account.
    ///   - reconcilingScan: A complete full scan, or nil to mark nothing deleted.
    ///   - at: The deletion time to record.
    ///   - derivations: The derived streams built from this one: queue the group of every row marked
    ///     deleted.
    /// - Returns: How many rows were newly marked deleted.
    /// - Throws: When the transaction fails; then nothing of it was written.
    func complete(
        _ state: StreamState,
        account: String,
        reconcilingScan: ReconcilingScan?,
        at: Date,
        derivations: [StreamDerivation]
    ) async throws -> Int

    // MARK: Derived streams

    /// Queued groups of a derived stream, at most `limit` of them, in a stable order.
    /// - Parameters:
    ///   - derivation: The derived stream.
    ///   - account: The account.
    ///   - after: Only groups after this one in that order (nil: from the first), so that the engine
    ///     can read the next batch while the previous one is still being committed.
    ///   - limit: The most groups to return.
    /// - Throws: When the database cannot be read.
    func queuedGroups(for derivation: StreamDerivation, account: String, after: String?, limit: Int) async throws
        -> [String]

    /// Queues every group of the source's live and deleted rows, to rebuild the derived stream whole
    /// (a full scan does this, so that a derived table can always be brought back in line).
    /// - Throws: When the database cannot be written.
    func queueAllGroups(for derivation: StreamDerivation, account: String) async throws

    /// The live (not deleted) source rows of some groups.
    /// - Returns: Each group that has live rows, with them ordered by id; groups without are absent.
    /// - Throws: When the database cannot be read.
    func liveSourceRows(
        for derivation: StreamDerivation,
        groups: [String],
        account: String
    ) async throws -> [String: [StoredRow]]

    /// Stores rebuilt groups in one transaction: upserts `records` (whose ids are groups), marks
    /// deleted every other of `groups` that has a row, and removes `groups` from the queue.
    /// - Returns: What changed; ``PageOutcome/deleted`` counts the groups marked deleted.
    /// - Throws: When the transaction fails; then nothing of it was written and the groups stay queued.
    func commitDerived(
        _ records: [SyncRecord],
        for derivation: StreamDerivation,
        groups: [String],
        account: String,
        scanID: String,
        seenAt: Date
    ) async throws -> PageOutcome

    /// Every stored row of a stream, deleted ones included, ordered by id: for verification, tests and
    /// `ats sync --verify`, not for hot paths (it reads the whole table).
    /// - Throws: When the database cannot be read.
    func storedRows(of stream: SyncStreamName, account: String) async throws -> [StoredRow]

    /// The recorded stage changes of a stream's records, oldest first.
    /// - Throws: When the database cannot be read.
    func stageHistory(of stream: SyncStreamName, account: String) async throws -> [StageChange]

    /// Live (not deleted) rows of a stream whose update time is empty, ordered by id: rows whose
    /// instants the source could not place when it stored them (a naive local time without a known
    /// time zone), to derive them again from their stored JSON. Uses the `updated_at` index.
    /// - Parameters:
    ///   - stream: The stream.
    ///   - account: The account.
    ///   - after: Only rows whose id comes after this one (nil: from the first).
    ///   - limit: The most rows to return.
    /// - Throws: When the database cannot be read.
    func liveRowsWithoutUpdateTime(of stream: SyncStreamName, account: String, after: String?, limit: Int)
        async throws -> [StoredRow]
}

extension SyncStore {
    /// The first queued groups of a derived stream, at most `limit` of them.
    /// - Throws: When the database cannot be read.
    public func queuedGroups(for derivation: StreamDerivation, account: String, limit: Int) async throws -> [String] {
        try await queuedGroups(for: derivation, account: account, after: nil, limit: limit)
    }
}

/// A stored row as every store reports it.
public struct StoredRow: Hashable, Sendable {
    /// The provider's id.
    public var id: String
    /// The record's update time.
    public var updatedAt: Date?
    /// The provider's JSON.
    public var raw: String
    /// When a complete scan no longer found it.
    public var deletedAt: Date?

    /// Creates a stored row.
    public init(id: String, updatedAt: Date?, raw: String, deletedAt: Date?) {
        self.id = id
        self.updatedAt = updatedAt
        self.raw = raw
        self.deletedAt = deletedAt
    }
}

/// One observed change of a record's stage.
public struct StageChange: Hashable, Sendable {
    /// The record's id.
    public var id: String
    /// The stage before, or nil for a record first seen.
    public var from: String?
    /// The stage after.
    public var to: String?
    /// When the change was observed.
    public var observedAt: Date

    /// Creates a stage change.
    public init(id: String, from: String?, to: String?, observedAt: Date) {
        self.id = id
        self.from = from
        self.to = to
        self.observedAt = observedAt
    }
}

/// What one committed page changed in the mirror.
public struct PageOutcome: Hashable, Sendable, Codable {
    /// Rows that did not exist.
    public var inserted = 0
    /// Rows whose cursor or payload changed.
    public var changed = 0
    /// Rows already stored exactly (the look-back's overlap, or a page read twice).
    public var unchanged = 0
    /// Rows that had been marked deleted and are back.
    public var restored = 0
    /// Stage changes recorded in the stage history.
    public var stageChanges = 0
    /// Derived rows marked deleted because their group has no live source row left.
    public var deleted = 0

    /// An outcome with every count zero.
    public init() {}

    /// Adds another outcome's counts to this one.
    public mutating func add(_ other: PageOutcome) {
        inserted += other.inserted
        changed += other.changed
        unchanged += other.unchanged
        restored += other.restored
        stageChanges += other.stageChanges
        deleted += other.deleted
    }
}
