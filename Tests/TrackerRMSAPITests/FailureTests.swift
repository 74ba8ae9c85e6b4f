import Foundation
import InMemoryLogging
import Logging
import Testing
import TrackerRMSAPI
import TrackerRMSSandbox

@Suite("TrackerRMSAPI: status-99 storms, faults, rate limits, deadline, and secrets")
struct FailureTests {
    @Test("A storm of status 99 shorter than the attempts is ridden out; counted as retries")
    func shortStorm() async throws {
        try await withSandboxClient { sandbox, client in
            sandbox.control.scriptFaults(Array(repeating: .status99, count: 6))
            try await client.checkLogon()
            #expect(client.traffic.retries == 6)
            #expect(client.traffic.status99 == 6)
        }
    }

    @Test("A storm longer than the attempts ends in invalidRequest after exactly eight, with the server's message")
    func longStorm() async throws {
        try await withSandboxClient { sandbox, client in
            sandbox.control.scriptFaults(Array(repeating: .status99, count: 20))
            let error = await #expect(throws: TrackerRMSError.self) { try await client.checkLogon() }
            #expect(error?.code == .invalidRequest)
            #expect(error?.attempts == 8)
            #expect(error?.serverMessage?.contains("temporarily unavailable") == true)
            #expect(sandbox.control.requestLog.count == 8)
        }
    }

    @Test(
        "A full scan through a 30% fault rate of every kind returns every record exactly once",
        arguments: [RMSSandboxPageBase.zero, .oneWithZeroRefused])
    func scanThroughFaults(base: RMSSandboxPageBase) async throws {
        let behavior = RMSSandboxBehavior(pageBase: base, faultRate: 0.3)
        try await withSandboxClient(smallSandbox(placements: 120, behavior: behavior)) { sandbox, client in
            let ids = try await collect(client.placements().records).map { $0.id.int }
            #expect(ids == sandbox.control.placements.map(\.id))
            #expect(client.traffic.retries > 0)
        }
    }

    @Test("Lost answers to creates: the placement is not duplicated, the note is found, the upload is unknown")
    func lostAnswers() async throws {
        try await withSandboxClient { sandbox, client in
            let resource = RMSRecordID(Int64(try #require(sandbox.control.resources.last).id))
            let job = RMSRecordID(Int64(try #require(sandbox.control.opportunities.last).id))
            sandbox.control.scriptFaults([.droppedConnection])
            let placement = try await client.createPlacement(resource: resource, opportunity: job)
            #expect(placement.alreadyExisted)
            #expect(
                sandbox.control.placements.filter { $0.resourceID == resource.int && $0.opportunityID == job.int }.count
                    == 1)

            let before = sandbox.control.activities.count
            sandbox.control.scriptFaults([.droppedConnection])
            let note = try await client.createActivity(
                RMSNewActivity(subject: "Lost", note: "answer", linkRecordID: resource))
            #expect(sandbox.control.activities.count == before + 1)
            #expect(note.recordID?.int == sandbox.control.activities.last?.id)

            sandbox.control.scriptFaults([.serverError, .droppedConnection])
            let note2 = try await client.createActivity(
                RMSNewActivity(subject: "After 500", note: "x", linkRecordID: resource))
            #expect(sandbox.control.activities.count == before + 2)
            #expect(note2.recordID?.int == sandbox.control.activities.last?.id)

            sandbox.control.scriptFaults([.droppedConnection])
            let upload = await #expect(throws: TrackerRMSError.self) {
                try await client.attachDocument(RMSNewDocument(filename: "a.txt", recordID: resource, data: [1, 2, 3]))
            }
            #expect(upload?.code == .outcomeUnknown)
            #expect(sandbox.control.documents.filter { $0.filename == "a.txt" }.count == 1)
        }
    }

    @Test(
        "HTTP 5xx, proxy HTML and HTML 200 are retried for reads",
        arguments: [RMSSandboxFault.serverError, .badGatewayHTML, .htmlSuccess, .droppedConnection])
    func readFaults(fault: RMSSandboxFault) async throws {
        try await withSandboxClient { sandbox, client in
            sandbox.control.scriptFaults([fault, fault])
            let jobs = try await collect(client.opportunities().records)
            #expect(jobs.count == sandbox.control.opportunities.count)
            #expect(client.traffic.retries == 2)
        }
    }

    @Test("HTTP 429 is typed: a Retry-After longer than the policy waits ends the call with rateLimited")
    func rateLimited() async throws {
        // A manual sandbox clock: its one-request-a-second bucket refills only when the test says so,
        // however slow the machine is.
        let clock = RMSManualSandboxClock(start: fixedStart)
        var configuration = smallSandbox()
        configuration.clock = clock
        configuration.behavior.rateLimit = 1
        let impatient: ClientTweak = { configuration, _ in configuration.retryPolicy.maximumRetryAfter = .zero }
        try await withSandboxClient(configuration, configure: impatient) { sandbox, client in
            try await client.checkLogon()
            let error = await #expect(throws: TrackerRMSError.self) { try await client.checkLogon() }
            #expect(error?.code == .rateLimited)
            #expect(error?.httpStatus == 429)
            #expect(client.traffic.rateLimited == 1)
            clock.advance(seconds: 1)
            try await client.checkLogon()
            #expect(sandbox.control.requestLog.map(\.httpStatus) == [200, 429, 200])
        }
    }

    @Test("The client's own pacing keeps a rate-limited sandbox from ever answering 429")
    func paced() async throws {
        var configuration = smallSandbox()
        configuration.clock = RMSSystemSandboxClock()
        configuration.behavior.rateLimit = 5
        let paced: ClientTweak = { configuration, _ in
            configuration.rateLimit = RMSRateLimit(requestsPerSecond: 4, burst: 1)
        }
        try await withSandboxClient(configuration, configure: paced) { sandbox, client in
            for _ in 0..<6 { try await client.checkLogon() }
            #expect(!sandbox.control.requestLog.contains { $0.httpStatus == 429 })
        }
    }

    @Test("One deadline covers every attempt: a slow server ends the call with timedOut")
    func deadline() async throws {
        var configuration = smallSandbox()
        configuration.behavior.latency = .milliseconds(400)
        let slow: ClientTweak = { configuration, _ in
            configuration.requestTimeout = .milliseconds(100)
            configuration.retryPolicy.overallTimeout = .milliseconds(600)
        }
        try await withSandboxClient(configuration, configure: slow) { _, client in
            let error = await #expect(throws: TrackerRMSError.self) { try await client.checkLogon() }
            #expect(error?.code == .timedOut)
        }
    }

    @Test("Authentication failures are typed, not retried, and no secret appears in any message or log")
    func authenticationSecrets() async throws {
        try await withTrackerRMSSandbox(smallSandbox()) { sandbox in
            let logs = InMemoryLogHandler()
            var logger = Logger(label: "test") { _ in logs }
            logger.logLevel = .trace
            let cases: [(TrackerRMSCredentials, TrackerRMSError.Code, [String])] = [
                (.apiKey("wrong-api-key-0001"), .authenticationFailed, ["wrong-api-key-0001"]),
                (
                    .usernamePassword(username: sandbox.username, password: "wrong-pass-0002"), .authenticationFailed,
                    ["wrong-pass-0002"]
                ),
                (
                    .usernamePassword(username: RMSSandboxConfiguration.inactiveUsername, password: sandbox.password),
                    .userInactive, [sandbox.password]
                ),
                (.oauthToken("bad-oauth-token-0003"), .authenticationFailed, ["bad-oauth-token-0003"]),
            ]
            for (credentials, code, secrets) in cases {
                var configuration = TrackerRMSClient.Configuration(
                    baseURL: sandbox.baseURL, credentials: credentials, restToken: "rest-secret-0004",
                    retryPolicy: quickRetries,
                    logger: logger)
                configuration.accountTimeZone = TimeZone(identifier: "UTC")
                let error = try await TrackerRMSClient.withClient(configuration: configuration) { client in
                    let error = await #expect(throws: TrackerRMSError.self) {
                        _ = try await collect(client.placements().records)
                    }
                    #expect(client.traffic.requests == 1, "authentication failures are not retried")
                    return error
                }
                #expect(error?.code == code)
                let texts = ["\(String(describing: error))", "\(configuration)", "\(credentials)", "\(logs.entries)"]
                for secret in secrets + ["rest-secret-0004"] {
                    for text in texts { #expect(!text.contains(secret), "a secret leaked") }
                }
            }
            #expect(!logs.entries.isEmpty)
        }
    }

    @Test("Bad configurations are refused with a reason before anything is sent")
    func badConfiguration() {
        let cases: [(String, TrackerRMSCredentials, String)] = [
            ("http://evoapius.tracker-rms.com", .apiKey("k"), "https"),
            ("evoapius.tracker-rms.com", .apiKey("k"), "absolute"),
            ("https://evoapius.tracker-rms.com", .apiKey("  "), "empty"),
            ("https://evoapius.tracker-rms.com", .usernamePassword(username: "a@b.c", password: ""), "empty"),
        ]
        for (url, credentials, words) in cases {
            let error = #expect(throws: TrackerRMSError.self) {
                _ = try TrackerRMSClient(configuration: .init(baseURL: url, credentials: credentials))
            }
            #expect(error?.code == .invalidConfiguration)
            #expect(error?.description.contains(words) == true)
        }
    }
}
