import Testing

@testable import TrackerAPI

@Suite struct RateLimiterTests {
    @Test func burstGoesAtOnceThenTheRateHolds() async {
        let clock = ManualClock()
        let limiter = RateLimiter(limit: TrackerRateLimit(requestsPerSecond: 10, burst: 3), clock: TrackerClock(clock))
        var waits: [Duration] = []
        for _ in 0..<6 { waits.append(await limiter.reserve()) }
        #expect(waits == [.zero, .zero, .zero, .milliseconds(100), .milliseconds(200), .milliseconds(300)])
    }

    @Test func waitsSpreadRequestsEvenly() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(limit: TrackerRateLimit(requestsPerSecond: 4, burst: 1), clock: TrackerClock(clock))
        for _ in 0..<5 { try await limiter.acquire() }
        #expect(clock.sleeps == [.milliseconds(250), .milliseconds(250), .milliseconds(250), .milliseconds(250)])
    }

    @Test func quietTimeRefillsTheBucket() async {
        let clock = ManualClock()
        let limiter = RateLimiter(limit: TrackerRateLimit(requestsPerSecond: 10, burst: 2), clock: TrackerClock(clock))
        _ = await limiter.reserve()
        _ = await limiter.reserve()
        clock.advance(by: .seconds(5))
        #expect(await limiter.reserve() == .zero)
        #expect(await limiter.reserve() == .zero)
        #expect(await limiter.reserve() == .milliseconds(100))
    }

    @Test func aPauseHoldsEveryone() async {
        let clock = ManualClock()
        let limiter = RateLimiter(
            limit: TrackerRateLimit(requestsPerSecond: 100, burst: 10), clock: TrackerClock(clock))
        await limiter.pause(for: .seconds(3))
        #expect(await limiter.reserve() == .seconds(3))
    }
}
