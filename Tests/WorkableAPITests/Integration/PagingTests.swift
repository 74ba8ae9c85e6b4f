import Foundation
import Testing
import WorkableAPI
import WorkableSandbox

@Suite struct PagingTests {
    @Test(arguments: WorkableSandboxBehavior.NextLinkStyle.allCases)
    func everyFormOfNextEndsWithEveryRecord(style: WorkableSandboxBehavior.NextLinkStyle) async throws {
        try await withWorkableHarness({ $0.behavior.nextLinks = style }, client: ClientOptions(pageSize: 6)) {
            harness in
            let candidates = try await harness.api.candidates.list().collect()
            #expect(candidates.map(\.id.rawValue) == harness.control.candidates.map(\.id))
            let kinds = Set(harness.api.serverObservations.map(\.kind))
            #expect(kinds.contains(.nextOnOtherHost) == (style == .otherHost))
            #expect(kinds.contains(.nextNullOrEmpty) == (style == .nullOnLastPage))
            // Every request carried the token and went to the sandbox, never to www.workable.com.
            #expect(harness.apiRequests.allSatisfy { $0.hadAuthorization })
            #expect(harness.apiRequests.count == (harness.control.candidates.count + 5) / 6)
        }
    }

    @Test func recordsAddedWhilePagingComeAtTheEndAndShiftNothing() async throws {
        try await withWorkableHarness(client: ClientOptions(pageSize: 5)) { harness in
            var seen: [String] = []
            var pages = 0
            for try await page in harness.api.candidates.list() {
                seen += page.records.map(\.id.rawValue)
                pages += 1
                if pages == 2 { harness.control.mutate(count: 12) }
            }
            #expect(seen == harness.control.candidates.map(\.id))
            #expect(Set(seen).count == seen.count)
        }
    }

    @Test func aServerThatIgnoresTimeFiltersIsFilteredByTheClient() async throws {
        try await withWorkableHarness({ $0.behavior.ignoresTimeFilters = true }) { harness in
            let truth = harness.control.candidates
            let middle = truth.sorted { $0.updatedAtMillis < $1.updatedAtMillis }[truth.count / 2]
            let bound = WorkableTimestamp(middle.updatedAt)
            let updated = try await harness.api.candidates.list(.init(updatedAfter: bound)).collect()
            #expect(
                updated.map(\.id.rawValue) == truth.filter { $0.updatedAtMillis > middle.updatedAtMillis }.map(\.id))
            #expect(harness.api.serverObservations.contains { $0.kind == .timeFilterIgnored })
        }
    }

    @Test func nothingIsFetchedUntilIteratedAndCancellationStopsPaging() async throws {
        try await withWorkableHarness(client: ClientOptions(pageSize: 2)) { harness in
            let pages = harness.api.candidates.list()
            #expect(harness.apiRequests.isEmpty)
            var iterator = pages.makeAsyncIterator()
            _ = try await iterator.next()
            #expect(harness.apiRequests.count == 1)
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await harness.api.candidates.list().collect()
            }
            await #expect { _ = try await task.value } throws: { error in
                (error as? WorkableAPIError)?.code == .cancelled
            }
        }
    }
}
