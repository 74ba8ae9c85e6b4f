public import ATSCore
public import ATSSync
public import Foundation
public import TrackerAPI
public import TrackerATS

/// Tracker as a ``SyncSource``: jobs, custom-field schemas, applications, candidates (derived from
/// applications), notes and files.
///
/// Every stream is read through ``TrackerAPI``'s page sequences, which send `updated_after` with an
/// explicit offset, filter records the server should not have sent, and re-read a page when offset
/// paging shifts under them. The window's lower bound already includes the look-back, which is
/// ``TrackerLookBack`` for the account's time zone (or every US zone when it is not known).
public struct TrackerSyncSource: SyncSource {
    /// The wire client; the caller owns and shuts it down.
    public let api: TrackerAPI
    /// The account these rows belong to in the mirror.
    public let account: String
    /// Tracker: the mirror records it as the account's provider.
    public var provider: ATSProvider { .tracker }
    /// How candidate ids are derived.
    public let identity: CandidateIdentity
    /// The account's time zone, when known.
    public let accountTimeZone: TimeZone?
    /// The look-back rule.
    public let lookBack: TrackerLookBack
    /// Records per page (Tracker's maximum for files is lower; the API client caps it).
    public let pageSize: Int?

    /// Creates a source.
    /// - Parameters:
    ///   - api: The wire client.
    ///   - account: The mirror's name for the account (``TrackerAccountName`` makes one).
    ///   - identity: How candidate ids are derived; use the same as every other run on this mirror.
    ///   - accountTimeZone: The account's time zone, when known.
    ///   - lookBack: The look-back rule.
    ///   - pageSize: Records per page, or nil for Tracker's default.
    public init(
        api: TrackerAPI,
        account: String,
        identity: CandidateIdentity,
        accountTimeZone: TimeZone?,
        lookBack: TrackerLookBack = .automatic,
        pageSize: Int? = nil
    ) {
        self.api = api
        self.account = account
        self.identity = identity
        self.accountTimeZone = accountTimeZone
        self.lookBack = lookBack
        self.pageSize = pageSize
    }

    /// Candidates are built from the stored applications, grouped by `candidate_id`.
    public static let candidateDerivation = StreamDerivation(
        stream: .candidates, source: .applications, groupColumn: StreamSchema.ApplicationColumns.candidateID.name)

    /// Every stream, in sync order: candidates after applications.
    public var streams: [SyncStreamName] {
        [.jobs, .customFieldSchemas, .applications, .candidates, .notes, .files]
    }

    /// The stream's contract.
    public func contract(for stream: SyncStreamName) -> StreamContract? {
        switch stream {
        case .candidates:
            return .derived(Self.candidateDerivation)
        case .customFieldSchemas:
            // Schemas have no update time; they are small, so every run reads them whole.
            return StreamContract(
                stream: stream, cursor: .none, timestamps: .absolute, lookBack: .zero, deletions: .byCompleteScan)
        case .jobs, .applications, .notes, .files:
            return StreamContract(
                stream: stream, cursor: .updateTime(field: "updated_at"),
                timestamps: .accountLocal(timeZone: accountTimeZone?.identifier),
                lookBack: lookBack.duration(accountTimeZone: accountTimeZone, around: Date()),
                deletions: .byCompleteScan)
        default:
            return nil
        }
    }

    /// The pages of a stream in a window.
    public func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int) -> TrackerSourcePages {
        let after = window.lower
        let api = api
        let size = pageSize
        let zone = accountTimeZone
        switch stream {
        case .jobs:
            return pages(api.jobs.pages(.init(updatedAfter: after, pageSize: size, firstPage: page))) {
                TrackerSyncRecords.job($0).marking($0.updatedAt, in: zone)
            }
        case .applications:
            let identity = identity
            return pages(
                api.applications.pages(.init(updatedAfter: after, pageSize: size, firstPage: page))
            ) { TrackerSyncRecords.application($0, identity: identity).marking($0.updatedAt, in: zone) }
        case .notes:
            return pages(api.notes.pages(.init(updatedAfter: after, pageSize: size, firstPage: page))) {
                TrackerSyncRecords.note($0).marking($0.updatedAt, in: zone)
            }
        case .files:
            return pages(api.files.pages(.init(updatedAfter: after, pageSize: size, firstPage: page))) {
                TrackerSyncRecords.file($0).marking($0.updatedAt, in: zone)
            }
        case .customFieldSchemas:
            return Self.schemaPages(api: api)
        default:
            return TrackerSourcePages { { nil } }
        }
    }

    /// With a configured time zone, rows stored while none was (their instants empty) are placed
    /// from their stored JSON after each window.
    public var rederivesUnplacedTimes: Bool { accountTimeZone != nil }

    /// A stored job, application, note or file mapped again from its stored JSON in the account's
    /// time zone, exactly as a fresh read of the same bytes would be.
    public func rederivedRecord(from row: StoredRow, of stream: SyncStreamName) -> SyncRecord? {
        let bytes = Array(row.raw.utf8)
        let zone = accountTimeZone
        switch stream {
        case .jobs:
            return TrackerJob.decodingStoredJSON(bytes, accountTimeZone: zone).map {
                TrackerSyncRecords.job($0).marking($0.updatedAt, in: zone)
            }
        case .applications:
            return TrackerApplication.decodingStoredJSON(bytes, accountTimeZone: zone).map {
                TrackerSyncRecords.application($0, identity: identity).marking($0.updatedAt, in: zone)
            }
        case .notes:
            return TrackerNote.decodingStoredJSON(bytes, accountTimeZone: zone).map {
                TrackerSyncRecords.note($0).marking($0.updatedAt, in: zone)
            }
        case .files:
            return TrackerFile.decodingStoredJSON(bytes, accountTimeZone: zone).map {
                TrackerSyncRecords.file($0).marking($0.updatedAt, in: zone)
            }
        default:
            return nil
        }
    }

    /// Candidates from their stored applications.
    public func derivedRecords(for derivation: StreamDerivation, groups: [String: [StoredRow]]) throws -> [SyncRecord] {
        guard derivation == Self.candidateDerivation else { throw SyncError.unknownStream(derivation.stream) }
        return try CandidateDerivation(accountTimeZone: accountTimeZone).records(groups)
    }

    /// The requests `work` sent through the API client, apart from those of streams read meanwhile.
    public func countingTraffic<Result: Sendable>(
        _ work: () async throws -> Result
    ) async throws -> (result: Result, traffic: SyncTraffic) {
        let tally = TrackerTrafficTally()
        let result = try await tally.counting(work)
        let traffic = tally.traffic
        return (
            result, SyncTraffic(requests: traffic.requests, retries: traffic.retries, rateLimited: traffic.rateLimited)
        )
    }

    /// Tracker's clock from the latest answer's `Date` header.
    public func providerClock() -> Date? { api.serverClock?.serverDate }

    private func pages<Record: Sendable>(
        _ sequence: TrackerPageSequence<Record>,
        map: @escaping @Sendable (Record) -> SyncRecord
    ) -> TrackerSourcePages {
        let api = api
        return TrackerSourcePages {
            let box = MutableBox(sequence.makeAsyncIterator())
            return {
                guard let page = try await box.value.next() else { return nil }
                var warnings: [String] = []
                if api.configuration.accountTimeZone == nil,
                    api.serverObservations.contains(where: { $0.kind == .naiveTimestamps })
                {
                    warnings.append(Self.unplacedTimesWarning)
                }
                if page.serverIgnoredUpdatedAfter {
                    warnings.append(
                        "The server ignored updated_after and sent records older than the window; ATSKit dropped "
                            + "them itself, but every incremental run reads the whole account.")
                }
                // TrackerAPI probes every page boundary with an id gap and re-reads the page before it
                // when records moved back across it; that holds while ids come in ascending order.
                let verified =
                    api.configuration.pagingConsistency.verifiesBoundaries
                    && !api.serverObservations.contains { $0.kind == .unorderedPages }
                return SourcePage(
                    number: page.number, records: page.records.map(map), totalCount: page.paging.totalCount,
                    warnings: warnings, boundaryVerified: verified)
            }
        }
    }

    /// Said in the report of every stream whose records carried naive local times while no account
    /// time zone was configured.
    public static let unplacedTimesWarning =
        "Tracker sent times without an offset (the account's local time) and no time zone is configured, so "
        + "their instants are unknown: the mirror leaves updated_at, created_at and applied_at empty (NULL) "
        + "instead of storing them wrong, and keeps the text in each row's raw JSON. Configure the account's "
        + "time zone, as shown in its settings in Tracker (ats: --timezone, TRACKER_TIMEZONE or the profile key "
        + "timezone); the next sync fills the empty instants in from the stored JSON, without downloading again."

    /// The three schemas as one page: they are small and have no paging.
    private static func schemaPages(api: TrackerAPI) -> TrackerSourcePages {
        TrackerSourcePages {
            let done = MutableBox(false)
            return {
                guard !done.value else { return nil }
                done.value = true
                // Both at once: at 50 ms a request, an incremental run is mostly such round trips.
                async let applicationSchema = capture { try await api.applications.customFieldsSchema() }
                async let jobSchema = capture { try await api.jobs.customFieldsSchema() }
                let (applicationResult, jobResult) = await (applicationSchema, jobSchema)
                // The schemas are optional endpoints: without one, the stream is skipped (not emptied,
                // which a complete scan would turn into deletions) and the records keep untyped fields.
                let missing = [applicationResult, jobResult].compactMap { result -> String? in
                    guard case .failure(let error as TrackerAPIError) = result, error.code == .endpointNotFound,
                        api.baseURLIsAPIRoot
                    else { return nil }
                    return error.endpoint
                }
                if !missing.isEmpty {
                    throw SyncStreamUnavailable(
                        reason: "this server does not offer \(missing.joined(separator: " or ")) (HTTP 404), so the "
                            + "mirror keeps no custom-field schemas and custom fields stay untyped; the stored "
                            + "schemas are kept as they were.")
                }
                let applications = try applicationResult.get()
                let jobs = try jobResult.get()
                let records =
                    applications.map { TrackerSyncRecords.customFieldDefinition($0, owner: .application) }
                    + jobs.map { TrackerSyncRecords.customFieldDefinition($0, owner: .job) }
                return SourcePage(number: 1, records: records, totalCount: records.count)
            }
        }
    }
}

/// What `body` returns or throws, as a value, so that two concurrent reads can both be inspected.
private func capture<Value: Sendable>(_ body: () async throws -> Value) async -> Result<Value, any Error> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}

extension SyncRecord {
    /// The record, marked when its update time is a naive local time that names two instants
    /// (the hour a daylight-saving change repeats), so the store does not order versions by it.
    func marking(_ updatedAt: TrackerTimestamp?, in zone: TimeZone?) -> SyncRecord {
        guard let updatedAt, let zone, updatedAt.isAmbiguous(in: zone) else { return self }
        var marked = self
        marked.updatedAtIsAmbiguous = true
        return marked
    }
}
