/// One resource's records: the generated base records `1...baseCount`, plus an overlay of records
/// that changed or were inserted since start-up, minus deletions.
///
/// Memory is proportional to the number of changes, not to the number of records. Ids are never
/// reused: inserted records get ids above every earlier id, so ascending id order is also the
/// order of insertion, and a deleted id stays deleted.
struct ResourceTable<Record: Sendable>: Sendable {
    let baseCount: Int
    /// Changed base records and inserted records, by id (live records only).
    private(set) var overlay: [Int: Record] = [:]
    /// The ids of `overlay`, sorted.
    private(set) var overlayIDs = SortedIDs<Int>()
    /// Base ids that were changed or deleted: they no longer come from the generator.
    private(set) var touchedBase = SortedIDs<Int>()
    /// Every deleted id, base or inserted.
    private(set) var deletedIDs = SortedIDs<Int>()
    private(set) var nextID: Int
    /// Bumped on every change, so clients of the table can tell when their view is stale.
    private(set) var version = 0

    init(baseCount: Int) {
        self.baseCount = baseCount
        nextID = baseCount + 1
    }

    /// The number of live records.
    var liveCount: Int { baseCount - touchedBase.count + overlayIDs.count }

    /// Whether `id` names a live record.
    func isLive(_ id: Int) -> Bool {
        if overlay[id] != nil { return true }
        return id >= 1 && id <= baseCount && !touchedBase.contains(id)
    }

    /// The live record `id`: the overlay's version, else the generated one, else `nil`.
    func record(_ id: Int, base: (Int) -> Record) -> Record? {
        if let changed = overlay[id] { return changed }
        guard id >= 1, id <= baseCount, !touchedBase.contains(id) else { return nil }
        return base(id)
    }

    /// Stores a new version of live record `id`.
    mutating func replace(_ id: Int, with record: Record) {
        if id <= baseCount { touchedBase.insert(id) }
        overlay[id] = record
        overlayIDs.insert(id)
        version += 1
    }

    /// Inserts a record under the next id; `make` receives the id.
    mutating func insert(_ make: (Int) -> Record) -> Record {
        let id = nextID
        nextID += 1
        let record = make(id)
        overlay[id] = record
        overlayIDs.insert(id)
        version += 1
        return record
    }

    /// Deletes live record `id`; returns `false` if there was none.
    @discardableResult
    mutating func delete(_ id: Int) -> Bool {
        guard isLive(id) else { return false }
        if overlay.removeValue(forKey: id) != nil { overlayIDs.remove(id) }
        if id <= baseCount { touchedBase.insert(id) }
        deletedIDs.insert(id)
        version += 1
        return true
    }

    /// A page of all live ids in ascending order, with the overlay records among them.
    func page(offset: Int, limit: Int) -> (total: Int, entries: [(id: Int, record: Record?)]) {
        let result = MergedPaging.page(
            base: IDRange(1, baseCount), excluded: touchedBase, extra: overlayIDs, offset: offset, limit: limit
        )
        return (result.total, result.ids.map { ($0, overlay[$0]) })
    }

    /// A page of the live records that pass a filter, ascending by id.
    /// - Parameters:
    ///   - baseMatches: the base ids whose generated record passes the filter (any subset of
    ///     `1...baseCount`, touched or not).
    ///   - overlayMatches: whether an overlay record passes the filter.
    func page(
        baseMatches: some IDSet, overlayMatches: (Record) -> Bool, offset: Int, limit: Int
    ) -> (total: Int, entries: [(id: Int, record: Record?)]) {
        var excluded = SortedIDs<Int>()
        for index in 0..<touchedBase.count where baseMatches.contains(touchedBase.id(at: index)) {
            excluded.insert(touchedBase.id(at: index))
        }
        var extra: [Int] = []
        for index in 0..<overlayIDs.count {
            let id = overlayIDs.id(at: index)
            if let record = overlay[id], overlayMatches(record) { extra.append(id) }
        }
        let result = MergedPaging.page(
            base: baseMatches, excluded: excluded, extra: SortedIDs(sorted: extra), offset: offset, limit: limit
        )
        return (result.total, result.ids.map { ($0, overlay[$0]) })
    }
}
