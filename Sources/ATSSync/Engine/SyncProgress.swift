/// What a sync has done so far in one stream, after each committed page.
public struct SyncProgress: Hashable, Sendable {
    /// The stream.
    public var stream: SyncStreamName
    /// Pages committed in this run.
    public var pages: Int
    /// Records committed in this run.
    public var records: Int
    /// How many records the provider says the window holds, when it says.
    public var expectedRecords: Int?
    /// Records an interrupted run had already stored in this window before this run resumed it.
    public var resumedAfterRecords: Int
    /// Whether this is the stream's last report of the run: it completed (or gave its window up
    /// for this run; the run report says which). A stream that fails sends none.
    public var isFinished: Bool

    /// Creates a progress report.
    public init(
        stream: SyncStreamName, pages: Int, records: Int, expectedRecords: Int? = nil, resumedAfterRecords: Int = 0,
        isFinished: Bool = false
    ) {
        self.stream = stream
        self.pages = pages
        self.records = records
        self.expectedRecords = expectedRecords
        self.resumedAfterRecords = resumedAfterRecords
        self.isFinished = isFinished
    }
}
