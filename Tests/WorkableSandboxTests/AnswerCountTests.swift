import Testing
import WorkableSandbox

@Suite struct AnswerCountTests {
    @Test func aTestCanWaitUntilTheSandboxHasAnsweredANumberOfRequests() async throws {
        try await withSandbox { wire, sandbox, _ in
            let control = sandbox.control
            #expect(control.answeredRequestCount == 0)
            let waiter = Task { try await control.awaitAnsweredRequests(atLeast: 3, timeout: .seconds(120)) }
            _ = try await wire.get("/stages")
            _ = try await wire.get("/candidates?limit=2")
            // A refused request is answered too.
            _ = try await wire.get("/stages", token: "nope")
            try await waiter.value
            #expect(control.answeredRequestCount == 3)
            await #expect(throws: WorkableSandboxWaitTimeout.self) {
                try await control.awaitAnsweredRequests(atLeast: 4, timeout: .milliseconds(20))
            }
        }
    }
}
