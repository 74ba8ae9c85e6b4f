import Foundation
import Testing

@testable import TrackerAPI

@Suite struct RetryPolicyTests {
    @Test func backoffGrowsExponentiallyUpToTheCap() {
        let policy = TrackerRetryPolicy(initialBackoff: .milliseconds(100), maximumBackoff: .seconds(1), jitter: 0)
        let waits = (1...6).map { policy.backoff(forRetry: $0, randomUnit: 0.7) }
        #expect(
            waits == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
                .seconds(1),
            ]
        )
    }

    @Test func jitterTakesAtMostItsFraction() {
        let policy = TrackerRetryPolicy(initialBackoff: .seconds(1), jitter: 0.5)
        #expect(policy.backoff(forRetry: 1, randomUnit: 0) == .seconds(1))
        #expect(policy.backoff(forRetry: 1, randomUnit: 0.5) == .milliseconds(750))
        #expect(policy.backoff(forRetry: 1, randomUnit: 0.999_999) > .milliseconds(500))
    }

    private func state(_ method: TrackerHTTPMethod, attempts: Int = 1, policy: TrackerRetryPolicy = .init(jitter: 0))
        -> RetryState
    {
        var state = RetryState(policy: policy, method: method, startedAt: .zero)
        for _ in 0..<attempts { state.beginAttempt() }
        return state
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func idempotentMethodsRetryTransientStatuses(status: Int) {
        for method in [TrackerHTTPMethod.get, .put, .delete] {
            let decision = state(method).decide(after: .status(status, retryAfter: nil), now: .zero, randomUnit: 0)
            #expect(decision == .retry(after: .milliseconds(250)))
        }
    }

    @Test(arguments: [400, 401, 403, 404, 409, 422])
    func clientErrorsAreFinal(status: Int) {
        let decision = state(.get).decide(after: .status(status, retryAfter: nil), now: .zero, randomUnit: 0)
        #expect(decision == .giveUp(.notRetryable))
    }

    @Test func postIsRetriedOnlyWhenTheServerCannotHaveActed() {
        let post = state(.post)
        let refused = TrackerTransportError(phase: .connect, reason: "refused")
        let dropped = TrackerTransportError(phase: .exchange, reason: "reset")
        #expect(post.decide(after: .transport(refused), now: .zero, randomUnit: 0) == .retry(after: .milliseconds(250)))
        #expect(
            post.decide(after: .status(429, retryAfter: .seconds(2)), now: .zero, randomUnit: 0)
                == .retry(after: .seconds(2)))
        #expect(post.decide(after: .transport(dropped), now: .zero, randomUnit: 0) == .giveUp(.notRetryable))
        #expect(post.decide(after: .status(500, retryAfter: nil), now: .zero, randomUnit: 0) == .giveUp(.notRetryable))
        #expect(post.decide(after: .malformed, now: .zero, randomUnit: 0) == .giveUp(.notRetryable))
    }

    @Test func retryAfterReplacesTheBackoff() {
        let decision = state(.get).decide(after: .status(503, retryAfter: .seconds(7)), now: .zero, randomUnit: 0)
        #expect(decision == .retry(after: .seconds(7)))
    }

    @Test func attemptsAreBounded() {
        let decision = state(.get, attempts: 5).decide(after: .malformed, now: .zero, randomUnit: 0)
        #expect(decision == .giveUp(.attemptsExhausted))
    }

    @Test func oneDeadlineCoversAllAttempts() {
        let policy = TrackerRetryPolicy(jitter: 0, overallTimeout: .seconds(10))
        let late = state(.get, policy: policy).decide(after: .malformed, now: .milliseconds(9_800), randomUnit: 0)
        #expect(late == .giveUp(.deadline))
        let early = state(.get, policy: policy).decide(after: .malformed, now: .seconds(1), randomUnit: 0)
        #expect(early == .retry(after: .milliseconds(250)))
    }

    @Test func thePatientPolicyExcusesOnly429sThatSayWhenToComeBack() {
        var state = RetryState(policy: .patient, method: .get, startedAt: .zero)
        let told = RetryState.Failure.status(429, retryAfter: .seconds(1))
        for _ in 0..<25 {
            state.beginAttempt()
            state.record(told)
            #expect(state.decide(after: told, now: .zero, randomUnit: 0) == .retry(after: .seconds(1)))
        }
        var untold = RetryState(policy: .patient, method: .get, startedAt: .zero)
        let bare = RetryState.Failure.status(429, retryAfter: nil)
        for _ in 0..<TrackerRetryPolicy.patient.maximumAttempts {
            untold.beginAttempt()
            untold.record(bare)
        }
        #expect(untold.decide(after: bare, now: .zero, randomUnit: 0) == .giveUp(.attemptsExhausted))
    }

    @Test func aRetryAfterLongerThanTheLimitEndsTheCall() {
        let decision = state(.get).decide(after: .status(429, retryAfter: .seconds(3_600)), now: .zero, randomUnit: 0)
        #expect(decision == .giveUp(.retryAfterTooLong))
    }
}

@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test func seconds() {
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == .zero)
        #expect(RetryAfter.parse("1.5", now: now) == .milliseconds(1_500))
        #expect(RetryAfter.parse("-3", now: now) == .zero)
    }

    @Test(arguments: ["Sun, 06 Nov 1994 08:50:07 GMT", "Sunday, 06-Nov-94 08:50:07 GMT", "Sun Nov  6 08:50:07 1994"])
    func httpDates(text: String) {
        #expect(RetryAfter.parse(text, now: now) == .seconds(30))
    }

    @Test func aDateInThePastMeansNow() {
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
    }

    @Test(arguments: ["", "soon", "Sun, 32 Nov 1994 08:50:07 GMT", "Sun, 06 Foo 1994 08:50:07 GMT"])
    func garbage(text: String) {
        #expect(RetryAfter.parse(text, now: now) == nil)
    }
}
