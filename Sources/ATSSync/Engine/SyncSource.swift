public import ATSCore
public import Foundation

/// A provider's side of a sync: its streams' contracts and their pages.
///
/// A source reads; it never writes to the store. The Tracker source lives in `TrackerSync`, so that
/// `ATSSync` stays provider-neutral.
public protocol SyncSource: Sendable {
    /// The sequence of pages a stream yields.
    associatedtype Pages: AsyncSequence<SourcePage, any Error>

    /// The account these records belong to (rows of several accounts can share one database).
    var account: String { get }

    /// The provider the records come from; the mirror records it per account and refuses to mix two
    /// providers' records under one account name (``SyncStore/claimAccount(_:provider:)``).
    var provider: ATSProvider { get }

    /// Every stream the source has, in the order run reports list them. The engine reads them at the
    /// same time, except that a derived stream waits for the stream it is built from.
    var streams: [SyncStreamName] { get }

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

    /// Builds a derived stream's records from the stored rows of its source, one group at a time.
    /// - Parameters:
    ///   - derivation: The derivation (see ``StreamContract/derivation``).
    ///   - groups: Each queued group's live source rows; a group without rows is not passed.
    /// - Returns: One record per group, whose id is the group's value.
    /// - Throws: When a stored row cannot be read.
    func derivedRecords(for derivation: StreamDerivation, groups: [String: [StoredRow]]) throws -> [SyncRecord]

    /// Runs `work` (the engine reading one stream) and counts what it asked of the provider.
    ///
    /// The engine reads independent streams at the same time, so the count must cover only the
    /// requests sent inside `work` and the tasks it starts, not everything the source sent meanwhile.
    /// - Parameter work: The work to count.
    /// - Returns: What `work` returned, and its requests, retries and 429 answers.
    /// - Throws: What `work` throws.
    func countingTraffic<Result: Sendable>(
        _ work: () async throws -> Result
    ) async throws -> (result: Result, traffic: SyncTraffic)

    /// The provider's clock as its latest answer gave it (an HTTP `Date` header), or `nil` when
    /// unknown. The engine uses it to keep a window from ending after the provider's "now".
    func providerClock() -> Date?

    /// Whether stored rows without an update time should be derived again from their stored JSON
    /// after each completed window: the source can now place instants it could not place when it
    /// stored them (a time zone configured since). Default false.
    var rederivesUnplacedTimes: Bool { get }

    /// The record a stored row stands for, derived again from its stored JSON as a fresh read
    /// would map it; nil when it cannot be. Default nil.
    /// - Parameters:
    ///   - row: The stored row.
    ///   - stream: Its stream.
    func rederivedRecord(from row: StoredRow, of stream: SyncStreamName) -> SyncRecord?
}

extension SyncSource {
    /// A source without derived streams.
    public func derivedRecords(for derivation: StreamDerivation, groups: [String: [StoredRow]]) throws -> [SyncRecord] {
        throw SyncError.unknownStream(derivation.stream)
    }

    /// A source that does not count its traffic.
    public func countingTraffic<Result: Sendable>(
        _ work: () async throws -> Result
    ) async throws -> (result: Result, traffic: SyncTraffic) {
        (try await work(), SyncTraffic())
    }

    /// A source that does not know its provider's clock.
    public func providerClock() -> Date? { nil }

    /// False: the source derives nothing again.
    public var rederivesUnplacedTimes: Bool { false }

    /// Nil: the source derives nothing again.
    public func rederivedRecord(from row: StoredRow, of stream: SyncStreamName) -> SyncRecord? { nil }

    /// The derivations that feed on a stream: the engine passes them to the store with the stream's pages.
    func derivations(fedBy stream: SyncStreamName) -> [StreamDerivation] {
        streams.compactMap { contract(for: $0)?.derivation }.filter { $0.source == stream }
    }
}

/// What a source asked of its provider.
public struct SyncTraffic: Hashable, Sendable, Codable {
    /// Requests sent, retries included.
    public var requests: Int
    /// Requests that were retried.
    public var retries: Int
    /// Answers that said "too many requests".
    public var rateLimited: Int

    /// Creates a tally.
    public init(requests: Int = 0, retries: Int = 0, rateLimited: Int = 0) {
        self.requests = requests
        self.retries = retries
        self.rateLimited = rateLimited
    }

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
    /// Whether the source itself made sure no record slipped between this page and the one before
    /// while the listing shifted (for example by re-reading across the boundary). The engine then
    /// need not start the window over when the total drops, which under steady deletions would
    /// never let a window finish.
    public var boundaryVerified: Bool

    /// Creates a page.
    public init(
        number: Int,
        records: [SyncRecord],
        totalCount: Int? = nil,
        warnings: [String] = [],
        boundaryVerified: Bool = false
    ) {
        self.number = number
        self.records = records
        self.totalCount = totalCount
        self.warnings = warnings
        self.boundaryVerified = boundaryVerified
    }
}
