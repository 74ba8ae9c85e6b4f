import Foundation
import Testing
import TrackerSandbox

@Suite("Credentials and routing over HTTP")
struct AuthAndRoutingTests {
    @Test("a wrong password, a wrong key or no credentials get 403 with a JSON error")
    func forbidden() async throws {
        try await Fixture.run { sandbox, wire in
            var wrongPassword = wire
            wrongPassword.credentials = (sandbox.apiKey, "nope")
            var wrongKey = wire
            wrongKey.credentials = ("intruder", sandbox.apiPassword)
            var anonymous = wire
            anonymous.credentials = nil
            for client in [wrongPassword, wrongKey, anonymous] {
                let response = try await client.get("/applications")
                #expect(response.status == 403)
                #expect(response.header("Content-Type") == "application/json; charset=utf-8")
                #expect(try !response.errorMessage().isEmpty)
            }
            #expect(sandbox.control.requestLog().map(\.status) == [403, 403, 403])
        }
    }

    @Test("unknown routes are 404 JSON, wrong methods 405 with Allow")
    func routing() async throws {
        try await Fixture.run { _, wire in
            let unknown = try await wire.get("/candidates")
            #expect(unknown.status == 404)
            #expect(try unknown.errorMessage().contains("/api/v1/candidates"))
            let outside = try await wire.get("/api/v2/jobs")
            #expect(outside.status == 404)
            let wrongMethod = try await wire.send(.delete, "/applications")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "GET, POST")
            #expect(try wrongMethod.errorMessage().contains("DELETE"))
        }
    }

    @Test("partner paths /api/v1/companies/{id}/... serve the same resources; other companies are 404")
    func partnerPrefix() async throws {
        try await Fixture.run { _, wire in
            let direct = try await wire.get("/applications?per_page=5")
            let partner = try await wire.get("/api/v1/companies/1/applications?per_page=5")
            #expect(partner.status == 200)
            #expect(partner.body == direct.body)
            #expect(partner.header("First-Link")?.contains("/api/v1/companies/1/applications?page=1") == true)
            let other = try await wire.get("/api/v1/companies/2/applications")
            #expect(other.status == 404)
            let action = try await wire.get("/api/v1/companies/1/workflow/actions")
            #expect(action.status == 200)
        }
    }

    @Test("the request log records method, path, query and status")
    func requestLog() async throws {
        try await Fixture.run { sandbox, wire in
            _ = try await wire.get("/jobs?page=1&per_page=2")
            _ = try await wire.get("/nothing")
            let log = sandbox.control.requestLog()
            #expect(log.count == 2)
            #expect(log.first?.method == "GET")
            #expect(log.first?.path == "/api/v1/jobs")
            #expect(log.first?.query == "page=1&per_page=2")
            #expect(log.map(\.status) == [200, 404])
            sandbox.control.clearRequestLog()
            #expect(sandbox.control.requestLog().isEmpty)
        }
    }
}

@Suite("Lifecycle")
struct LifecycleTests {
    @Test("withTrackerSandbox serves on a free port; control.stop() shuts the server down gracefully")
    func stop() async throws {
        let origin = try await Fixture.run { sandbox, wire in
            #expect(sandbox.port > 0)
            #expect(sandbox.baseURL == "http://127.0.0.1:\(sandbox.port)/api/v1")
            let before = try await wire.get("/jobs")
            #expect(before.status == 200)
            await sandbox.control.stop()
            // AsyncHTTPClient retries a refused connection until the deadline, so keep it short.
            await #expect(throws: (any Error).self) { _ = try await wire.send(.get, "/jobs", timeout: 1) }
            return sandbox.origin
        }
        #expect(origin.hasPrefix("http://127.0.0.1:"))
    }

    @Test("a taken port is reported as an error, not a hang")
    func portTaken() async throws {
        try await Fixture.run { sandbox, _ in
            var configuration = Fixture.configuration()
            configuration.port = sandbox.port
            await #expect(throws: (any Error).self) {
                try await withTrackerSandbox(configuration) { _ in }
            }
        }
    }
}
