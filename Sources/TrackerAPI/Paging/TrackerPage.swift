/// One page of an index endpoint, with its paging facts and what the client did to it.
public struct TrackerPage<Record: Sendable>: Sendable {
    /// The page number requested (1-based).
    public var number: Int
    /// The records delivered, after client-side filtering.
    public var records: [Record]
    /// The paging headers of this response.
    public var paging: TrackerPagingInfo
    /// How many records the server sent.
    public var receivedCount: Int
    /// Records dropped because they were updated before `updated_after`: the server ignored
    /// the filter (also reported as ``TrackerServerObservation/Kind-swift.struct/updatedAfterIgnored``).
    public var droppedStaleCount: Int
    /// Whether this page is a re-read of an earlier page, made because records may have moved
    /// back across a page boundary while paging; it holds only records that were not delivered.
    public var isReread: Bool
    /// Whether the server returned records older than `updated_after` on this page.
    public var serverIgnoredUpdatedAfter: Bool { droppedStaleCount > 0 }
}
