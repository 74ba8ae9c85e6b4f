public import ATSCore
public import ATSSync
import TrackerRMSAPI

/// The Tracker RMS mirror source: ``ATSSync/ATSClientSyncSource`` over a ``TrackerRMSATSClient``
/// (same streams, contracts, look-back and rows), whose pages also carry what a run report must say
/// about Tracker RMS — placements the list may hide, times that could not be placed.
///
/// The generic source has no way to add such warnings, and Tracker RMS needs nothing else from a
/// source of its own: every row and every contract is the generic source's.
public struct TrackerRMSSyncSource: SyncSource {
    /// The generic source the records come from.
    public let base: ATSClientSyncSource
    /// The client.
    public let client: TrackerRMSATSClient

    /// Creates a source.
    /// - Parameters:
    ///   - client: The client to read.
    ///   - account: The mirror's name for the account.
    ///   - pageSize: Records per page (and per transaction).
    public init(client: TrackerRMSATSClient, account: String, pageSize: Int = 500) {
        // The engine reads each stream in a task of its own, so the streams of a run may share one
        // placement read (RMSPlacementIndexHub).
        let shared = client.sharingPlacementIndex()
        self.client = shared
        self.base = ATSClientSyncSource(client: shared, account: account, pageSize: pageSize)
    }

    /// The mirror's name for the account.
    public var account: String { base.account }
    /// `tracker-rms`.
    public var provider: ATSProvider { base.provider }
    /// Jobs, applications and candidates.
    public var streams: [SyncStreamName] { base.streams }

    /// The generic source's contract: incremental on `updated_at`, naive local times with the
    /// account's zone (or the 15-hour look-back without it), deletions by complete scans.
    /// - Parameter stream: The stream.
    /// - Returns: Its contract.
    public func contract(for stream: SyncStreamName) -> StreamContract? { base.contract(for: stream) }

    /// The generic source's pages, each carrying the warnings that apply to the window.
    /// - Parameters:
    ///   - stream: The stream.
    ///   - window: The window.
    ///   - page: The first page number.
    /// - Returns: The pages.
    public func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int) -> TrackerRMSSourcePages {
        TrackerRMSSourcePages(
            base: base.pages(of: stream, window: window, startingAt: page), client: client,
            warnings: warnings(for: stream, window: window))
    }

    /// Runs `work` (the engine reading one stream) and counts the requests it, and the tasks it
    /// starts, sent to Tracker RMS: the report's requests, retries and 429 answers per stream.
    /// - Parameter work: The work to count.
    /// - Returns: What `work` returned, and its traffic.
    /// - Throws: What `work` throws.
    public func countingTraffic<Result: Sendable>(
        _ work: () async throws -> Result
    ) async throws -> (result: Result, traffic: SyncTraffic) {
        let tally = RMSTrafficTally()
        let result = try await tally.counting(work)
        let traffic = tally.traffic
        return (
            result, SyncTraffic(requests: traffic.requests, retries: traffic.retries, rateLimited: traffic.rateLimited)
        )
    }

    /// What a run report must say about a window of a stream, before it is read.
    /// - Parameters:
    ///   - stream: The stream.
    ///   - window: The window.
    /// - Returns: The warnings.
    public func warnings(for stream: SyncStreamName, window: SyncWindow) -> [String] {
        var warnings: [String] = []
        if client.accountTimeZone == nil {
            warnings.append(
                "The account's time zone is not configured: Tracker RMS's naive local times could not be placed "
                    + "(updated_at is left empty) and the window reached 15 hours back; give the zone (--timezone).")
        }
        guard stream == .applications || stream == .candidates else { return warnings }
        switch client.settings.placementListing {
        case .complete: break
        case .listOnly:
            warnings.append(
                "Tracker RMS lists only Working, Offer and Complete placements: applied, shortlisted and "
                    + "interviewing applications may be missing from this mirror.")
        case .crossCheckedOnCompleteReads where !window.isFullScan:
            warnings.append(
                "Tracker RMS lists only Working, Offer and Complete placements: changes to earlier-stage "
                    + "applications reach the mirror at the next complete scan, which reads every job's placements.")
        case .crossCheckedOnCompleteReads: break
        }
        return warnings
    }
}

/// The pages of a ``TrackerRMSSyncSource`` stream: the generic source's, with warnings.
public struct TrackerRMSSourcePages: AsyncSequence, Sendable {
    /// A page of mirror rows.
    public typealias Element = SourcePage

    let base: ATSClientSourcePages
    let client: TrackerRMSATSClient
    let warnings: [String]

    /// Starts reading.
    /// - Returns: The iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), client: client, warnings: warnings)
    }

    /// Reads pages one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: ATSClientSourcePages.AsyncIterator
        let client: TrackerRMSATSClient
        let warnings: [String]

        /// The next page, with the window's warnings and any the client noticed while reading it.
        /// - Returns: The page, or nil after the last.
        /// - Throws: What the client's stream throws.
        public mutating func next() async throws -> SourcePage? {
            guard var page = try await base.next() else { return nil }
            page.warnings += warnings
            if client.diagnostics.contains(.placementsHiddenFromList) {
                page.warnings.append(
                    "Tracker RMS's placements list hid placements that their jobs name; they were read one by one.")
            }
            return page
        }
    }
}
