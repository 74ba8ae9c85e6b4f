import ATSCore
@testable import ATSSync
import Foundation
import Testing

/// A client with native candidates and naive local timestamps, streaming records held in memory.
private struct CandidateClient: ATSClient {
    var candidates: [Candidate]
    var zone: TimeZone?

    var capabilities: ATSCapabilities {
        ATSCapabilities(
            provider: ATSProvider(rawValue: "people"), timestampsAreLocalTime: true,
            operations: [.streamCandidates: .supported, .streamJobs: .notSupported("No jobs here.")])
    }

    var accountTimeZone: TimeZone? { zone }

    func streamCandidates(_ query: ATSChangeQuery) -> ATSStream<Candidate> {
        ATSStream(Listed(records: candidates))
    }

    struct Listed: AsyncSequence, Sendable {
        let records: [Candidate]
        func makeAsyncIterator() -> Iterator { Iterator(remaining: records[...]) }
        struct Iterator: AsyncIteratorProtocol {
            var remaining: ArraySlice<Candidate>
            mutating func next() async throws -> Candidate? { remaining.popFirst() }
        }
    }
}

@Suite struct ATSClientSyncSourceTests {
    static let people = (1...5).map { number in
        Candidate(
            id: CandidateID("P\(number)"), person: Person(firstName: "P", lastName: "\(number)"),
            applicationIDs: [ApplicationID("A\(number)"), ApplicationID("B\(number)")], jobIDs: [],
            updatedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(number)))
    }

    @Test func streamsFollowTheCapabilitiesAndTheLookBackTheTimestamps() throws {
        let unknownZone = ATSClientSyncSource(client: CandidateClient(candidates: []), account: "a")
        #expect(unknownZone.provider.rawValue == "people")
        #expect(unknownZone.streams == [.candidates])
        #expect(unknownZone.contract(for: .jobs) == nil)
        let contract = try #require(unknownZone.contract(for: .candidates))
        #expect(contract.lookBack == ATSClientSyncSource.unplacedLocalTimeLookBack)
        #expect(contract.lookBack > .seconds(14 * 3_600), "a naive time can be 14 h off UTC (Kiritimati)")
        #expect(contract.timestamps == .accountLocal(timeZone: nil))
        #expect(contract.supportsIncrementalUpdates)

        let zoned = ATSClientSyncSource(
            client: CandidateClient(candidates: [], zone: TimeZone(identifier: "Pacific/Honolulu")), account: "a")
        #expect(zoned.contract(for: .candidates)?.lookBack == StreamContract.defaultLookBack)
        #expect(zoned.contract(for: .candidates)?.timestamps == .accountLocal(timeZone: "Pacific/Honolulu"))
    }

    /// A layout that names a column the table lacks, leaves one out or reorders them would leave a
    /// typed column NULL for every provider that mirrors through the client.
    @Test func everyLayoutListsItsTablesColumnsInOrder() {
        #expect(ATSClientSyncRecords.Layouts.jobs.mismatches == [])
        #expect(ATSClientSyncRecords.Layouts.applications.mismatches == [])
        #expect(ATSClientSyncRecords.Layouts.candidates.mismatches == [])
    }

    @Test func pagesCutTheStreamAndAreNumberedFromTheResumedPage() async throws {
        let source = ATSClientSyncSource(client: CandidateClient(candidates: Self.people), account: "a", pageSize: 2)
        let window = SyncWindow(lower: nil, upper: Date(), isFullScan: true)
        var pages: [SourcePage] = []
        for try await page in source.pages(of: .candidates, window: window, startingAt: 3) { pages.append(page) }
        #expect(pages.map(\.number) == [3, 4, 5])
        #expect(pages.map { $0.records.map(\.id) } == [["P1", "P2"], ["P3", "P4"], ["P5"]])
        let first = try #require(pages.first?.records.first)
        #expect(first.fields["application_ids"] == .text(#"["A1","B1"]"#))
        #expect(first.fields["last_name"] == .text("1"))
        #expect(first.updatedAt == Self.people[0].updatedAt)

        let empty = ATSClientSyncSource(client: CandidateClient(candidates: []), account: "a")
        var none = 0
        for try await _ in empty.pages(of: .candidates, window: window, startingAt: 1) { none += 1 }
        #expect(none == 0, "an empty stream has no pages")
    }

    @Test func syncsIntoTheStoreUnderItsProvider() async throws {
        let store = InMemorySyncStore()
        let source = ATSClientSyncSource(client: CandidateClient(candidates: Self.people), account: "people-1")
        let report = try await SyncEngine(source: source, store: store).run(source.streams)
        #expect(report.streams.map(\.outcome.inserted) == [5])
        #expect(try await store.accountProviders() == ["people-1": ATSProvider(rawValue: "people")])
    }
}
