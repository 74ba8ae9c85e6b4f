import Foundation
import TrackerAPI

/// Decides which records of a widened incremental read the caller sees: the pure rules of
/// "each change once", tested without a server.
struct ChangeWindow: Sendable {
    /// The caller's inclusive lower bound, or nil for every record.
    let lowerBound: Date?
    /// How far the request was widened; also how uncertain a naive timestamp read without a
    /// known account zone is taken to be.
    let lookBack: TimeInterval

    /// The bound sent to Tracker.
    var requestBound: Date? { lowerBound?.addingTimeInterval(-lookBack) }

    /// Whether a record changed at `stamp` belongs to the caller's window.
    ///
    /// Exact timestamps (with an offset, or placed in the configured zone) are compared with the
    /// bound, inclusively. A naive timestamp read without a known zone may be off by the account's
    /// offset, so it is only dropped when it is older than the bound even allowing for the
    /// look-back: a possible duplicate is better than a lost change. A record without `updated_at`
    /// is always kept.
    func admits(_ stamp: TrackerTimestamp?) -> Bool {
        guard let lowerBound, let stamp else { return true }
        if stamp.offsetSource == .assumedUTC {
            return stamp.date.addingTimeInterval(lookBack) >= lowerBound
        }
        return stamp.date >= lowerBound
    }
}

/// Remembers the most recently delivered `(id, updated_at)` pairs, so that a record repeated by
/// a page shift (offset paging while records change) is delivered once, in bounded memory.
///
/// A shift repeats records only across neighbouring pages, so remembering two pages' worth is
/// enough; a record whose `updated_at` changed is a new change and is delivered again.
struct RecentDeliveries: Sendable {
    struct Key: Hashable, Sendable {
        var id: String
        var updatedAt: Date?
    }

    private let capacity: Int
    private var ring: [Key] = []
    private var next = 0
    private var members: Set<Key> = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Records a delivery; returns false when the same change was delivered recently.
    mutating func insert(_ key: Key) -> Bool {
        guard members.insert(key).inserted else { return false }
        if ring.count < capacity {
            ring.append(key)
        } else {
            members.remove(ring[next])
            ring[next] = key
            next = (next + 1) % capacity
        }
        return true
    }
}
