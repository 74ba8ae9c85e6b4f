import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

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

    @Test(arguments: faults)
    func aPostIsNeverBlindlyRetried(fault: SandboxFault) async throws {
        try await withSandboxAPI { api, sandbox in
            let before = sandbox.control.noteCount
            sandbox.control.scriptFault(fault)
            do {
                _ = try await api.notes.create(.init(applicationID: 1, body: "once"))
            } catch let error as TrackerAPIError {
                #expect([.outcomeUnknown, .malformedResponse].contains(error.code))
            }
            // Whatever the fault, the note was created at most once.
            #expect(sandbox.control.noteCount <= before + 1)
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

    @Test func retryAfterIsHonouredAndAWellConfiguredClientSeesNo429() async throws {
        let sandboxConfiguration = SandboxConfiguration(applicationCount: 20, behavior: SandboxBehavior(rateLimit: 4))
        // Twelve calls at once, no client limit (and room for all twelve in flight): the server
        // answers 429 + Retry-After and every call waits it out and succeeds.
        try await withSandboxAPI(sandboxConfiguration, client: ClientOptions(maximumRequestsInFlight: 12)) {
            api, sandbox in
            let counts = try await Self.concurrentUserLists(api, count: 12)
            #expect(counts == Array(repeating: sandbox.control.users().count, count: 12))
            let statuses = sandbox.control.requestLog().map(\.status)
            #expect(statuses.contains(429))
        }
        // The same with a client limit well under the server's: never a 429. The margin (half the
        // server's rate, no burst) is what keeps this true when a loaded machine delays requests and
        // they reach the server bunched together.
        try await withSandboxAPI(
            sandboxConfiguration,
            client: ClientOptions(rateLimit: TrackerRateLimit(requestsPerSecond: 2, burst: 1))
        ) { api, sandbox in
            let counts = try await Self.concurrentUserLists(api, count: 6)
            #expect(counts.count == 6)
            #expect(!sandbox.control.requestLog().contains { $0.status == 429 })
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
