import Foundation
import Testing
import WorkableAPI
import WorkableSandbox

@Suite struct FaultTests {
    @Test(arguments: [WorkableSandboxFault.serverError, .badGatewayHTML, .serviceUnavailable, .droppedConnection])
    func aReadIsRetriedPastAFault(fault: WorkableSandboxFault) async throws {
        try await withWorkableHarness(client: ClientOptions(pageSize: 10)) { harness in
            harness.control.inject([fault], pathSuffix: "/candidates")
            let candidates = try await harness.api.candidates.list().collect()
            #expect(candidates.map(\.id.rawValue) == harness.control.candidates.map(\.id))
            #expect(await harness.api.traffic.retries == 1)
        }
    }

    @Test(arguments: [WorkableSandboxFault.serverError, .badGatewayHTML, .droppedConnection])
    func aWriteIsNeverRetriedBlindly(fault: WorkableSandboxFault) async throws {
        try await withWorkableHarness { harness in
            let truth = try #require(harness.control.candidates.first { $0.stageSlug != "offer" })
            harness.control.inject([fault], pathSuffix: "/move")
            do {
                try await harness.api.candidates.move(WorkableCandidateID(truth.id), to: "offer", by: harness.admin)
                Issue.record("expected outcomeUnknown")
            } catch let error as WorkableAPIError {
                #expect(error.code == .outcomeUnknown)
                #expect(error.description.contains("Read the record"))
                if fault == .badGatewayHTML {
                    #expect(error.bodyExcerpt?.contains("502 Bad Gateway") == true)
                    #expect(error.bodyExcerpt?.contains("<") == false)
                }
            }
            #expect(harness.apiRequests.filter { $0.path.hasSuffix("/move") }.count == 1)
        }
    }

    @Test func aBadTokenIsUnauthorizedAndAMissingScopeIsNamed() async throws {
        try await withWorkableHarness(client: ClientOptions(token: "wrong-token-123456")) { harness in
            do {
                _ = try await harness.api.account.stages()
                Issue.record("expected unauthorized")
            } catch let error as WorkableAPIError {
                #expect(error.code == .unauthorized)
                #expect(error.attempts == 1)
                #expect(error.serverMessage == "Not authorized")
                #expect(!error.description.contains("wrong-token-123456"))
            }
        }
        let readOnly = WorkableSandboxConfiguration().readOnlyToken
        try await withWorkableHarness(client: ClientOptions(token: readOnly)) { harness in
            let truth = try #require(harness.control.candidates.first)
            _ = try await harness.api.candidates.get(WorkableCandidateID(truth.id))
            do {
                try await harness.api.candidates.move(WorkableCandidateID(truth.id), to: "offer", by: harness.admin)
                Issue.record("expected forbidden")
            } catch let error as WorkableAPIError {
                #expect(error.code == .forbidden)
                #expect(error.requiredScope == "w_candidates")
                #expect(error.description.contains("`w_candidates` scope"))
                #expect(!error.description.contains(readOnly))
            }
        }
    }

    @Test func theOlderPathFormServesTheSameAPI() async throws {
        try await withWorkableHarness(client: ClientOptions(pageSize: 9, legacyBaseURL: true)) { harness in
            let candidates = try await harness.api.candidates.list().collect()
            #expect(candidates.map(\.id.rawValue) == harness.control.candidates.map(\.id))
            #expect(harness.apiRequests.allSatisfy { $0.path.hasPrefix("/spi/v3/accounts/") })
        }
    }

    @Test func aBaseURLThatCannotWorkIsRefusedBeforeAnyRequest() throws {
        for url in ["http://example.com/spi/v3", "https://user:pw@acme.workable.com/spi/v3", "not a url"] {
            #expect(throws: WorkableAPIError.self) {
                _ = try WorkableAPI(configuration: .init(baseURL: url, token: "t0k3n-secret"))
            }
        }
        #expect(throws: WorkableAPIError.self) {
            _ = try WorkableAPI(configuration: .init(baseURL: "https://acme.workable.com/spi/v3", token: " "))
        }
        #expect(throws: WorkableAPIError.self) {
            _ = try WorkableAPI(
                configuration: .init(baseURL: "https://acme.workable.com/spi/v3", token: "t", pageSize: 101))
        }
        let configuration = WorkableAPI.Configuration.account(subdomain: "acme", token: "t0k3n-secret-value")
        #expect(configuration.baseURL == "https://acme.workable.com/spi/v3")
        #expect(!configuration.description.contains("t0k3n-secret-value"))
    }
}
