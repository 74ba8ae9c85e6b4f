/// The one rule every store applies to an incoming record against the row it already holds: is it
/// new, unchanged, an older version, a change, or back after being marked deleted, and does it
/// record a stage change.
///
/// The stores differ in how they read and write rows (one statement per row in SQLite, a few per
/// page in PostgreSQL, a dictionary in memory); what they decide must not differ, so each store
/// gathers the facts below and asks this type. It does no I/O and knows no database.
public struct RecordUpdateRule: Hashable, Sendable {
    /// Whether a record older than the stored row is ignored: true for records read from a provider
    /// (the look-back's overlap or a restarted window can deliver an old version after a newer
    /// one), false for derived rows (whose update time goes back when their newest source row is
    /// deleted).
    public var ignoresOlderVersions: Bool
    /// Whether the stream has a stage column (``StreamSchema/stageColumn``) whose changes are
    /// recorded in the stage history.
    public var recordsStageChanges: Bool

    /// Creates a rule.
    /// - Parameters:
    ///   - ignoresOlderVersions: Whether a version older than the stored one is ignored.
    ///   - recordsStageChanges: Whether stage changes are recorded.
    public init(ignoresOlderVersions: Bool, recordsStageChanges: Bool) {
        self.ignoresOlderVersions = ignoresOlderVersions
        self.recordsStageChanges = recordsStageChanges
    }

    /// The rule for a stream's schema: provider records ignore older versions; the stream records
    /// stage changes when its schema declares a stage column.
    /// - Parameters:
    ///   - schema: The stream's schema.
    ///   - isDerived: Whether the rows are derived from another stream's rows.
    public init(schema: StreamSchema?, isDerived: Bool = false) {
        self.init(ignoresOlderVersions: !isDerived, recordsStageChanges: schema?.stageColumn != nil)
    }

    /// How the incoming record's update time relates to the stored row's.
    public enum UpdateTimeOrder: Hashable, Sendable {
        /// Equal, or both absent.
        case same
        /// The incoming record's is later.
        case later
        /// The incoming record's is earlier.
        case earlier
        /// One of the two is absent: no order.
        case unordered

        /// Compares two update times (`Date`s, or fixed-width UTC text, which sorts as instants do).
        /// - Parameters:
        ///   - incoming: The incoming record's update time.
        ///   - stored: The stored row's.
        public init<Time: Comparable>(_ incoming: Time?, _ stored: Time?) {
            switch (incoming, stored) {
            case (nil, nil): self = .same
            case (let new?, let old?): self = new == old ? .same : (new < old ? .earlier : .later)
            default: self = .unordered
            }
        }
    }

    /// What a store knows about the incoming record.
    public struct Incoming: Hashable, Sendable {
        /// The record's stage (``SyncRecord/stage``).
        public var stage: String?
        /// Whether its update time may name the wrong one of two instants
        /// (``SyncRecord/updatedAtIsAmbiguous``): then it cannot order versions.
        public var updatedAtIsAmbiguous: Bool

        /// Creates the facts of an incoming record.
        public init(stage: String?, updatedAtIsAmbiguous: Bool = false) {
            self.stage = stage
            self.updatedAtIsAmbiguous = updatedAtIsAmbiguous
        }

        /// The facts of a record.
        public init(_ record: SyncRecord) {
            self.init(stage: record.stage, updatedAtIsAmbiguous: record.updatedAtIsAmbiguous)
        }
    }

    /// What a store knows about the stored row, compared with the incoming record.
    public struct Stored: Hashable, Sendable {
        /// The incoming update time against the stored one.
        public var updateTime: UpdateTimeOrder
        /// Whether the stored JSON is byte for byte the incoming record's.
        public var hasSameBytes: Bool
        /// Whether the row is marked deleted.
        public var isDeleted: Bool
        /// The stored stage.
        public var stage: String?
        /// Whether a migration marked the row to be written in full (``StoredRowRewrite``).
        public var needsRewrite: Bool

        /// Creates the facts of a stored row.
        public init(
            updateTime: UpdateTimeOrder, hasSameBytes: Bool, isDeleted: Bool, stage: String?, needsRewrite: Bool = false
        ) {
            self.updateTime = updateTime
            self.hasSameBytes = hasSameBytes
            self.isDeleted = isDeleted
            self.stage = stage
            self.needsRewrite = needsRewrite
        }
    }

    /// One stage change to append to the stage history.
    public struct StageTransition: Hashable, Sendable {
        /// The stage before; nil for a record first seen.
        public var from: String?
        /// The stage after.
        public var to: String?

        /// Creates a transition.
        public init(from: String?, to: String?) {
            self.from = from
            self.to = to
        }
    }

    /// What to do with one incoming record.
    public struct Decision: Hashable, Sendable {
        /// The record's case.
        public enum Kind: Hashable, Sendable {
            /// No row: insert it.
            case new
            /// The stored row holds this version: move only the bookkeeping columns.
            case unchanged
            /// An older version than the stored one arriving late: move only the bookkeeping columns.
            case older
            /// Another version: write the row.
            case changed
        }

        /// The record's case.
        public var kind: Kind
        /// Whether the row was marked deleted and is back (together with any kind but ``Kind/new``).
        public var isRestored = false
        /// The stage change to record, if any.
        public var stageChange: StageTransition?
        /// Whether an unchanged row's stored JSON should take the incoming bytes: the two texts differ
        /// only in key order or spacing (a mirror written by an earlier release, or a provider that
        /// reorders keys), and writing the provider's bytes once lets every later read settle the
        /// comparison byte for byte instead of parsing both texts again.
        public var rewritesStoredJSON = false

        /// Whether the whole row is written (inserted or updated).
        public var writesRow: Bool { kind == .new || kind == .changed }

        /// Whether the derived streams' groups of the row (old and new) must be queued.
        public var queuesGroups: Bool { writesRow || isRestored }

        /// Adds this decision to a page's counts: older versions count as unchanged.
        /// - Parameter outcome: The page's counts.
        public func count(into outcome: inout PageOutcome) {
            switch kind {
            case .new: outcome.inserted += 1
            case .unchanged, .older: outcome.unchanged += 1
            case .changed: outcome.changed += 1
            }
            if isRestored { outcome.restored += 1 }
            if stageChange != nil { outcome.stageChanges += 1 }
        }
    }

    /// Decides what to do with an incoming record.
    /// - Parameters:
    ///   - incoming: The incoming record's facts.
    ///   - stored: The stored row's facts, or nil when there is none.
    ///   - jsonIsEquivalent: Whether the stored and incoming JSON hold the same value; asked only
    ///     when the bytes differ and the update times are the same, since parsing costs far more
    ///     than comparing bytes.
    /// - Returns: The decision.
    public func decide(_ incoming: Incoming, stored: Stored?, jsonIsEquivalent: () -> Bool) -> Decision {
        guard let stored else {
            var decision = Decision(kind: .new)
            if recordsStageChanges, let stage = incoming.stage {
                decision.stageChange = StageTransition(from: nil, to: stage)
            }
            return decision
        }
        var decision = Decision(kind: .changed, isRestored: stored.isDeleted)
        if stored.updateTime == .same, !stored.needsRewrite {
            if stored.hasSameBytes {
                decision.kind = .unchanged
                return decision
            }
            if jsonIsEquivalent() {
                decision.kind = .unchanged
                decision.rewritesStoredJSON = true
                return decision
            }
        }
        if ignoresOlderVersions, !incoming.updatedAtIsAmbiguous, stored.updateTime == .earlier {
            decision.kind = .older
            return decision
        }
        if recordsStageChanges, stored.stage != incoming.stage {
            decision.stageChange = StageTransition(from: stored.stage, to: incoming.stage)
        }
        return decision
    }
}
