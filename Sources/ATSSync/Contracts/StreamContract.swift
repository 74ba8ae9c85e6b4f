/// What a stream promises about its records, which decides how it can be synced safely.
///
/// Every guard against lost updates starts here: a stream whose cursor is not an update time
/// cannot be read incrementally (a creation time misses every later change), so it is always
/// read in full; a stream whose timestamps are local time needs a look-back wide enough to cover
/// the offset; and deletions can only be seen by a complete scan when the provider has no feed.
public struct StreamContract: Hashable, Sendable {
    /// What orders a stream's changes.
    public enum Cursor: Hashable, Sendable {
        /// A last-updated time that every change of a record moves forward; the field is named.
        case updateTime(field: String)
        /// No usable cursor: the stream is read in full every run.
        case none
    }

    /// How the provider writes the cursor's timestamps.
    public enum TimestampSemantics: Hashable, Sendable {
        /// Absolute instants (UTC or with an offset).
        case absolute
        /// Local time of the account's time zone, without an offset; the IANA name when known.
        case accountLocal(timeZone: String?)
    }

    /// How deleted records become visible.
    public enum Deletions: Hashable, Sendable {
        /// Only as absence from a complete scan (Tracker has no deletion feed).
        case byCompleteScan
        /// Not at all: rows are never marked deleted.
        case invisible
    }

    /// The stream.
    public var stream: SyncStreamName
    /// The cursor that orders its changes.
    public var cursor: Cursor
    /// How its timestamps are written.
    public var timestamps: TimestampSemantics
    /// How far before the previous window's upper bound the next window starts.
    public var lookBack: Duration
    /// How deletions become visible.
    public var deletions: Deletions
    /// How the stream is computed from another stream's stored rows instead of read from the
    /// provider, or nil for a stream the provider serves.
    public var derivation: StreamDerivation?

    /// Creates a contract.
    /// - Parameters:
    ///   - stream: The stream it describes.
    ///   - cursor: What orders its changes; `.none` makes every run a full scan.
    ///   - timestamps: How its timestamps are written.
    ///   - lookBack: The overlap between consecutive windows; widen it when timestamps are local.
    ///   - deletions: How deletions become visible.
    ///   - derivation: How the stream is derived from another, or nil when the provider serves it.
    public init(
        stream: SyncStreamName,
        cursor: Cursor,
        timestamps: TimestampSemantics,
        lookBack: Duration,
        deletions: Deletions,
        derivation: StreamDerivation? = nil
    ) {
        self.stream = stream
        self.cursor = cursor
        self.timestamps = timestamps
        self.lookBack = lookBack
        self.deletions = deletions
        self.derivation = derivation
    }

    /// Whether a run can read only what changed since the last one.
    public var supportsIncrementalUpdates: Bool {
        if case .updateTime = cursor { return true }
        return false
    }

    /// The look-back for a known account time zone or absolute timestamps: enough for clock skew
    /// between the provider's servers and records committed while a page was being read.
    public static let defaultLookBack: Duration = .seconds(15 * 60)
}

extension StreamContract {
    /// The contract of a stream derived from another stream's stored rows.
    /// - Parameter derivation: How it is derived.
    /// - Returns: A contract with no cursor of its own; its rows change when its source's do.
    public static func derived(_ derivation: StreamDerivation) -> StreamContract {
        StreamContract(
            stream: derivation.stream, cursor: .none, timestamps: .absolute, lookBack: .zero,
            deletions: .byCompleteScan, derivation: derivation)
    }
}
