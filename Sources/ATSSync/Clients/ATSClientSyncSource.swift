public import ATSCore
import Foundation

/// Any `ATSClient` as a ``SyncSource``: the jobs, applications and candidates its streams deliver,
/// mirrored into the same tables as every other provider's.
///
/// A provider without a sync source of its own gets a mirror from its client alone: a stream is
/// synced when the client's capabilities list its streaming operation as available
/// (`ATSOperation.streamJobs`, `ATSOperation.streamApplications`,
/// `ATSOperation.streamCandidates`), read with `ATSChangeQuery.updatedAfter` set to the window's
/// lower bound and cut into pages of ``pageSize`` records. Deletions are found by complete scans, as
/// for every provider without a deletion feed.
///
/// `ATSStream` has no page addressing, so a window interrupted part-way is read again from its
/// start when resumed; the rows committed before come back unchanged.
public struct ATSClientSyncSource: SyncSource {
    /// The client the records are read from.
    public let client: any ATSClient
    /// The account these rows belong to in the mirror.
    public let account: String
    /// Records per page (and per transaction).
    public let pageSize: Int
    /// The look-back between windows when the client's timestamps are absolute, or local with a
    /// known zone.
    public let lookBack: Duration

    /// Creates a source.
    /// - Parameters:
    ///   - client: The client to read.
    ///   - account: The mirror's name for the account.
    ///   - pageSize: Records per page (at least 1).
    ///   - lookBack: The overlap between consecutive windows.
    public init(
        client: any ATSClient,
        account: String,
        pageSize: Int = 500,
        lookBack: Duration = StreamContract.defaultLookBack
    ) {
        self.client = client
        self.account = account
        self.pageSize = max(1, pageSize)
        self.lookBack = lookBack
    }

    /// The client's provider.
    public var provider: ATSProvider { client.capabilities.provider }

    /// The streams the client can deliver, in sync order.
    public var streams: [SyncStreamName] {
        let capabilities = client.capabilities
        return Self.streamOperations.filter { capabilities.support(for: $0.operation).isAvailable }.map(\.stream)
    }

    /// The overlap used when a provider sends naive local times and the account's zone is unknown.
    ///
    /// A naive time read as UTC can be off by as much as the widest offset in use (UTC+14,
    /// Kiritimati; the other side reaches only UTC−12), so the window reaches that far back, plus an
    /// hour for clocks and daylight-saving changes.
    public static let unplacedLocalTimeLookBack: Duration = .seconds(15 * 3_600)

    /// Each stream this source can read and the operation that reads it.
    static let streamOperations: [(stream: SyncStreamName, operation: ATSOperation)] = [
        (.jobs, .streamJobs), (.applications, .streamApplications), (.candidates, .streamCandidates),
    ]

    /// An incremental contract on `updated_at` for each stream the client can deliver.
    public func contract(for stream: SyncStreamName) -> StreamContract? {
        guard streams.contains(stream) else { return nil }
        let capabilities = client.capabilities
        let zone = client.accountTimeZone
        let isLocal = capabilities.timestampsAreLocalTime
        return StreamContract(
            stream: stream, cursor: .updateTime(field: "updated_at"),
            timestamps: isLocal ? .accountLocal(timeZone: zone?.identifier) : .absolute,
            lookBack: isLocal && zone == nil ? Self.unplacedLocalTimeLookBack : lookBack,
            deletions: .byCompleteScan)
    }

    /// The records of a stream changed since the window's lower bound, in pages.
    ///
    /// Pages are numbered from `page`, but always read from the window's start (see the type's
    /// discussion).
    public func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int) -> ATSClientSourcePages {
        let query = ATSChangeQuery(updatedAfter: window.lower)
        let records: ATSStream<SyncRecord>?
        switch stream {
        case .jobs: records = Self.mapped(client.streamJobs(query), ATSClientSyncRecords.job)
        case .applications: records = Self.mapped(client.streamApplications(query), ATSClientSyncRecords.application)
        case .candidates: records = Self.mapped(client.streamCandidates(query), ATSClientSyncRecords.candidate)
        default: records = nil
        }
        return ATSClientSourcePages(records: records, firstPage: page, pageSize: pageSize)
    }

    private static func mapped<Model: Sendable>(
        _ stream: ATSStream<Model>, _ map: @escaping @Sendable (Model) -> SyncRecord
    ) -> ATSStream<SyncRecord> {
        ATSStream(MappedStream(base: stream, map: map))
    }
}

/// The records of an `ATSStream` as mirror rows.
private struct MappedStream<Model: Sendable>: AsyncSequence, Sendable {
    let base: ATSStream<Model>
    let map: @Sendable (Model) -> SyncRecord

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), map: map) }

    struct Iterator: AsyncIteratorProtocol {
        var base: ATSStream<Model>.AsyncIterator
        let map: @Sendable (Model) -> SyncRecord

        mutating func next() async throws -> SyncRecord? {
            try await base.next().map(map)
        }
    }
}

/// The pages of one stream of an ``ATSClientSyncSource``: its records, ``ATSClientSyncSource/pageSize``
/// at a time.
public struct ATSClientSourcePages: AsyncSequence, Sendable {
    /// A page of mirror rows.
    public typealias Element = SourcePage

    /// The records, or nil for a stream the source does not have (no pages).
    let records: ATSStream<SyncRecord>?
    let firstPage: Int
    let pageSize: Int

    /// Starts reading.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(records: records?.makeAsyncIterator(), number: firstPage, pageSize: pageSize)
    }

    /// Reads pages one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var records: ATSStream<SyncRecord>.AsyncIterator?
        var number: Int
        let pageSize: Int
        var isFinished = false

        /// The next page.
        /// - Returns: The page, or nil after the last (an empty stream has no pages).
        /// - Throws: What the client's stream throws.
        public mutating func next() async throws -> SourcePage? {
            guard !isFinished, var records else { return nil }
            defer { self.records = records }
            var page: [SyncRecord] = []
            page.reserveCapacity(pageSize)
            while page.count < pageSize {
                guard let record = try await records.next() else {
                    isFinished = true
                    break
                }
                page.append(record)
            }
            guard !page.isEmpty else { return nil }
            defer { number += 1 }
            return SourcePage(number: number, records: page)
        }
    }
}
