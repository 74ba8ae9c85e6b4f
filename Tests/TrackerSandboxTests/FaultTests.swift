import Foundation
import Testing
import TrackerSandbox

@Suite("Fault injection over HTTP")
struct FaultTests {
    @Test("500 with a JSON error; the request has no effect")
    func serverError() async throws {
        try await Fixture.run { sandbox, wire in
            sandbox.control.scriptFault(.serverError)
            let failed = try await wire.send(.post, "/notes", json: #"{"app_id": 1, "body": "lost"}"#)
            #expect(failed.status == 500)
            #expect(try failed.errorMessage().contains("internal server error"))
            #expect(!sandbox.control.notes().contains { $0.body == "lost" })
            #expect(sandbox.control.requestLog().last?.fault == .serverError)
            #expect((try await wire.get("/jobs")).status == 200, "only the scripted request fails")
        }
    }

    @Test("502 with an HTML body, as a proxy sends it")
    func badGateway() async throws {
        try await Fixture.run { sandbox, wire in
            sandbox.control.scriptFault(.badGatewayHTML)
            let response = try await wire.get("/applications")
            #expect(response.status == 502)
            #expect(response.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(response.text.contains("502 Bad Gateway"))
            #expect(throws: (any Error).self) { try response.json() }
        }
    }

    @Test("the connection closes mid-body: the client sees an error, the server did the work")
    func connectionClosed() async throws {
        try await Fixture.run { sandbox, wire in
            sandbox.control.scriptFault(.connectionClosedMidBody)
            await #expect(throws: (any Error).self) {
                _ = try await wire.send(.post, "/notes", json: #"{"app_id": 1, "body": "written anyway"}"#)
            }
            #expect(sandbox.control.notes().contains { $0.body == "written anyway" })
            #expect(sandbox.control.requestLog().last?.fault == .connectionClosedMidBody)
            let next = try await wire.get("/jobs")
            #expect(next.status == 200, "the next request works on a new connection")
        }
    }

    @Test("a truncated JSON body: 200, a prefix of the real page, not parseable")
    func truncated() async throws {
        try await Fixture.run { sandbox, wire in
            let full = try await wire.get("/applications?per_page=50")
            sandbox.control.scriptFault(.truncatedJSON)
            let cut = try await wire.get("/applications?per_page=50")
            #expect(cut.status == 200)
            #expect(cut.body.count == full.body.count / 2)
            #expect(Array(full.body.prefix(cut.body.count)) == cut.body)
            #expect(throws: (any Error).self) { try cut.json() }
        }
    }

    @Test("200 whose body is not JSON")
    func nonJSON() async throws {
        try await Fixture.run { sandbox, wire in
            sandbox.control.scriptFaults([.nonJSONSuccess, .serverError])
            let maintenance = try await wire.get("/jobs")
            #expect(maintenance.status == 200)
            #expect(maintenance.text.contains("maintenance"))
            #expect(throws: (any Error).self) { try maintenance.json() }
            #expect((try await wire.get("/jobs")).status == 500, "scripted faults apply in order")
            #expect((try await wire.get("/jobs")).status == 200)
        }
    }

    @Test("a fault rate fails a share of requests, the same ones for the same seed")
    func faultRate() async throws {
        let behavior = SandboxBehavior(faultRate: 0.3, faultKinds: [.serverError, .badGatewayHTML, .nonJSONSuccess])
        func statuses() async throws -> [Int] {
            try await Fixture.run(Fixture.configuration(behavior: behavior)) { sandbox, wire in
                for _ in 0..<40 { _ = try await wire.get("/users") }
                return sandbox.control.requestLog().map { $0.fault == nil ? 0 : $0.status }
            }
        }
        let first = try await statuses()
        let second = try await statuses()
        #expect(first == second)
        let failures = first.filter { $0 != 0 }.count
        #expect(failures >= 4 && failures <= 24, "about 30 % of 40: \(failures)")
        #expect(Set(first.filter { $0 != 0 }) == [500, 502, 200])
    }
}
