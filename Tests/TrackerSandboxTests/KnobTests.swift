import Foundation
import Testing
import TrackerSandbox

@Suite("Behaviour knobs over HTTP")
struct KnobTests {
    @Test("naive-local timestamps are wall time in the account zone; utc mode adds Z; actions stay UTC")
    func timestampModes() async throws {
        try await Fixture.run { sandbox, wire in
            let truth = try #require(sandbox.control.application(id: 10))
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
            formatter.timeZone = TimeZone(identifier: "America/Los_Angeles")
            let naive = try (try await wire.get("/applications/10")).object()
            #expect(naive.string("created_at") == formatter.string(from: truth.createdAt))

            try sandbox.control.updateBehavior { $0.timeZone = TimeZone(identifier: "Pacific/Honolulu") ?? .current }
            formatter.timeZone = TimeZone(identifier: "Pacific/Honolulu")
            let honolulu = try (try await wire.get("/applications/10")).object()
            #expect(honolulu.string("updated_at") == formatter.string(from: truth.updatedAt))

            try sandbox.control.updateBehavior { $0.timestampMode = .utc }
            formatter.timeZone = TimeZone(identifier: "UTC")
            let utc = try (try await wire.get("/applications/10")).object()
            #expect(utc.string("created_at") == formatter.string(from: truth.createdAt) + "Z")

            try sandbox.control.updateBehavior { $0.timestampMode = .naiveLocal }
            let action = try await wire.send(
                .post, "/actions", json: #"{"type": "tag_app", "data": {"app_id": 1, "tag_text": "x"}}"#)
            #expect(try action.object().string("created_at")?.hasSuffix("Z") == true)
        }
    }

    @Test("single-record shape: object by default, one-element array when configured")
    func singleRecordShape() async throws {
        try await Fixture.run { sandbox, wire in
            #expect(try (try await wire.get("/jobs/2")).json() is [String: Any])
            try sandbox.control.updateBehavior { $0.singleRecordShape = .array }
            let job = try (try await wire.get("/jobs/2")).array()
            #expect(job.count == 1)
            #expect(job.first?.string("id") == "2")
            let application = try (try await wire.get("/applications/2")).array()
            #expect(application.first?.string("id") == "2")
        }
    }

    @Test("updated_after can be silently ignored")
    func ignoreUpdatedAfter() async throws {
        try await Fixture.run { sandbox, wire in
            let future = "2030-01-01T00:00:00Z"
            #expect(try (try await wire.get("/applications?updated_after=\(future)")).array().isEmpty)
            try sandbox.control.updateBehavior { $0.honoursUpdatedAfter = false }
            let ignored = try await wire.get("/applications?updated_after=\(future)&per_page=5")
            #expect(try ignored.array().count == 5)
            #expect(ignored.header("Total-Count") == "300")
            #expect(try (try await wire.get("/notes?updated_after=\(future)")).array().isEmpty == false)
        }
    }

    @Test("rate limit: a token bucket per credential, 429 with Retry-After, refilled by the clock")
    func rateLimit() async throws {
        let clock = ManualSandboxClock(start: Fixture.start)
        try await Fixture.run(Fixture.configuration(clock: clock, behavior: SandboxBehavior(rateLimit: 2))) {
            sandbox, wire in
            #expect((try await wire.get("/jobs")).status == 200)
            #expect((try await wire.get("/jobs")).status == 200)
            let limited = try await wire.get("/jobs")
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "1")
            #expect(try limited.errorMessage().contains("rate limit"))
            clock.advance(by: .seconds(1))
            #expect((try await wire.get("/jobs")).status == 200)
            try sandbox.control.updateBehavior { $0.rateLimit = nil }
            for _ in 0..<5 { #expect((try await wire.get("/users")).status == 200) }
        }
    }

    @Test("latency: each response is delayed by the fixed part plus a share of the jitter")
    func latency() async throws {
        let behavior = SandboxBehavior(latency: .milliseconds(5), latencyJitter: .milliseconds(10))
        try await Fixture.run(Fixture.configuration(behavior: behavior)) { sandbox, wire in
            for _ in 0..<4 { #expect((try await wire.get("/users")).status == 200) }
            let delays = sandbox.control.requestLog().map(\.latency)
            #expect(delays.count == 4)
            #expect(delays.allSatisfy { $0 >= .milliseconds(5) && $0 <= .milliseconds(15) })
            #expect(Set(delays).count > 1, "jitter varies")
            try sandbox.control.updateBehavior {
                $0.latency = .zero
                $0.latencyJitter = .zero
            }
            _ = try await wire.get("/users")
            #expect(sandbox.control.requestLog().last?.latency == .zero)
        }
    }

    @Test("invalid knob values are refused and leave the behaviour unchanged")
    func validation() async throws {
        try await Fixture.run { sandbox, _ in
            #expect(throws: SandboxConfigurationError.self) {
                try sandbox.control.updateBehavior { $0.faultRate = 1.5 }
            }
            #expect(throws: SandboxConfigurationError.self) { try sandbox.control.updateBehavior { $0.rateLimit = 0 } }
            #expect(sandbox.control.behavior.faultRate == 0)
            #expect(throws: SandboxConfigurationError.self) {
                try SandboxServer(configuration: SandboxConfiguration(statuses: []))
            }
        }
    }

    @Test("the request body limit must carry the largest file as base64 JSON")
    func bodyLimitCoversTheLargestFile() throws {
        let defaults = SandboxConfiguration()
        #expect(defaults.largestUploadBodyBytes == (10 << 20 + 2) / 3 * 4 + (64 << 10))
        #expect(defaults.maximumRequestBodyBytes >= defaults.largestUploadBodyBytes)
        try defaults.validate()
        var tight = defaults
        tight.maximumRequestBodyBytes = tight.largestUploadBodyBytes - 1
        let error = #expect(throws: SandboxConfigurationError.self) { try tight.validate() }
        #expect(error?.message.contains("raise maximumRequestBodyBytes or lower maximumFileBytes") == true)
        tight.maximumFileBytes = 1 << 20
        try tight.validate()
    }
}
