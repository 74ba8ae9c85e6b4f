import ATSCore
import ArgumentParser
import Foundation
import Testing

@testable import ATSCommands
@testable import TrackerAPI

/// Unattended commands (sync, fleet, bulk-reject) ride out rate limiting; interactive ones keep a
/// short policy and say what to do when Tracker limits them; bulk-reject's waits fit together.
@Suite struct UnattendedRequestsTests {
    private static func interactiveConfiguration() throws -> TrackerAPI.Configuration {
        let connection = try #require(
            try ATSCommand.parseAsRoot([
                "jobs", "list", "--base-url", "https://x.invalid/api/v1", "--api-key", "k", "--api-password", "p",
            ]) as? JobsListCommand
        ).connection
        return try #require(try connection.resolve(environment: [:]).configuration)
    }

    @Test func interactiveCommandsGiveUpSoonButASyncIsPatient() throws {
        var configuration = try Self.interactiveConfiguration()
        #expect(configuration.retryPolicy.maximumAttempts == 3)
        // A 429 with Retry-After is waited out rather than spending one of the three attempts.
        #expect(!configuration.retryPolicy.countsRateLimitedAttempts)
        #expect(configuration.retryPolicy.maximumRetryAfter <= .seconds(30))

        SyncTuning(pageSize: nil, rateLimit: nil).apply(to: &configuration)
        #expect(configuration.retryPolicy == .patient)
        #expect(!configuration.retryPolicy.countsRateLimitedAttempts)
        #expect(configuration.retryPolicy.overallTimeout >= TrackerRetryPolicy.default.overallTimeout)
        #expect(configuration.retryPolicy.maximumAttempts >= TrackerRetryPolicy.default.maximumAttempts)
        // The README's "a sync keeps 4 requests in flight", for the whole run, not per stream.
        #expect(configuration.maximumRequestsInFlight == 4)
        #expect(configuration.pagesInFlight <= 4)
    }

    @Test func aFleetAccountIsSyncedWithThePatientPolicyToo() throws {
        let account = FleetFile.Account(
            name: "acme", baseURL: "https://x.invalid/api/v1", apiKey: "k", apiPasswordEnv: "ACME", timezone: nil)
        var connection = try FleetFile.connection(for: account, environment: ["ACME": "p"], candidateIDSecret: nil)
        SyncTuning(pageSize: nil, rateLimit: 5).apply(to: &connection.configuration)
        #expect(connection.configuration.retryPolicy == .patient)
        #expect(connection.configuration.maximumRequestsInFlight == 4)
        #expect(connection.configuration.rateLimit == TrackerRateLimit(requestsPerSecond: 5, burst: 5))
    }

    @Test func bulkRejectIsPatientAndTakesARateLimit() throws {
        let command = try #require(
            try ATSCommand.parseAsRoot([
                "applications", "bulk-reject", "1", "--rate-limit", "5", "--concurrency", "6",
            ]) as? ApplicationsBulkRejectCommand)
        try command.checkBeforeConnecting()
        var configuration = try Self.interactiveConfiguration()
        command.adjust(&configuration)
        #expect(configuration.retryPolicy == .patient)
        #expect(configuration.rateLimit == TrackerRateLimit(requestsPerSecond: 5, burst: 5))
        #expect(configuration.maximumRequestsInFlight == 6)

        let plain = try #require(
            try ATSCommand.parseAsRoot(["applications", "bulk-reject", "1"]) as? ApplicationsBulkRejectCommand)
        var untouched = try Self.interactiveConfiguration()
        plain.adjust(&untouched)
        #expect(untouched.rateLimit == TrackerRateLimit.default, "without --rate-limit, TrackerAPI's default rate")
    }

    @Test func bulkRejectDefaultsLeaveTimeToSendALostRejectionAgain() throws {
        let command = try #require(
            try ATSCommand.parseAsRoot(["applications", "bulk-reject", "1"]) as? ApplicationsBulkRejectCommand)
        try command.checkBeforeConnecting()
        #expect(
            command.confirmationTimeout >= command.resendAfter + ApplicationsBulkRejectCommand.resendMargin,
            "timeout \(command.confirmationTimeout) s, resend after \(command.resendAfter) s")
        let longer = try #require(
            try ATSCommand.parseAsRoot(["applications", "bulk-reject", "1", "--resend-after", "1200"])
                as? ApplicationsBulkRejectCommand)
        try longer.checkBeforeConnecting()
        #expect(longer.confirmationTimeout >= 1_200 + ApplicationsBulkRejectCommand.resendMargin)
    }

    @Test(arguments: [
        (["--timeout", "300", "--resend-after", "600"], "Give --timeout 660 or more, or --resend-after 240 or less"),
        (["--timeout", "100"], "Give --timeout 360 or more, or --resend-after 40 or less"),
        (["--timeout", "30", "--resend-after", "20"], "Give --timeout 80 or more."),
        (["--rate-limit", "0"], "--rate-limit takes a number of requests per second above 0"),
    ])
    func bulkRejectRefusesWaitsThatDoNotFit(flags: [String], expected: String) throws {
        let command = try #require(
            try ATSCommand.parseAsRoot(["applications", "bulk-reject", "1"] + flags) as? ApplicationsBulkRejectCommand)
        let failure = try #require(throws: CommandFailure.self) { try command.checkBeforeConnecting() }
        #expect(failure.message.contains(expected), "\(failure.message)")
        #expect(failure.exitCode == ExitCode.validationFailure.rawValue)
    }

    @Test func aRateLimitedInteractiveCommandSaysWhatToDo() {
        let wire = TrackerAPIError(
            code: .rateLimited, endpoint: "GET /applications", status: 429, retryAfter: .seconds(30), attempts: 3)
        let message = CommandFailure.explaining(wire).message
        #expect(message.contains("429"))
        #expect(message.contains("30 s"))
        #expect(message.contains("run the command again"))
        #expect(message.contains("--rate-limit"))
        let client = ATSError(
            code: .rateLimited, operation: "list applications", provider: .tracker,
            message: "Tracker kept answering \"too many requests\" for the applications.")
        #expect(CommandFailure.explaining(client).message.contains("run the command again"))
    }
}

/// An interactive command against an account limited to a few requests per second: its 429s are
/// waited out, so its three attempts go to the failures that say something about the server.
@Suite struct InteractiveRateLimitTests {
    @Test func rateLimitedAnswersDoNotUseUpTheThreeAttempts() {
        var retry = RetryState(policy: InteractiveRequests.retryPolicy, method: .get, startedAt: .zero)
        let tooMany = RetryState.Failure.status(429, retryAfter: .seconds(1))
        // An HTML page, then the account's limit five times (a burst of a person's commands), then
        // the HTML page again: the command is still trying, waiting each 429 out as asked.
        let answers: [RetryState.Failure] = [.malformed, tooMany, tooMany, tooMany, tooMany, tooMany, .malformed]
        var now = Duration.zero
        for answer in answers {
            retry.beginAttempt()
            retry.record(answer)
            let decision = retry.decide(after: answer, now: now, randomUnit: 0)
            guard case .retry(let wait) = decision else {
                Issue.record("gave up after \(answer): \(decision)")
                return
            }
            if answer == tooMany { #expect(wait == .seconds(1), "waits as long as Retry-After asks") }
            now += wait
        }
        // The third failure that is not a 429 ends the call, naming that failure rather than the limit.
        retry.beginAttempt()
        retry.record(.malformed)
        #expect(retry.decide(after: .malformed, now: now, randomUnit: 0) == .giveUp(.attemptsExhausted))
    }

    @Test func aLongRetryAfterEndsTheCommandWithAdviceRatherThanSilentWaiting() {
        var retry = RetryState(policy: InteractiveRequests.retryPolicy, method: .get, startedAt: .zero)
        let failure = RetryState.Failure.status(429, retryAfter: .seconds(600))
        retry.beginAttempt()
        retry.record(failure)
        #expect(retry.decide(after: failure, now: .zero, randomUnit: 0) == .giveUp(.retryAfterTooLong))
    }
}
