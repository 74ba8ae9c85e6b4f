internal import Synchronization

/// Remembers which base records pass a filter (e.g. "applications with updated_at ≥ T"). Base
/// records never change, so entries never go stale; a client paging through a filtered list pays
/// for the scan once, not once per page. Least recently used entries are dropped beyond `capacity`.
final class FilterCache: Sendable {
    private let entries = Mutex<[(key: String, ids: SortedIDs<Int32>)]>([])
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// The cached ids for `key`, computing them with `scan` (outside the lock) when missing.
    func ids(for key: String, scan: () -> [Int32]) -> SortedIDs<Int32> {
        let cached = entries.withLock { entries -> SortedIDs<Int32>? in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.ids
        }
        if let cached { return cached }
        let ids = SortedIDs(sorted: scan())
        entries.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append((key, ids))
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
        return ids
    }
}
