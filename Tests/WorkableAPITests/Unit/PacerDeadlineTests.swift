import Foundation
import Synchronization
import Testing

@testable import WorkableAPI

@Suite struct PacerDeadlineTests {
    /// Two calls of one token, paced one per 10 s: the second already waits for the local window
    /// when the first's 429 says the server's window resets in an hour. When it wakes, the second
    /// must give up (its call's deadline is 5 min) rather than go back to sleep for the hour: that
    /// hour-long sleep would keep a bulk command running long after its call had failed.
    @Test func aRequestAlreadyWaitingGivesUpWhenA429HoldsPastItsDeadline() async throws {
        let clock = SteppedClock(horizon: .seconds(600))
        let pacer = WorkableRequestPacer(
            rateLimit: WorkableRateLimit(requests: 1, window: .seconds(10)),
            clock: WorkableClock(clock, wallClock: { Date(timeIntervalSince1970: 1_764_900_000) }))
        var sleeps = clock.sleepRequests.makeAsyncIterator()
        try await pacer.acquire(waitingAtMost: .seconds(300))
        let second = Task { try await pacer.acquire(waitingAtMost: .seconds(300)) }
        let windowWait = try #require(await sleeps.next())
        #expect(windowWait < .seconds(11))
        await pacer.observe(serverLimit: 1, remaining: 0, resetIn: .seconds(3_600), rateLimited: true)
        clock.advance(by: windowWait)
        let result = await second.result
        #expect(throws: WorkableRequestPacer.HeldPastDeadline.self) { try result.get() }
        if case .failure(let held as WorkableRequestPacer.HeldPastDeadline) = result {
            #expect(held.remaining > .seconds(3_500))
        }
        #expect(clock.now.offset == windowWait)
    }

    /// A request within its deadline still waits its turn in the window.
    @Test func aRequestWithinItsDeadlineWaitsForTheWindow() async throws {
        let clock = SteppedClock(horizon: .seconds(600))
        let pacer = WorkableRequestPacer(
            rateLimit: WorkableRateLimit(requests: 1, window: .seconds(10)),
            clock: WorkableClock(clock, wallClock: { Date(timeIntervalSince1970: 1_764_900_000) }))
        var sleeps = clock.sleepRequests.makeAsyncIterator()
        try await pacer.acquire(waitingAtMost: .seconds(300))
        let second = Task { try await pacer.acquire(waitingAtMost: .seconds(300)) }
        let windowWait = try #require(await sleeps.next())
        clock.advance(by: windowWait)
        #expect(try await second.value == windowWait)
    }
}

/// A clock that moves only when a test advances it; a sleep suspends until then. A sleep that would
/// end past `horizon` fails at once instead of suspending forever, so a test of a wait that should
/// not happen fails rather than hangs.
final class SteppedClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    struct PastHorizon: Error {}

    private struct Sleeper {
        let until: Instant
        let wake: CheckedContinuation<Void, Never>
    }

    private let state = Mutex<(now: Instant, sleepers: [Sleeper])>((Instant(offset: .zero), []))
    private let horizon: Duration
    private let requests: AsyncStream<Duration>.Continuation
    /// The length of every sleep asked for, in order.
    let sleepRequests: AsyncStream<Duration>

    init(horizon: Duration) {
        self.horizon = horizon
        (sleepRequests, requests) = AsyncStream.makeStream(of: Duration.self)
    }

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        guard deadline.offset <= horizon else { throw PastHorizon() }
        await withCheckedContinuation { (wake: CheckedContinuation<Void, Never>) in
            let length = state.withLock { state -> Duration? in
                guard deadline > state.now else { return nil }
                state.sleepers.append(Sleeper(until: deadline, wake: wake))
                return state.now.duration(to: deadline)
            }
            guard let length else { return wake.resume() }
            requests.yield(length)
        }
    }

    /// Moves the clock forward and wakes the sleepers whose time has come.
    func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.until <= now }
            state.sleepers.removeAll { $0.until <= now }
            return due
        }
        for sleeper in due { sleeper.wake.resume() }
    }
}
