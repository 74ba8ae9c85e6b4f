/// A provider's side of a sync: its streams' contracts and their pages.
///
/// A source reads; it never writes to the store. The Tracker source lives in `TrackerATS`-based
/// code, so that `ATSSync` stays provider-neutral.
public protocol SyncSource: Sendable {
    /// The sequence of pages a stream yields.
    associatedtype Pages: AsyncSequence<SourcePage, any Error>

    /// The account these records belong to (rows of several accounts can share one database).
    var account: String { get }

    /// The contract of a stream, or nil when the source does not have it.
    /// - Parameter stream: The stream.
    /// - Returns: Its contract.
    func contract(for stream: SyncStreamName) -> StreamContract?

    /// The pages of a stream's records whose cursor is within the window's lower bound (or all of
    /// them for a full scan), starting at a page number. Nothing is fetched until iterated.
    /// - Parameters:
    ///   - stream: The stream.
    ///   - window: The window to read.
    ///   - page: The first page to read (1 for a new window, the checkpoint's next page on resume).
    /// - Returns: The pages, in order; the sequence ends after the last one.
    func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int) -> Pages
}

/// One page of a stream as a source read it.
public struct SourcePage: Sendable {
    /// The page number (1-based).
    public var number: Int
    /// The page's records.
    public var records: [SyncRecord]
    /// The total number of records the provider reported for the whole listing, when it does.
    public var totalCount: Int?
    /// Something the source noticed about the provider while reading this page, for the run report
    /// (for example, that the provider ignored the `updated_after` filter).
    public var warnings: [String]

    /// Creates a page.
    public init(number: Int, records: [SyncRecord], totalCount: Int? = nil, warnings: [String] = []) {
        self.number = number
        self.records = records
        self.totalCount = totalCount
        self.warnings = warnings
    }
}
