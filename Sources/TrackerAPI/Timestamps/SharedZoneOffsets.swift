import ATSText
import Synchronization

/// One ``ZoneOffsetCache`` for all the pages of a list, which are decoded in parallel tasks.
///
/// A page's thousand records span a few hundred local hours, so a cache per page would miss about
/// one timestamp in seven, and each miss asks the time zone database twice; consecutive pages span
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
