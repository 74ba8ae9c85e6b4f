public import Foundation

/// What one run of the sync engine did, per stream: the figures a person needs to trust a
/// mirror ("0 records" is only reassuring when the window and the page count say why).
public struct SyncRunReport: Hashable, Sendable, Codable {
    /// One report per stream, in the order the streams ran.
    public var streams: [StreamRunReport]

    /// Creates a report.
    public init(streams: [StreamRunReport] = []) {
        self.streams = streams
    }
}

/// What one run did for one stream.
public struct StreamRunReport: Hashable, Sendable, Codable {
    /// The stream.
    public var stream: SyncStreamName
    /// The window read.
    public var window: SyncWindow
    /// Whether the run continued an interrupted one.
    public var resumed: Bool
    /// Whether the window read only changes (false: a full scan).
    public var isIncremental: Bool { !window.isFullScan && !isDerived }
    /// Whether the stream was rebuilt from another stream's stored rows rather than read.
    public var isDerived: Bool
    /// Whether the window completed and progress advanced to its upper bound.
    public var completed: Bool
    /// Pages read and stored in this run.
    public var pages: Int
    /// Records read in this run.
    public var records: Int
    /// What the stored pages changed.
    public var outcome: PageOutcome
    /// Rows newly marked deleted by reconciliation.
    public var deleted: Int
    /// How often the window started over because the provider's paging shifted.
    public var restarts: Int
    /// Requests, retries and 429 answers while reading this stream.
    public var traffic: SyncTraffic
    /// Things worth a person's attention.
    public var warnings: [String]
    /// Why the stream was skipped in this run (an optional stream the provider does not offer), or
    /// `nil` when it was read. A skipped stream is not ``completed``; its stored rows are untouched.
    public var skipReason: String?
    /// Whether the stream was skipped in this run (see ``skipReason``).
    public var isSkipped: Bool { skipReason != nil }
    /// When the stream's run started and ended.
    public var startedAt: Date
    /// When the stream's run ended.
    public var endedAt: Date

    /// Creates a stream report.
    public init(
        stream: SyncStreamName,
        window: SyncWindow,
        resumed: Bool,
        isDerived: Bool = false,
        completed: Bool,
        pages: Int,
        records: Int,
        outcome: PageOutcome,
        deleted: Int,
        restarts: Int,
        traffic: SyncTraffic = SyncTraffic(),
        warnings: [String],
        skipReason: String? = nil,
        startedAt: Date,
        endedAt: Date
    ) {
        self.stream = stream
        self.window = window
        self.resumed = resumed
        self.isDerived = isDerived
        self.completed = completed
        self.pages = pages
        self.records = records
        self.outcome = outcome
        self.deleted = deleted
        self.restarts = restarts
        self.traffic = traffic
        self.warnings = warnings
        self.skipReason = skipReason
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
