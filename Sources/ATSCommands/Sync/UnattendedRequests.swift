import Foundation
import TrackerAPI

/// How the commands that run without a person waiting (`ats sync`, `sync --watch`, fleet runs and
/// `applications bulk-reject`) talk to Tracker.
///
/// An interactive command gives up after three attempts so that a person hears about a problem
/// in seconds. Unattended work must instead ride out a rate-limited account: a sync that fails
/// on the third 429 of a run of 250 requests loses the run. So these commands use
/// ``TrackerRetryPolicy/patient`` (a 429 with `Retry-After` is waited out without using up an
/// attempt; other failures get ten attempts; fifteen minutes per call), and one request budget
/// for the whole run: at most ``requestsInFlight`` requests at once over every stream, shared
/// round-robin between them, halved on each 429 and grown back on answers.
enum UnattendedRequests {
    /// The most requests a run keeps in flight, over all its streams (the README's figure).
    static let requestsInFlight = 4

    /// The environment variable that sets how many attempts a request that fails for another
    /// reason than a 429 with `Retry-After` gets (1 to 100; the patient policy's 10 when unset or
    /// unreadable). A script that would rather hear about a persistent outage at once sets it low.
    static let attemptsVariable = "ATS_RETRY_ATTEMPTS"

    /// Applies the patient retry policy and the run-wide in-flight bound.
    static func apply(
        to configuration: inout TrackerAPI.Configuration,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        configuration.retryPolicy = .patient
        if let text = environment[attemptsVariable], let attempts = Int(text), (1...100).contains(attempts) {
            configuration.retryPolicy.maximumAttempts = attempts
        }
        configuration.maximumRequestsInFlight = requestsInFlight
        configuration.pagesInFlight = min(configuration.pagesInFlight, requestsInFlight)
    }

    /// A client-side rate of `perSecond` requests, with a second's worth of burst.
    static func rateLimit(_ perSecond: Double) -> TrackerRateLimit {
        TrackerRateLimit(requestsPerSecond: perSecond, burst: max(1, Int(perSecond)))
    }

    /// The advice added to a failure that ended in 429 answers. Interactive commands give up after
    /// three attempts; unattended ones only when Tracker asks for a longer wait than they sit out.
    static let rateLimitedAdvice =
        "Tracker is limiting how fast this account may be called. Wait as long as it asked (or a minute), then "
        + "run the command again; a script that runs many commands should pause between them. `ats sync` and "
        + "`ats applications bulk-reject` wait short pauses out on their own and take --rate-limit N to stay "
        + "under the account's limit."
}
