public import Foundation

/// A complete full scan whose unseen rows a store may mark deleted.
///
/// A row is "unseen" when it is not stamped with the scan's id **and** was last seen no later than
/// the scan started. The second condition keeps a full scan from tombstoning a row that another run
/// (a second process, or a second engine on the same store) stamped while the scan was reading: that
/// row was seen after the scan began, so the scan's pages may simply have passed it before it
/// appeared. One writer per mirror (the commands' mirror lock) keeps such runs apart; this guard
/// holds even when something writes without it.
public struct ReconcilingScan: Hashable, Sendable {
    /// The scan id the scan's rows were stamped with.
    public var id: String
    /// When the scan started (``RunCheckpoint/startedAt``), on the clock that stamps `seenAt`.
    public var startedAt: Date

    /// Creates a reconciling scan.
    public init(id: String, startedAt: Date) {
        self.id = id
        self.startedAt = startedAt
    }

    /// Whether a stored row with this scan id and last-seen time counts as not found by the scan.
    public func missed(scanID: String, lastSeenAt: Date) -> Bool {
        scanID != id && lastSeenAt <= startedAt
    }
}
