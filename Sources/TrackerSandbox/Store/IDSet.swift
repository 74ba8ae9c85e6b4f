/// A sorted set of record ids that can answer rank queries in O(log n): the building block of
/// offset paging over "generated records, minus the ones changed or deleted, plus the changed and
/// inserted ones" without materialising the list.
protocol IDSet {
    /// The number of ids.
    var count: Int { get }
    /// The largest id, or 0 when empty.
    var last: Int { get }
    /// How many ids are ≤ `value`.
    func rank(_ value: Int) -> Int
    /// The id at a position (0-based, ascending).
    func id(at index: Int) -> Int
}

extension IDSet {
    /// Whether `value` is in the set.
    func contains(_ value: Int) -> Bool {
        let position = rank(value)
        return position > 0 && id(at: position - 1) == value
    }
}

/// The contiguous ids `lower...upper` (empty when `upper < lower`).
struct IDRange: IDSet {
    let lower: Int
    let upper: Int

    init(_ lower: Int, _ upper: Int) {
        self.lower = lower
        self.upper = upper
    }

    var count: Int { max(upper - lower + 1, 0) }
    var last: Int { count > 0 ? upper : 0 }
    func rank(_ value: Int) -> Int { min(max(value - lower + 1, 0), count) }
    func id(at index: Int) -> Int { lower + index }
}

/// Ids kept in a sorted array; `Element` is `Int32` for large cached filter results.
struct SortedIDs<Element: FixedWidthInteger & Sendable>: IDSet, Sendable {
    private(set) var storage: [Element] = []

    init() {}

    /// Wraps an array that is already sorted ascending without duplicates.
    init(sorted: [Element]) {
        storage = sorted
    }

    var count: Int { storage.count }
    var last: Int { storage.last.map { Int($0) } ?? 0 }

    func rank(_ value: Int) -> Int {
        var low = 0
        var high = storage.count
        while low < high {
            let mid = (low + high) / 2
            if Int(storage[mid]) <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func id(at index: Int) -> Int { Int(storage[index]) }

    /// Adds `value`, keeping the order; returns `false` when it was already present.
    @discardableResult
    mutating func insert(_ value: Int) -> Bool {
        let position = rank(value)
        if position > 0 && Int(storage[position - 1]) == value { return false }
        storage.insert(Element(value), at: position)
        return true
    }

    /// Removes `value`; returns `false` when it was absent.
    @discardableResult
    mutating func remove(_ value: Int) -> Bool {
        let position = rank(value)
        guard position > 0, Int(storage[position - 1]) == value else { return false }
        storage.remove(at: position - 1)
        return true
    }
}

/// Offset paging over a merged id set.
enum MergedPaging {
    /// The page of `(base \ excluded) ∪ extra` starting at `offset`, and the set's size.
    ///
    /// Requires `excluded ⊆ base` and `extra ∩ (base \ excluded) = ∅`. The element at merged
    /// position k is the smallest id v with rank(v) > k, where
    /// rank(v) = base.rank(v) − excluded.rank(v) + extra.rank(v); a binary search over ids finds it,
    /// then a merge walks forward for `limit` ids. Cost: O(log² n + limit).
    static func page(
        base: some IDSet, excluded: some IDSet, extra: some IDSet, offset: Int, limit: Int
    ) -> (total: Int, ids: [Int]) {
        let total = base.count - excluded.count + extra.count
        guard offset < total, limit > 0 else { return (total, []) }
        func mergedRank(_ value: Int) -> Int {
            base.rank(value) - excluded.rank(value) + extra.rank(value)
        }
        var low = 1
        var high = max(base.last, extra.last)
        while low < high {
            let mid = low + (high - low) / 2
            if mergedRank(mid) > offset { high = mid } else { low = mid + 1 }
        }
        var ids: [Int] = []
        ids.reserveCapacity(min(limit, total - offset))
        var baseIndex = base.rank(low - 1)
        var excludedIndex = excluded.rank(low - 1)
        var extraIndex = extra.rank(low - 1)
        while ids.count < limit {
            // Skip base ids that are excluded; both sets are sorted, so walk them together.
            var nextBase: Int?
            while baseIndex < base.count {
                let candidate = base.id(at: baseIndex)
                while excludedIndex < excluded.count && excluded.id(at: excludedIndex) < candidate {
                    excludedIndex += 1
                }
                if excludedIndex < excluded.count && excluded.id(at: excludedIndex) == candidate {
                    baseIndex += 1
                    continue
                }
                nextBase = candidate
                break
            }
            let nextExtra = extraIndex < extra.count ? extra.id(at: extraIndex) : nil
            switch (nextBase, nextExtra) {
            case (let b?, let e?) where b < e:
                ids.append(b)
                baseIndex += 1
            case (_, let e?):
                ids.append(e)
                extraIndex += 1
            case (let b?, nil):
                ids.append(b)
                baseIndex += 1
            case (nil, nil):
                return (total, ids)
            }
        }
        return (total, ids)
    }
}
