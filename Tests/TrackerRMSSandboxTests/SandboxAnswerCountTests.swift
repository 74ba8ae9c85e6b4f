import Testing
import TrackerRMSSandbox

@Suite struct SandboxAnswerCountTests {
    @Test("A test can wait until the sandbox has answered a number of requests; the wait ends at its deadline")
    func awaitingAnswers() async throws {
        try await withTrackerRMSSandbox { sandbox in
            let control = sandbox.control
            let widget = RawWidget(sandbox: sandbox)
            #expect(control.answeredRequestCount == 0)
            let waiter = Task { try await control.awaitAnsweredRequests(atLeast: 3, timeout: .seconds(120)) }
            for _ in 0..<3 { _ = try await widget.post("getSettings") }
            try await waiter.value
            #expect(control.answeredRequestCount == 3)
            // Refused requests are answered too.
            _ = try await widget.post("getSettings", credentials: ["apikey": "wrong"])
            try await control.awaitAnsweredRequests(atLeast: 4)
            await #expect(throws: RMSSandboxWaitTimeout.self) {
                try await control.awaitAnsweredRequests(atLeast: 5, timeout: .milliseconds(20))
            }
        }
    }
}
