import ATSCore
public import Foundation
import Synchronization

/// A ``SyncStore`` in memory: the reference for the database stores' behaviour, and the store of
/// engine tests. Each method is atomic under one lock, as a database transaction would be.
public final class InMemorySyncStore: SyncStore {
    /// One stored row, as the database stores keep it.
    public struct Row: Hashable, Sendable {
        /// The record as last stored.
        public var record: SyncRecord
        /// When the row was first stored.
        public var firstSeenAt: Date
        /// When the row was last seen in a page.
        public var lastSeenAt: Date
        /// The scan that last saw the row.
        public var scanID: String
        /// When the row was marked deleted, or nil.
        public var deletedAt: Date?
    }

    private struct Key: Hashable {
        var account: String
        var stream: SyncStreamName
    }

    private struct Contents {
        var rows: [Key: [String: Row]] = [:]
        var states: [Key: StreamState] = [:]
        var stageHistory: [Key: [StageChange]] = [:]
        /// Queued groups of derived streams.
        var queued: [Key: Set<String>] = [:]

        mutating func queue(_ records: [SyncRecord?], for derivations: [StreamDerivation], account: String) {
            for derivation in derivations {
                let key = Key(account: account, stream: derivation.stream)
                for record in records {
                    if let group = record?.groupValue(derivation.groupColumn) {
                        queued[key, default: []].insert(group)
                    }
                }
            }
        }
    }

    private let contents = Mutex(Contents())
    /// The provider of each account (``claimAccount(_:provider:)``).
    let accountOwners = Mutex<[String: ATSProvider]>([:])

    /// Creates an empty store.
    public init() {}

    /// Does nothing: memory needs no schema.
    public func prepare() async throws {}

    /// The stored state, or a fresh one.
    public func state(of stream: SyncStreamName, account: String) async throws -> StreamState {
        contents.withLock { $0.states[Key(account: account, stream: stream)] } ?? StreamState(stream: stream)
    }

    /// Stores a state.
    public func save(_ state: StreamState, account: String) async throws {
        contents.withLock { $0.states[Key(account: account, stream: state.stream)] = state }
    }

    /// Upserts the records and saves the state atomically.
    public func commit(
        _ records: [SyncRecord],
        stream: SyncStreamName,
        account: String,
        scanID: String,
        seenAt: Date,
        state: StreamState,
        derivations: [StreamDerivation]
    ) async throws -> PageOutcome {
        try upsert(
            records, stream: stream, account: account, scanID: scanID, seenAt: seenAt, state: state,
            derivations: derivations, ignoresOlderVersions: true)
    }

    private func upsert(
        _ records: [SyncRecord],
        stream: SyncStreamName,
        account: String,
        scanID: String,
        seenAt: Date,
        state: StreamState,
        derivations: [StreamDerivation],
        ignoresOlderVersions: Bool
    ) throws -> PageOutcome {
        let key = Key(account: account, stream: stream)
        let schema = StreamSchema.of(stream)
        let rule = RecordUpdateRule(
            ignoresOlderVersions: ignoresOlderVersions, recordsStageChanges: schema?.stageColumn != nil)
        try schema?.checkFieldNames(of: records)
        return contents.withLock { contents in
            var outcome = PageOutcome()
            var rows = contents.rows[key] ?? [:]
            for record in records {
                let stored = rows[record.id]
                let decision = rule.decide(
                    RecordUpdateRule.Incoming(record),
                    stored: stored.map { row in
                        RecordUpdateRule.Stored(
                            updateTime: RecordUpdateRule.UpdateTimeOrder(record.updatedAt, row.record.updatedAt),
                            hasSameBytes: row.record.raw.bytes == record.raw.bytes,
                            isDeleted: row.deletedAt != nil, stage: row.record.stage)
                    }
                ) {
                    stored.map { JSONEquivalence.same($0.record.raw.bytes, record.raw.bytes) } ?? false
                }
                decision.count(into: &outcome)
                if let change = decision.stageChange {
                    contents.stageHistory[key, default: []].append(
                        StageChange(id: record.id, from: change.from, to: change.to, observedAt: seenAt))
                }
                if decision.queuesGroups {
                    contents.queue([stored?.record, record], for: derivations, account: account)
                }
                var row =
                    stored
                    ?? Row(record: record, firstSeenAt: seenAt, lastSeenAt: seenAt, scanID: scanID, deletedAt: nil)
                if decision.kind == .changed { row.record = record }
                if decision.rewritesStoredJSON { row.record.raw = record.raw }
                row.deletedAt = nil
                row.lastSeenAt = seenAt
                row.scanID = scanID
                rows[record.id] = row
            }
            contents.rows[key] = rows
            contents.states[key] = state
            return outcome
        }
    }

    /// Saves the state and marks rows unseen by a complete scan as deleted, atomically.
    public func complete(
        _ state: StreamState,
        account: String,
        reconcilingScan: ReconcilingScan?,
        at: Date,
        derivations: [StreamDerivation]
    ) async throws -> Int {
        let key = Key(account: account, stream: state.stream)
        return contents.withLock { contents in
            var deleted = 0
            if let scan = reconcilingScan, var rows = contents.rows[key] {
                for (id, row) in rows
                where scan.missed(scanID: row.scanID, lastSeenAt: row.lastSeenAt) && row.deletedAt == nil {
                    rows[id]?.deletedAt = at
                    contents.queue([row.record], for: derivations, account: account)
                    deleted += 1
                }
                contents.rows[key] = rows
            }
            contents.states[key] = state
            return deleted
        }
    }

    /// The rows of a stream, by id, including those marked deleted.
    public func rows(of stream: SyncStreamName, account: String) -> [String: Row] {
        contents.withLock { $0.rows[Key(account: account, stream: stream)] ?? [:] }
    }

    /// Every stored row, ordered by id.
    public func storedRows(of stream: SyncStreamName, account: String) async throws -> [StoredRow] {
        rows(of: stream, account: account).values.map {
            StoredRow(
                id: $0.record.id, updatedAt: $0.record.updatedAt, raw: $0.record.raw.json, deletedAt: $0.deletedAt)
        }.sorted { $0.id < $1.id }
    }

    /// Live rows without an update time, ordered by id.
    public func liveRowsWithoutUpdateTime(of stream: SyncStreamName, account: String, after: String?, limit: Int)
        async throws -> [StoredRow]
    {
        let rows = try await storedRows(of: stream, account: account)
        return Array(
            rows.filter { row in
                row.updatedAt == nil && row.deletedAt == nil && (after.map { row.id > $0 } ?? true)
            }
            .prefix(limit))
    }

    /// The recorded stage changes of a stream, oldest first.
    public func stageHistory(of stream: SyncStreamName, account: String) -> [StageChange] {
        contents.withLock { $0.stageHistory[Key(account: account, stream: stream)] ?? [] }
    }

    /// Queued groups of a derived stream, in order.
    public func queuedGroups(for derivation: StreamDerivation, account: String, after: String?, limit: Int)
        async throws -> [String]
    {
        let key = Key(account: account, stream: derivation.stream)
        let queued = (contents.withLock { $0.queued[key] } ?? []).sorted()
        return Array(queued.filter { group in after.map { group > $0 } ?? true }.prefix(limit))
    }

    /// Queues every group of the source, for a whole rebuild.
    public func queueAllGroups(for derivation: StreamDerivation, account: String) async throws {
        contents.withLock { contents in
            let source = contents.rows[Key(account: account, stream: derivation.source)] ?? [:]
            contents.queue(source.values.map(\.record), for: [derivation], account: account)
        }
    }

    /// The live source rows of some groups.
    public func liveSourceRows(
        for derivation: StreamDerivation,
        groups: [String],
        account: String
    ) async throws -> [String: [StoredRow]] {
        let wanted = Set(groups)
        let source = rows(of: derivation.source, account: account)
        var result: [String: [StoredRow]] = [:]
        for row in source.values where row.deletedAt == nil {
            guard let group = row.record.groupValue(derivation.groupColumn), wanted.contains(group) else { continue }
            result[group, default: []].append(
                StoredRow(id: row.record.id, updatedAt: row.record.updatedAt, raw: row.record.raw.json, deletedAt: nil))
        }
        return result.mapValues { $0.sorted { $0.id < $1.id } }
    }

    /// Stores rebuilt groups, marks emptied groups deleted and dequeues them.
    public func commitDerived(
        _ records: [SyncRecord],
        for derivation: StreamDerivation,
        groups: [String],
        account: String,
        scanID: String,
        seenAt: Date
    ) async throws -> PageOutcome {
        let state = try await state(of: derivation.stream, account: account)
        var outcome = try upsert(
            records, stream: derivation.stream, account: account, scanID: scanID, seenAt: seenAt, state: state,
            derivations: [], ignoresOlderVersions: false)
        let key = Key(account: account, stream: derivation.stream)
        let rebuilt = Set(records.map(\.id))
        contents.withLock { contents in
            for group in groups where !rebuilt.contains(group) {
                if contents.rows[key]?[group] != nil, contents.rows[key]?[group]?.deletedAt == nil {
                    contents.rows[key]?[group]?.deletedAt = seenAt
                    outcome.deleted += 1
                }
            }
            contents.queued[key]?.subtract(groups)
        }
        return outcome
    }
}

extension SyncRecord {
    /// The text of a group column, for derived streams.
    func groupValue(_ column: String) -> String? {
        if case .text(let value) = fields[column] { return value }
        return nil
    }
}
