import Foundation
import Synchronization
import Testing
import TrackerAPI

@Suite struct PagingTests {
    private func make(
        _ server: FakeListServer,
        pageSize: Int = 10,
        pagesInFlight: Int = 3,
        consistency: TrackerPagingConsistency = .default
    ) throws -> (TrackerAPI, ScriptedTransport) {
        var configuration = TestAPI.configuration(pageSize: pageSize, pagesInFlight: pagesInFlight)
        configuration.pagingConsistency = consistency
        let (api, transport, _) = try TestAPI.make(configuration) { request, index in
            server.respond(request, index: index)
        }
        return (api, transport)
    }

    @Test func nothingIsFetchedUntilIteration() async throws {
        let (api, transport) = try make(FakeListServer(count: 25))
        let sequence = api.applications.list()
        #expect(transport.requests.isEmpty)
        let ids = try await sequence.collect().map(\.id)
        #expect(ids == (1...25).map { TrackerApplicationID(Int64($0)) })
        #expect(transport.requests.count == 3)
    }

    @Test func pagesCarryTheirHeaders() async throws {
        let (api, _) = try make(FakeListServer(count: 25))
        var pages: [TrackerPage<TrackerApplication>] = []
        for try await page in api.applications.pages() { pages.append(page) }
        #expect(pages.map(\.number) == [1, 2, 3])
        #expect(pages.map(\.records.count) == [10, 10, 5])
        #expect(
            pages[1].paging
                == TrackerPagingInfo(
                    totalCount: 25, pages: 3, resultsPerPage: 10, currentPage: 2,
                    firstLink: "https://x/applications?page=1", lastLink: "https://x/applications?page=3"))
    }

    @Test func prefetchIsBounded() async throws {
        let (api, transport) = try make(FakeListServer(count: 1_000), pagesInFlight: 4)
        let count = try await api.applications.list().collect().count
        #expect(count == 1_000)
        #expect(transport.peakConcurrency <= 4)
        #expect(transport.requests.count == 100)
    }

    @Test func withoutHeadersAShortPageEndsTheList() async throws {
        var options = FakeListServer.Options()
        options.sendsHeaders = false
        let (api, transport) = try make(FakeListServer(count: 20, options: options), pagesInFlight: 1)
        #expect(try await api.applications.list().collect().count == 20)
        // Pages 1, 2 are full; page 3 is empty and ends the list (page 4 may have been asked for
        // ahead); one probe checks that nothing moved back across that last boundary.
        let pages = transport.requests.compactMap { $0.query["per_page"] == "10" ? $0.query["page"] : nil }
        #expect(pages.prefix(3) == ["1", "2", "3"] && pages.count <= 4)
        #expect(transport.requests.contains { $0.query == ["page": "20", "per_page": "1"] })
        #expect(api.serverObservations.contains { $0.kind == .pagingHeadersMissing })
    }

    @Test func aCappedPageSizeIsNotMistakenForTheEnd() async throws {
        var options = FakeListServer.Options()
        options.maximumPerPage = 4
        let (api, _) = try make(FakeListServer(count: 10, options: options), pageSize: 10)
        #expect(try await api.applications.list().collect().count == 10)
        #expect(api.serverObservations.contains { $0.kind == .pageSizeCapped })
    }

    @Test func recordsOlderThanUpdatedAfterAreDroppedAndReported() async throws {
        var options = FakeListServer.Options()
        options.updatedAt = { $0 % 2 == 0 ? "2020-02-13T16:42:00Z" : "2019-01-01T00:00:00Z" }
        let observed = Mutex<[TrackerServerObservation]>([])
        var configuration = TestAPI.configuration(pageSize: 10)
        configuration.onServerObservation = { observation in observed.withLock { $0.append(observation) } }
        let server = FakeListServer(count: 20, options: options)
        let (api, _, _) = try TestAPI.make(configuration) { request, index in server.respond(request, index: index) }
        let since = Date(timeIntervalSince1970: 1_570_000_000)
        var dropped = 0
        var kept: [TrackerApplication] = []
        for try await page in api.applications.pages(.init(updatedAfter: since)) {
            dropped += page.droppedStaleCount
            kept += page.records
            #expect(page.serverIgnoredUpdatedAfter)
        }
        #expect(dropped == 10)
        #expect(kept.allSatisfy { ($0.id.integerValue ?? 1) % 2 == 0 })
        #expect(observed.withLock { $0.map(\.kind) }.contains(.updatedAfterIgnored))
    }

    @Test func naiveTimestampsWithoutAZoneAreNotDroppedOnAGuess() async throws {
        var options = FakeListServer.Options()
        options.updatedAt = { _ in "2020-02-13 08:42:00" }  // 16:42Z in Los Angeles
        let server = FakeListServer(count: 5, options: options)
        let configuration = TestAPI.configuration(pageSize: 10, timeZone: nil)
        let (api, _, _) = try TestAPI.make(configuration) { request, index in server.respond(request, index: index) }
        // Read as UTC, 08:42Z looks older than 10:00Z; it is kept because the zone is unknown.
        let since = Date(timeIntervalSince1970: 1_581_588_000)
        #expect(try await api.applications.list(.init(updatedAfter: since)).collect().count == 5)
    }

    @Test func deletionsDuringPagingLoseNothing() async throws {
        // Before the 3rd request, delete three records from the first page: every later record
        // moves back three places.
        let server = FakeListServer(count: 50) { index, ids in
            if index == 2 { ids.removeAll { [2, 4, 6].contains($0) } }
        }
        let (api, _) = try make(server, pagesInFlight: 1)
        var seen = Set<TrackerApplicationID>()
        var rereads = 0
        for try await page in api.applications.pages() {
            if page.isReread { rereads += 1 }
            for record in page.records { seen.insert(record.id) }
        }
        let survivors = Set((1...50).filter { ![2, 4, 6].contains($0) }.map { TrackerApplicationID(Int64($0)) })
        #expect(seen.isSuperset(of: survivors))
        #expect(rereads >= 1)
        #expect(api.serverObservations.contains { $0.kind == .pageShift })
    }

    @Test func balancedInsertsAndDeletesLoseNothing() async throws {
        let server = FakeListServer(count: 50) { index, ids in
            if index == 2 {
                ids.removeAll { $0 == 3 }
                ids.append(1_000)
            }
        }
        let (api, _) = try make(server, pagesInFlight: 1)
        let seen = Set(try await api.applications.list().collect().map(\.id))
        let survivors = Set((1...50).filter { $0 != 3 }.map { TrackerApplicationID(Int64($0)) })
        #expect(seen.isSuperset(of: survivors))
    }

    @Test func aServerThatIgnoresPageIsAnErrorNotAShortList() async throws {
        let body = "[" + (1...10).map { #"{"id": \#($0)}"# }.joined(separator: ",") + "]"
        let (api, _, _) = try TestAPI.make(TestAPI.configuration(pageSize: 10)) { _, _ in .json(body) }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.applications.list().collect() }
        #expect(error.code == .malformedResponse)
        #expect(error.field == "page")
    }

    @Test func aStableListCostsNoExtraRequests() async throws {
        let (api, transport) = try make(FakeListServer(count: 95), pagesInFlight: 2)
        #expect(try await api.applications.list().collect().count == 95)
        #expect(transport.requests.count == 10)
        #expect(transport.requests.allSatisfy { $0.query["per_page"] == "10" })
    }

    @Test func aFailingPageFailsTheSequence() async throws {
        let server = FakeListServer(count: 50)
        let (api, _, _) = try TestAPI.make(TestAPI.configuration(retry: .none, pageSize: 10, pagesInFlight: 3)) {
            request, index in
            request.query["page"] == "3" ? .text(500, "down") : server.respond(request, index: index)
        }
        var delivered = 0
        let error = try await #require(throws: TrackerAPIError.self) {
            for try await page in api.applications.pages() { delivered += page.records.count }
        }
        #expect(error.code == .serverError)
        #expect(delivered == 20)
    }

    @Test func cancellationStopsPaging() async throws {
        let server = FakeListServer(count: 10_000)
        let (api, transport) = try make(server, pagesInFlight: 2)
        let task = Task {
            var count = 0
            for try await _ in api.applications.list() {
                count += 1
                if count == 25 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return count
        }
        let result = await task.result
        #expect(throws: TrackerAPIError.self) { try result.get() }
        #expect(transport.requests.count < 10)
    }
}
