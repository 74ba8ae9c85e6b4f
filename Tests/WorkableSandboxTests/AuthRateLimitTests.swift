import Foundation
import NIOHTTP1
import Synchronization
import Testing
import WorkableSandbox

@Suite struct AuthRateLimitTests {
    @Test func aMissingOrWrongTokenIs401AndBothPathFormsAnswer() async throws {
        try await withSandbox { wire, sandbox, _ in
            let missing = try await wire.get("/stages", token: "")
            #expect(missing.status == 401)
            #expect(missing.object["error"] as? String == "Not authorized")
            #expect(try await wire.get("/stages", token: "nope").status == 401)
            let modern = try await wire.get("/candidates?limit=3")
            let legacy = try await wire.send(.GET, sandbox.legacyBaseURL + "/candidates?limit=3", absolute: true)
            #expect(modern.status == 200 && legacy.status == 200)
            #expect(modern.body == legacy.body)
            let unknown = try await wire.get("/nothing-here")
            #expect(unknown.status == 404)
            #expect(unknown.object["error"] as? String == "Not found")
        }
    }

    @Test func tenPerFixedWindowThenA429ThatUsesNothingUntilTheNextWindow() async throws {
        try await withSandbox({ $0.behavior.rateLimit = 10 }) { wire, sandbox, clock in
            var remaining: [String] = []
            for _ in 0..<10 {
                let answer = try await wire.get("/stages")
                #expect(answer.status == 200)
                remaining.append(answer.headers.first(name: "X-Rate-Limit-Remaining") ?? "")
                #expect(answer.headers.first(name: "X-Rate-Limit-Limit") == "10")
            }
            #expect(remaining == ["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"])
            let refused = try await wire.get("/stages")
            #expect(refused.status == 429)
            #expect(refused.headers.first(name: "Retry-After") == nil)
            let reset = try #require(refused.headers.first(name: "X-Rate-Limit-Reset").flatMap { Int64($0) })
            #expect(reset == 1_796_000_010)
            #expect(try await wire.get("/stages").status == 429)
            clock.advance(by: .seconds(7))
            let next = try await wire.get("/stages")
            #expect(next.status == 200)
            #expect(next.headers.first(name: "X-Rate-Limit-Remaining") == "9")
            // Another token has a budget of its own.
            #expect(try await wire.get("/stages", token: sandbox.readOnlyToken).status == 200)
        }
    }

    @Test func resetFormsAndRetryAfterAreKnobs() async throws {
        try await withSandbox({
            $0.behavior.rateLimit = 1
            $0.behavior.resetFormat = .secondsFromNow
            $0.behavior.sendsRetryAfter = true
        }) { wire, sandbox, _ in
            _ = try await wire.get("/stages")
            let refused = try await wire.get("/stages")
            #expect(refused.status == 429)
            #expect(refused.headers.first(name: "X-Rate-Limit-Reset") == "7")
            #expect(refused.headers.first(name: "Retry-After") == "7")
            sandbox.control.update {
                $0.resetFormat = .iso8601
                $0.rateLimit = nil
            }
            #expect(try await wire.get("/stages").headers.first(name: "X-Rate-Limit-Reset") == nil)
            sandbox.control.update { $0.rateLimit = 5 }
            let iso = try await wire.get("/stages").headers.first(name: "X-Rate-Limit-Reset")
            #expect(iso == "2026-11-30T00:53:30Z")
        }
    }

    @Test func aReadOnlyTokenReadsButCannotWrite() async throws {
        try await withSandbox { wire, sandbox, _ in
            let id = try #require(sandbox.control.candidates.first?.id)
            #expect(try await wire.get("/candidates/\(id)", token: sandbox.readOnlyToken).status == 200)
            let admin = try #require(sandbox.control.members.first { $0.active && $0.roles.contains("admin") }?.id)
            let refused = try await wire.send(
                .POST, "/candidates/\(id)/move", token: sandbox.readOnlyToken,
                body: ["member_id": admin, "target_stage": "offer"])
            #expect(refused.status == 403)
            #expect((refused.object["error"] as? String)?.contains("w_candidates") == true)
        }
    }
}

@Suite struct KnobTests {
    @Test func theWindowLengthAndLatencyAreKnobs() async throws {
        try await withSandbox({
            $0.behavior.rateLimit = 2
            $0.behavior.rateWindowSeconds = 60
            $0.behavior.latency = .milliseconds(5)
        }) { wire, _, clock in
            #expect(try await wire.get("/stages").status == 200)
            let second = try await wire.get("/stages")
            #expect(second.status == 200)
            // 60-second windows aligned on Unix time: 1_796_000_003 lies in [1_795_999_980, 1_796_000_040).
            #expect(second.headers.first(name: "X-Rate-Limit-Reset") == "1796000040")
            #expect(try await wire.get("/stages").status == 429)
            clock.advance(by: .seconds(30))
            #expect(try await wire.get("/stages").status == 429)
            clock.advance(by: .seconds(10))
            #expect(try await wire.get("/stages").status == 200)
        }
    }
}
