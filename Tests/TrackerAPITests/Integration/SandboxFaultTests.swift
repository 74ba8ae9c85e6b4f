import Foundation
import Testing
import TrackerSandbox

@testable import TrackerAPI

/// Every sandbox fault ends in a correct result after retries, or in the right error: never a
/// crash, a hang or a silently short list.
@Suite struct SandboxFaultTests {
    static let faults: [SandboxFault] = SandboxFault.allCases

    @Test(arguments: faults)
    func aTransientFaultIsRetriedAway(fault: SandboxFault) async throws {
        try await withSandboxAPI { api, sandbox in
            sandbox.control.scriptFault(fault, count: 2)
            let users = try await api.users.list()
            #expect(users.count == sandbox.control.users().count)
            sandbox.control.scriptFault(fault, count: 2)
            let applications = try await api.applications.list(.init(pageSize: 100)).collect()
            #expect(applications.map(\.id.int) == sandbox.control.applications().map(\.id))
        }
    }

    @Test(arguments: faults)
    func aPersistentFaultEndsInTheRightError(fault: SandboxFault) async throws {
        let expected: [SandboxFault: TrackerAPIError.Code] = [
            .serverError: .serverError, .badGatewayHTML: .serverError, .connectionClosedMidBody: .transportFailure,
            .truncatedJSON: .malformedResponse, .nonJSONSuccess: .malformedResponse,
        ]
        try await withSandboxAPI(client: ClientOptions(maximumAttempts: 3)) { api, sandbox in
            sandbox.control.scriptFault(fault, count: 3)
            let error = try await #require(throws: TrackerAPIError.self) { try await api.applications.get(1) }
            #expect(error.code == expected[fault])
            #expect(error.attempts == 3)
            if fault == .badGatewayHTML { #expect(error.bodyExcerpt?.lowercased().contains("<html") == true) }
            #expect(!error.description.contains(sandbox.apiPassword + "@"))
        }
    }

    /// A POST is sent once whatever the fault: the sandbox's request log shows every attempt that
    /// reached it, including those a fault answered without applying (a 500, the 502 page, the
    /// maintenance page), where a second, blind attempt would have created the note unseen.
    @Test(arguments: faults)
    func aPostIsNeverBlindlyRetried(fault: SandboxFault) async throws {
        try await withSandboxAPI { api, sandbox in
            let before = sandbox.control.notes().map(\.id)
            sandbox.control.clearRequestLog()
            sandbox.control.scriptFault(fault)
            let error = try await #require(throws: TrackerAPIError.self) {
                try await api.notes.create(.init(applicationID: 1, body: "once"))
            }
            #expect(error.attempts == 1)
            let posts = sandbox.control.requestLog().filter { $0.method == "POST" }
            #expect(posts.count == 1, "POSTs that reached the sandbox: \(posts.map { "\($0.path) \($0.status)" })")
            #expect(posts.first?.fault == fault)
            // The ground truth agrees: the note exists exactly when the fault let the request through.
            let created = sandbox.control.notes().filter { !before.contains($0.id) }
            let takesEffect: Set<SandboxFault> = [.connectionClosedMidBody, .truncatedJSON]
            #expect(created.count == (takesEffect.contains(fault) ? 1 : 0))
            #expect(created.allSatisfy { $0.body == "once" && $0.applicationID == 1 })
            if takesEffect.contains(fault) {
                #expect([.outcomeUnknown, .malformedResponse].contains(error.code), "\(error.code)")
            }
        }
    }

    @Test func pagingThroughRandomFaultsLosesNothing() async throws {
        let behavior = SandboxBehavior(faultRate: 0.2)
        try await withSandboxAPI(
            SandboxConfiguration(applicationCount: 3_000, behavior: behavior),
            client: ClientOptions(maximumAttempts: 10)
        ) { api, sandbox in
            let ids = try await api.applications.list(.init(pageSize: 100)).collect().map(\.id.int)
            #expect(ids == sandbox.control.applications().map(\.id))
        }
    }

    /// Both rate limits run on one clock, which moves only when the client waits (its backoff,
    /// `Retry-After`, its own limiter): the verdict is the same however slow or loaded the machine,
    /// because no real time passes between two requests as far as either side can tell.
    @Test func retryAfterIsHonouredAndAWellConfiguredClientSeesNo429() async throws {
        let sandboxConfiguration = SandboxConfiguration(applicationCount: 20, behavior: SandboxBehavior(rateLimit: 4))
        // Twelve calls at once, no client limit (and room for all twelve in flight): the server
        // answers 429 + Retry-After and every call waits it out and succeeds.
        try await Self.withSharedClockAPI(sandboxConfiguration, rateLimit: nil) { api, sandbox, clock in
            let counts = try await Self.concurrentUserLists(api, count: 12)
            #expect(counts == Array(repeating: sandbox.control.users().count, count: 12))
            let statuses = sandbox.control.requestLog().map(\.status)
            #expect(statuses.contains(429))
            #expect(clock.now.offset >= .seconds(1), "the client waited out Retry-After on the shared clock")
        }
        // With a client limit under the server's: never a 429, since the client spaces its
        // requests by half a second of the clock both sides read. (One call after another: a clock
        // that jumps when slept on would let concurrent waiters run ahead of each other's sends.)
        try await Self.withSharedClockAPI(
            sandboxConfiguration, rateLimit: TrackerRateLimit(requestsPerSecond: 2, burst: 1)
        ) { api, sandbox, clock in
            for _ in 0..<8 { _ = try await api.users.list() }
            #expect(sandbox.control.requestLog().map(\.status) == Array(repeating: 200, count: 8))
            #expect(clock.now.offset >= .milliseconds(3_500), "the client's limiter spaced the calls")
        }
    }

    /// A sandbox on a manual clock and a client whose waits advance it (``SandboxAdvancingClock``).
    private static func withSharedClockAPI(
        _ sandboxConfiguration: SandboxConfiguration,
        rateLimit: TrackerRateLimit?,
        _ body: (TrackerAPI, RunningSandbox, SandboxAdvancingClock) async throws -> Void
    ) async throws {
        var sandboxConfiguration = sandboxConfiguration
        let sandboxClock = ManualSandboxClock(start: Date(timeIntervalSince1970: 1_767_225_600))
        sandboxConfiguration.clock = sandboxClock
        try await withTrackerSandbox(sandboxConfiguration) { sandbox in
            var configuration = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                retryPolicy: TrackerRetryPolicy(initialBackoff: .milliseconds(5), maximumBackoff: .milliseconds(50)),
                rateLimit: rateLimit)
            configuration.retryPolicy.maximumAttempts = 8
            configuration.maximumRequestsInFlight = 16
            let clock = SandboxAdvancingClock(sandboxClock: sandboxClock)
            let api = try TrackerAPI(
                configuration: configuration,
                transport: HTTPClientTransport(connectTimeout: .seconds(5), maximumConnections: 16), clock: clock)
            do {
                try await body(api, sandbox, clock)
                try await api.shutdown()
            } catch {
                try? await api.shutdown()
                throw error
            }
        }
    }

    private static func concurrentUserLists(_ api: TrackerAPI, count: Int) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<count { group.addTask { try await api.users.list().count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func aDeadServerIsATransportFailure() async throws {
        let configuration = TrackerAPI.Configuration(
            baseURL: "http://127.0.0.1:9/api/v1",
            apiKey: "sandbox",
            apiPassword: "sandbox",
            retryPolicy: TrackerRetryPolicy(maximumAttempts: 2, initialBackoff: .milliseconds(5))
        )
        try await TrackerAPI.withTrackerAPI(configuration: configuration) { api in
            let error = try await #require(throws: TrackerAPIError.self) { try await api.users.list() }
            #expect(error.code == .transportFailure)
        }
    }
}
