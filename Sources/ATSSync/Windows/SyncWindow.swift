public import Foundation

/// The span of cursor values one run of a stream reads: `[lower, upper]`, both inclusive.
///
/// The upper bound is fixed when the run starts; records updated later are still stored if the
/// provider returns them, but the stream's progress only ever advances to `upper`, so a record
/// written while the run was reading is picked up by the next window's look-back.
public struct SyncWindow: Hashable, Codable, Sendable {
    /// The first cursor value read, or nil for a full scan from the beginning.
    public var lower: Date?
    /// The last cursor value this window is responsible for.
    public var upper: Date
    /// Whether this window reads every record (which is what allows marking deletions).
    public var isFullScan: Bool

    /// Creates a window.
    public init(lower: Date?, upper: Date, isFullScan: Bool) {
        self.lower = lower
        self.upper = upper
        self.isFullScan = isFullScan
    }
}
