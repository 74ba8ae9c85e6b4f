import Foundation
import Synchronization

/// Remembers the account zone's offset for whole local hours in which it does not change.
///
/// An hour is cached only when the offset at its start and at its end agree, so the hours that
/// contain a daylight-saving change (or a half-hour zone's change) are always computed exactly.
package struct ZoneOffsetCache {
    private var offsets: [Int: Int] = [:]

    /// An empty cache.
    package init() {}

    mutating func instant(ofLocalSeconds local: Double, in zone: TimeZone) -> Date {
        let hour = Int((local / 3_600).rounded(.down))
        if let offset = offsets[hour] {
            return Date(timeIntervalSince1970: local - Double(offset))
        }
        let start = TrackerTimestamp.instant(ofLocalSeconds: Double(hour * 3_600), in: zone)
        let end = TrackerTimestamp.instant(ofLocalSeconds: Double(hour * 3_600 + 3_599), in: zone)
        let startOffset = Double(hour * 3_600) - start.timeIntervalSince1970
        let endOffset = Double(hour * 3_600 + 3_599) - end.timeIntervalSince1970
        guard startOffset == endOffset else { return TrackerTimestamp.instant(ofLocalSeconds: local, in: zone) }
        if offsets.count > 4_096 { offsets.removeAll(keepingCapacity: true) }
        offsets[hour] = Int(startOffset)
        return Date(timeIntervalSince1970: local - startOffset)
    }
}

/// One ``ZoneOffsetCache`` for all the pages of a list, which are decoded in parallel tasks.
///
/// A page's thousand records span a few hundred local hours, so a cache per page missed about one
/// timestamp in seven, and each miss asks the time zone database twice; consecutive pages span
/// mostly the same hours. Each page starts from the cache the last page left (a copy, so decoding
/// takes no lock) and leaves its own: whichever page finishes last wins, which costs nothing but
/// a few lookups again.
final class SharedZoneOffsets: Sendable {
    private let cache = Mutex(ZoneOffsetCache())

    /// The cache as the last page left it.
    func snapshot() -> ZoneOffsetCache {
        cache.withLock { $0 }
    }

    /// Keeps a page's cache for the next page.
    func keep(_ offsets: ZoneOffsetCache) {
        cache.withLock { $0 = offsets }
    }
}
