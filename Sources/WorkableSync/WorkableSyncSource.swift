public import ATSCore
public import ATSSync
import Foundation
import WorkableAPI
public import WorkableATS

/// Workable as a ``SyncSource``: jobs, applications and candidates from the client's list streams,
/// and comments (`notes`) and files (`files`) from per-candidate reads.
///
/// At 10 requests per 10 s, the list streams cost about one request per 100 records, while the
/// per-candidate streams cost one request per candidate record (2,000 records: over half an hour).
/// So they are meant to be run apart: a first sync runs ``recordStreams`` and finishes in minutes;
/// ``perCandidateStreams`` run afterwards (or on a schedule), each window reading the records whose
/// `updated_at` moved since the last one, or every record on a full scan. Each page of a
/// per-candidate stream is ``candidatesPerPage`` records, committed with its checkpoint, so a
/// killed run continues where it stopped (the engine's stored `nextPage`): the record list is read
/// again (one request per 100) and the sweep goes on from the page before the checkpoint.
public struct WorkableSyncSource: SyncSource {
    /// The client the records are read from.
    public let client: WorkableATSClient
    /// The account these rows belong to in the mirror.
    public let account: String
    /// Candidate records per page of a per-candidate stream (and per transaction).
    public let candidatesPerPage: Int
    /// The streams whose records come from list pages.
    public static let recordStreams: [SyncStreamName] = [.jobs, .applications, .candidates]
    /// The streams that cost one request per candidate record.
    public static let perCandidateStreams: [SyncStreamName] = [.notes, .files]

    private let records: ATSClientSyncSource

    /// Creates a source.
    /// - Parameters:
    ///   - client: The Workable client.
    ///   - account: The mirror's name for the account.
    ///   - pageSize: Records per page of the list streams.
    ///   - candidatesPerPage: Candidate records per page of the per-candidate streams.
    ///   - lookBack: The overlap between consecutive windows (Workable's times are exact UTC).
    public init(
        client: WorkableATSClient, account: String, pageSize: Int = 500, candidatesPerPage: Int = 10,
        lookBack: Duration = .seconds(60)
    ) {
        self.client = client
        self.account = account
        self.candidatesPerPage = max(1, candidatesPerPage)
        records = ATSClientSyncSource(client: client, account: account, pageSize: pageSize, lookBack: lookBack)
    }

    /// Workable.
    public var provider: ATSProvider { .workable }

    /// Every stream: the list streams, then the per-candidate ones.
    public var streams: [SyncStreamName] { Self.recordStreams + Self.perCandidateStreams }

    /// Candidates are built from the stored applications, grouped by `candidate_id` (the normalised
    /// e-mail's id): no request at all, where reading them from Workable would read every record again.
    public static let candidateDerivation = StreamDerivation(
        stream: .candidates, source: .applications, groupColumn: StreamSchema.ApplicationColumns.candidateID.name)

    /// Incremental on `updated_at`, exact UTC timestamps, deletions after a complete scan; candidates
    /// derived from the applications.
    public func contract(for stream: SyncStreamName) -> StreamContract? {
        if stream == .candidates { return .derived(Self.candidateDerivation) }
        if Self.recordStreams.contains(stream) { return records.contract(for: stream) }
        guard Self.perCandidateStreams.contains(stream) else { return nil }
        return StreamContract(
            stream: stream, cursor: .updateTime(field: "updated_at"), timestamps: .absolute,
            lookBack: records.lookBack, deletions: .byCompleteScan)
    }

    /// Candidates from their stored applications (each row's JSON is the Workable record).
    public func derivedRecords(for derivation: StreamDerivation, groups: [String: [StoredRow]]) throws -> [SyncRecord] {
        guard derivation == Self.candidateDerivation else { throw SyncError.unknownStream(derivation.stream) }
        let identity = client.identity
        var records: [SyncRecord] = []
        for group in groups.keys.sorted() {
            let applications = (groups[group] ?? []).compactMap { row -> Application? in
                guard let json = try? WorkableJSON(parsing: Data(row.raw.utf8)),
                    let record = WorkableCandidate(json: json)
                else { return nil }
                return WorkableMapping.application(record, stage: nil, identity: identity)
            }
            for candidate in WorkableATSClient.candidates(grouping: applications) where candidate.id.rawValue == group {
                records.append(ATSClientSyncRecords.candidate(candidate))
            }
        }
        return records
    }

    /// The pages of a stream in a window.
    public func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int) -> WorkableSourcePages {
        if Self.recordStreams.contains(stream) {
            let pages = records.pages(of: stream, window: window, startingAt: page)
            return WorkableSourcePages {
                let iterator = PageState(pages.makeAsyncIterator())
                return { try await iterator.value.next() }
            }
        }
        guard Self.perCandidateStreams.contains(stream) else { return .empty }
        return PerCandidateSweep(
            client: client, stream: stream, lower: window.lower, perPage: candidatesPerPage
        ).pages(startingAt: page)
    }
}

extension WorkableSyncSource {
    /// The requests, retries and 429 answers `work` caused through the client's `WorkableAPI`, apart
    /// from those of streams read meanwhile.
    public func countingTraffic<Result: Sendable>(
        _ work: () async throws -> Result
    ) async throws -> (result: Result, traffic: SyncTraffic) {
        let tally = WorkableTrafficTally()
        let result = try await tally.counting(work)
        return (
            result,
            SyncTraffic(requests: tally.requests, retries: tally.retries, rateLimited: tally.rateLimitedResponses)
        )
    }
}
