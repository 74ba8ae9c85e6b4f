import Foundation
import Synchronization
import Testing

@testable import TrackerAPI

/// The client-wide request budget: waiting tasks take turns by lane, the bound holds over every
/// paging sequence of a client, a 429 shrinks the window and pauses everyone, and the patient
/// retry policy waits out rate limiting that the default one gives up on. Manual clock, no sockets.
@Suite struct RequestBudgetTests {
    private static func waitUntil(_ condition: () -> Bool) async {
        while !condition() { await Task.yield() }
    }

    @Test func waitingTasksTakeTurnsByLane() async throws {
        let budget = RequestBudget(maximumInFlight: 1, clock: TrackerClock(ManualClock()))
        let holder = try await budget.acquire(lane: 9)
        let order = GrantLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Four requests of one lane queue up first, then one of another lane.
            let arrivals = [(1, "a0"), (1, "a1"), (1, "a2"), (1, "a3"), (2, "b0")]
            for (index, (lane, name)) in arrivals.enumerated() {
                group.addTask {
                    let slot = try await budget.acquire(lane: UInt64(lane))
                    order.append(name)
                    slot.release(.answered)
                }
                await Self.waitUntil { budget.window.waitingCount == index + 1 }
            }
            holder.release(.answered)
            try await group.waitForAll()
        }
        #expect(order.values == ["a0", "b0", "a1", "a2", "a3"])
    }

    @Test func aCancelledWaiterHoldsNothing() async throws {
        let budget = RequestBudget(maximumInFlight: 1, clock: TrackerClock(ManualClock()))
        let holder = try await budget.acquire(lane: 1)
        let waiter = Task { try await budget.acquire(lane: 2) }
        await Self.waitUntil { budget.window.waitingCount == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        holder.release(.answered)
        let next = try await budget.acquire(lane: 3)
        #expect(budget.window.inFlight == 1)
        next.release(.answered)
        next.release(.answered)
        #expect(budget.window.inFlight == 0)
    }

    @Test func aPauseHoldsBackEveryNewRequest() async throws {
        let clock = ManualClock()
        let budget = RequestBudget(maximumInFlight: 4, clock: TrackerClock(clock))
        budget.pause(for: .seconds(3))
        let slot = try await budget.acquire(lane: 1)
        slot.release(.answered)
        #expect(clock.sleeps == [.seconds(3)])
        _ = try await budget.acquire(lane: 2)
        #expect(clock.sleeps == [.seconds(3)])
    }

    @Test func theInFlightBoundHoldsOverEveryPagingSequenceOfAClient() async throws {
        let server = FakeListServer(count: 400)
        var configuration = TestAPI.configuration(pageSize: 10, pagesInFlight: 4)
        configuration.maximumRequestsInFlight = 3
        let (api, transport, _) = try TestAPI.make(configuration) { request, index in
            // Suspend so that requests really overlap in the transport.
            for _ in 0..<20 { await Task.yield() }
            return server.respond(request, index: index)
        }
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try await api.applications.list().collect().count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == [400, 400, 400, 400])
        // Four sequences of 4 pages in flight each would have sent up to 16 at once.
        #expect(transport.peakConcurrency <= 3)
        #expect(api.budget.window.peakInFlight <= 3)
    }

    @Test func a429HalvesTheWindowAndAnswersGrowItBack() async throws {
        var configuration = TestAPI.configuration()
        configuration.maximumRequestsInFlight = 4
        let (api, _, clock) = try TestAPI.make(configuration) { _, index in
            index == 0 ? .text(429, "slow down", headers: ["Retry-After": "2"]) : .json(#"{"id": "1"}"#)
        }
        _ = try await api.jobs.get(1)
        #expect(clock.sleeps == [.seconds(2)], "the retry waited the Retry-After, the pause added nothing")
        #expect(api.budget.window.capacity == 2)
        for _ in 0..<8 { _ = try await api.jobs.get(1) }
        #expect(api.budget.window.capacity == 4)
    }

    @Test func aRetryAfterPausesTheOtherCallsOfTheClientToo() async throws {
        let (api, transport, clock) = try TestAPI.make(TestAPI.configuration(retry: .none)) { _, index in
            index == 0 ? .text(429, "", headers: ["Retry-After": "5"]) : .json(#"{"id": "1"}"#)
        }
        let refused = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(refused.code == .rateLimited)
        #expect(clock.sleeps.isEmpty, "a policy without retries does not wait itself")
        // The next call, although a different one, waits out the pause before it is sent.
        _ = try await api.jobs.get(2)
        #expect(clock.sleeps == [.seconds(5)])
        #expect(transport.requests.count == 2)
    }

    @Test func thePatientPolicyWaitsOutRateLimitingThatTheDefaultGivesUpOn() async throws {
        let refusals = 12
        let handler: ScriptedTransport.Handler = { _, index in
            index < refusals ? .text(429, "", headers: ["Retry-After": "1"]) : .json(#"{"id": "1"}"#)
        }
        let (impatient, _, _) = try TestAPI.make(handler: handler)
        let error = try await #require(throws: TrackerAPIError.self) { try await impatient.jobs.get(1) }
        #expect(error.code == .rateLimited)
        #expect(error.attempts == 5)

        let (patient, transport, clock) = try TestAPI.make(TestAPI.configuration(retry: .patient), handler: handler)
        let job = try await patient.jobs.get(1)
        #expect(job.id.rawValue == "1")
        #expect(transport.requests.count == refusals + 1)
        #expect(clock.sleeps.allSatisfy { $0 == .seconds(1) })
    }

    @Test func thePatientPolicyStillHasOneDeadline() async throws {
        let (api, transport, clock) = try TestAPI.make(TestAPI.configuration(retry: .patient)) { _, _ in
            .text(429, "", headers: ["Retry-After": "60"])
        }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == .rateLimited)
        #expect(clock.elapsed <= TrackerRetryPolicy.patient.overallTimeout)
        #expect(transport.requests.count == 15)
    }

    @Test func aRetryAfterOfZeroIsNotABurst() async throws {
        let (api, _, clock) = try TestAPI.make(TestAPI.configuration(retry: .patient)) { _, index in
            index < 3 ? .text(429, "", headers: ["Retry-After": "0"]) : .json(#"{"id": "1"}"#)
        }
        _ = try await api.jobs.get(1)
        #expect(clock.sleeps == Array(repeating: TrackerRetryPolicy.patient.initialBackoff, count: 3))
    }

    @Test func a5xxStillUsesUpAttemptsUnderThePatientPolicy() async throws {
        let (api, transport, _) = try TestAPI.make(TestAPI.configuration(retry: .patient)) { _, _ in
            .text(503, "down")
        }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == .serverError)
        #expect(transport.requests.count == TrackerRetryPolicy.patient.maximumAttempts)
    }
}

private final class GrantLog: Sendable {
    private let storage = Mutex<[String]>([])
    var values: [String] { storage.withLock { $0 } }
    func append(_ value: String) { storage.withLock { $0.append(value) } }
}
