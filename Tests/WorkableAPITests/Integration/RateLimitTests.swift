import Foundation
import Testing
import WorkableAPI
import WorkableSandbox

/// The client paces itself to the account's limit and never loses a page to a 429. Time is
/// virtual: the client's sleeps move the sandbox's clock, so nothing waits for real.
@Suite struct RateLimitTests {
    /// The most requests any of the sandbox's fixed windows (aligned on Unix time) received.
    func busiestWindow(_ requests: [WorkableSandboxRequest], window: Double = 10) -> Int {
        let counts = Dictionary(grouping: requests) { ($0.receivedAt.timeIntervalSince1970 / window).rounded(.down) }
        return counts.values.map(\.count).max() ?? 0
    }

    @Test func aPagedScanHoldsTenPerTenSecondsWithNoFailedRequest() async throws {
        try await withWorkableHarness({ $0.personCount = 60 }, client: ClientOptions(pageSize: 3)) { harness in
            let candidates = try await harness.api.candidates.list().collect()
            #expect(candidates.map(\.id.rawValue) == harness.control.candidates.map(\.id))
            let requests = harness.apiRequests
            #expect(requests.count > 30)
            #expect(requests.allSatisfy { $0.status == 200 })
            #expect(busiestWindow(requests) <= 10)
            let traffic = await harness.api.traffic
            #expect(traffic.rateLimitedResponses == 0)
            #expect(traffic.retries == 0)
            #expect(traffic.rateLimitWait > .zero)
            #expect(traffic.currentLimit == 10)
            // The pacing waited in virtual time: about one window per ten requests.
            #expect(harness.clock.totalSlept >= .seconds(10 * (requests.count / 10 - 1)))
        }
    }

    @Test func concurrentStreamsShareOneBudget() async throws {
        try await withWorkableHarness({ $0.personCount = 40 }, client: ClientOptions(pageSize: 5)) { harness in
            let api = harness.api
            async let all = api.candidates.list().collect()
            async let jobs = api.jobs.list(.init(limit: 1)).collect()
            async let members = api.account.members().collect()
            let (candidates, jobList, memberList) = try await (all, jobs, members)
            #expect(candidates.count == harness.control.candidates.count)
            #expect(jobList.count == harness.control.jobs.count)
            #expect(!memberList.isEmpty)
            // On virtual time a stream's pacing sleep can move the sandbox's clock while another
            // stream's request is still on its way, so that request lands in a later window than it
            // was sent in; the strict "no 429" figure is the sequential scan's. Here: nothing lost,
            // nothing failed, and any 429 was waited out.
            #expect(harness.apiRequests.allSatisfy { $0.status == 200 || $0.status == 429 })
            let traffic = await api.traffic
            #expect(traffic.failedAttempts == 0)
            #expect(traffic.rateLimitWait > .zero)
            #expect(busiestWindow(harness.apiRequests.filter { $0.status == 200 }) <= 10)
        }
    }

    @Test func aWindowSpentByAnotherClientCostsA429ThenTheWaitAndNoPage() async throws {
        try await withWorkableHarness(client: ClientOptions(pageSize: 10)) { harness in
            harness.control.exhaustRateLimit()
            let candidates = try await harness.api.candidates.list().collect()
            #expect(candidates.map(\.id.rawValue) == harness.control.candidates.map(\.id))
            let statuses = harness.apiRequests.map(\.status)
            #expect(statuses.first == 429)
            #expect(statuses.filter { $0 == 429 }.count == 1)
            let traffic = await harness.api.traffic
            #expect(traffic.rateLimitedResponses == 1)
            #expect(traffic.retries == 1)
            // The retry waited for the next window rather than going at once.
            let first = try #require(harness.apiRequests.first?.receivedAt)
            let second = try #require(harness.apiRequests.dropFirst().first?.receivedAt)
            #expect(floor(second.timeIntervalSince1970 / 10) > floor(first.timeIntervalSince1970 / 10))
        }
    }

    @Test func aWindowHeldPastTheDeadlineFailsTheNextCallWithoutWaitingForIt() async throws {
        try await withWorkableHarness({ $0.behavior.rateWindowSeconds = 3_600 }) { harness in
            harness.control.exhaustRateLimit()
            await #expect(throws: WorkableAPIError.self) { _ = try await harness.api.jobs.list().collect() }
            // The first 429 holds every request for up to an hour, past any call's deadline: the next
            // call (a bulk command's second application) fails at once instead of sleeping that long.
            let slept = harness.clock.totalSlept
            let error = await #expect(throws: WorkableAPIError.self) {
                _ = try await harness.api.account.members().collect()
            }
            #expect(error?.code == .rateLimited)
            #expect(error?.description.contains("deadline") == true)
            #expect(harness.apiRequests.count == 1)
            #expect(harness.clock.totalSlept == slept)
        }
    }

    @Test(arguments: WorkableSandboxBehavior.ResetFormat.allCases, [false, true])
    func everyResetFormAndRetryAfterAreHonoured(format: WorkableSandboxBehavior.ResetFormat, retryAfter: Bool)
        async throws
    {
        try await withWorkableHarness(
            {
                $0.behavior.resetFormat = format
                $0.behavior.sendsRetryAfter = retryAfter
            }, client: ClientOptions(pageSize: 5)
        ) { harness in
            harness.control.inject([.rateLimited, .rateLimited], pathSuffix: "/candidates")
            let candidates = try await harness.api.candidates.list().collect()
            #expect(candidates.map(\.id.rawValue) == harness.control.candidates.map(\.id))
            #expect(await harness.api.traffic.rateLimitedResponses == 2)
            let kinds = Set(harness.api.serverObservations.map(\.kind))
            #expect(kinds.contains(.retryAfterHeader) == retryAfter)
            if !retryAfter {
                #expect(kinds.contains(.rateLimitResetAsDelta) == (format == .secondsFromNow))
                #expect(kinds.contains(.rateLimitResetAsDate) == (format == .iso8601))
            }
        }
    }

    @Test func theServersLowerLimitReplacesTheConfiguredOne() async throws {
        try await withWorkableHarness(
            { $0.behavior.rateLimit = 4 }, client: ClientOptions(pageSize: 4, rateLimit: .partnerToken)
        ) { harness in
            let candidates = try await harness.api.candidates.list().collect()
            #expect(candidates.count == harness.control.candidates.count)
            #expect(await harness.api.traffic.currentLimit == 4)
            // At most the first window can be overrun before the client hears the server's cap.
            let statuses = harness.apiRequests.map(\.status)
            #expect(statuses.filter { $0 == 429 }.count <= 1)
            #expect(busiestWindow(harness.apiRequests.filter { $0.status == 200 }) <= 4)
        }
    }

    @Test func writesAreRetriedAfterA429AndAppliedOnce() async throws {
        try await withWorkableHarness { harness in
            let truth = try #require(harness.control.candidates.first)
            harness.control.inject([.rateLimited], pathSuffix: "/comments")
            let commentID = try await harness.api.candidates.comment(
                WorkableCandidateID(truth.id), body: "once", by: harness.admin)
            let comments = harness.control.activities(of: truth.id).filter { $0.body == "once" }
            #expect(comments.map(\.id) == [commentID.rawValue])
            #expect(harness.apiRequests.filter { $0.path.hasSuffix("/comments") }.map(\.status) == [429, 201])
        }
    }

    @Test func retriesEndAtTheAttemptLimitWithARateLimitedError() async throws {
        try await withWorkableHarness(client: ClientOptions(maximumAttempts: 3)) { harness in
            harness.control.inject(Array(repeating: .rateLimited, count: 5), pathSuffix: "/stages")
            do {
                _ = try await harness.api.account.stages()
                Issue.record("expected the call to fail")
            } catch let error as WorkableAPIError {
                #expect(error.code == .rateLimited)
                #expect(error.attempts == 3)
                #expect(error.description.contains("rate limit"))
            }
        }
    }
}
