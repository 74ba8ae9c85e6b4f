import Foundation
import Testing
import TrackerAPI

/// The request pipeline (auth, retries, Retry-After, errors, redirects) against a transport
/// double and a manual clock: no sockets, no real sleeps.
@Suite struct PipelineTests {
    let job = #"{"id": "1", "title": "Welder"}"#

    @Test func sendsBasicAuthAndJSONHeaders() async throws {
        let (api, transport, _) = try TestAPI.make { [job] _, _ in .json(job) }
        _ = try await api.jobs.get(1)
        let request = try #require(transport.requests.first)
        let expected = "Basic " + Data("key-1234:\(TestAPI.password)".utf8).base64EncodedString()
        #expect(request.headers["authorization"] == expected)
        #expect(request.headers["Accept"] == "application/json")
        #expect(request.url == "https://api.example.test/api/v1/jobs/1")
    }

    @Test func getIsRetriedOnServerErrorsWithBackoff() async throws {
        let (api, transport, clock) = try TestAPI.make { [job] _, index in
            index < 2 ? .text(index == 0 ? 500 : 502, "<html><body>Bad Gateway</body></html>") : .json(job)
        }
        let fetched = try await api.jobs.get(1)
        #expect(fetched.title == "Welder")
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps == [.milliseconds(250), .milliseconds(500)])
    }

    @Test func retryAfterSecondsIsHonoured() async throws {
        let (api, _, clock) = try TestAPI.make { [job] _, index in
            index == 0 ? .text(429, "slow down", headers: ["Retry-After": "7"]) : .json(job)
        }
        _ = try await api.jobs.get(1)
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test func retryAfterAsAnHTTPDateIsHonoured() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: Date().addingTimeInterval(30))
        let (api, _, clock) = try TestAPI.make { [job] _, index in
            index == 0 ? .text(503, "", headers: ["Retry-After": date]) : .json(job)
        }
        _ = try await api.jobs.get(1)
        let wait = try #require(clock.sleeps.first)
        #expect(wait > .seconds(25) && wait <= .seconds(30))
    }

    @Test func persistent429EndsAsRateLimitedWithTheWait() async throws {
        let (api, transport, _) = try TestAPI.make { _, _ in .text(429, "", headers: ["Retry-After": "2"]) }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == .rateLimited)
        #expect(error.retryAfter == .seconds(2))
        #expect(error.attempts == 5)
        #expect(transport.requests.count == 5)
    }

    @Test func aRetryAfterBeyondTheLimitIsNotWaitedOut() async throws {
        let (api, transport, clock) = try TestAPI.make { _, _ in .text(429, "", headers: ["Retry-After": "3600"]) }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == .rateLimited)
        #expect(error.retryAfter == .seconds(3600))
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func serverErrorKeepsABoundedExcerptOfAnHTMLBody() async throws {
        let html =
            "<html><head><title>502 Bad Gateway</title></head>" + String(repeating: "x", count: 5_000) + "</html>"
        let (api, _, _) = try TestAPI.make { _, _ in .text(502, html) }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == .serverError)
        #expect(error.status == 502)
        #expect(error.bodyExcerpt?.hasPrefix("<html><head><title>502 Bad Gateway") == true)
        #expect((error.bodyExcerpt?.count ?? 0) <= TrackerAPIError.excerptLimit)
        #expect(error.description.contains("HTTP 502"))
    }

    @Test(arguments: [
        (401, TrackerAPIError.Code.unauthorized), (403, .forbidden), (404, .notFound), (422, .requestRejected),
    ])
    func clientErrorsAreNotRetried(status: Int, code: TrackerAPIError.Code) async throws {
        let (api, transport, _) = try TestAPI.make { _, _ in .json(#"{"error": "nope"}"#, status: status) }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == code)
        #expect(transport.requests.count == 1)
    }

    @Test func nonJSONSuccessIsRetriedThenReportedAsMalformed() async throws {
        let (api, transport, _) = try TestAPI.make { _, _ in .text(200, "<html>Maintenance</html>") }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == .malformedResponse)
        #expect(error.field == "(body)")
        #expect(error.bodyExcerpt == "<html>Maintenance</html>")
        #expect(transport.requests.count == 5)
    }

    @Test func aTruncatedBodyIsRetried() async throws {
        let (api, _, _) = try TestAPI.make { [job] _, index in
            index == 0 ? .json(String(job.prefix(12))) : .json(job)
        }
        #expect(try await api.jobs.get(1).title == "Welder")
    }

    @Test func connectionDropsAreRetriedForGets() async throws {
        let (api, _, _) = try TestAPI.make { [job] _, index in
            if index == 0 { throw TrackerTransportError(phase: .exchange, reason: "connection reset") }
            return .json(job)
        }
        #expect(try await api.jobs.get(1).title == "Welder")
    }

    @Test func aPostWhoseAnswerIsLostIsNotRetried() async throws {
        let (api, transport, _) = try TestAPI.make { _, _ in
            throw TrackerTransportError(phase: .exchange, reason: "connection reset")
        }
        let error = try await #require(throws: TrackerAPIError.self) {
            try await api.notes.create(.init(applicationID: 1, body: "hello"))
        }
        #expect(error.code == .outcomeUnknown)
        #expect(transport.requests.count == 1)
        #expect(error.description.contains("Read the resource back"))
    }

    @Test func aPostAnswered500IsOutcomeUnknown() async throws {
        let (api, transport, _) = try TestAPI.make { _, _ in .text(500, "boom") }
        let error = try await #require(throws: TrackerAPIError.self) {
            try await api.actions.create(.init(type: .tagApp, data: ["app_id": 1, "tag_text": "x"]))
        }
        #expect(error.code == .outcomeUnknown)
        #expect(error.status == 500)
        #expect(transport.requests.count == 1)
    }

    @Test func aPostThatNeverConnectedIsRetried() async throws {
        let note = #"{"id": 5, "app_id": 1, "body": "hello"}"#
        let (api, transport, _) = try TestAPI.make { _, index in
            if index == 0 { throw TrackerTransportError(phase: .connect, reason: "refused") }
            return .json(note, status: 201)
        }
        let created = try await api.notes.create(.init(applicationID: 1, body: "hello"))
        #expect(created.id == 5)
        #expect(transport.requests.count == 2)
    }

    @Test func oneDeadlineBoundsAllRetries() async throws {
        let policy = TrackerRetryPolicy(maximumAttempts: 100, jitter: 0, overallTimeout: .seconds(5))
        let (api, _, clock) = try TestAPI.make(TestAPI.configuration(retry: policy)) { _, _ in
            throw TrackerTransportError(phase: .connect, reason: "refused")
        }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == .transportFailure || error.code == .timedOut)
        #expect(clock.elapsed <= .seconds(5))
    }

    @Test func cancellationStopsRetrying() async throws {
        let (api, _, _) = try TestAPI.make { _, _ in
            withUnsafeCurrentTask { $0?.cancel() }
            return .text(503, "")
        }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == .cancelled)
    }

    @Test func redirectsAreFollowedAndCredentialsStayWithTrustedHosts() async throws {
        let (api, transport, _) = try TestAPI.make { [job] request, index in
            switch index {
            case 0: .text(301, "", headers: ["Location": "https://acme.example.test/api/v1/jobs/1"])
            case 1: .text(302, "", headers: ["Location": "https://elsewhere.invalid/jobs/1"])
            default: .json(job)
            }
        }
        _ = try await api.jobs.get(1)
        let requests = transport.requests
        #expect(requests.count == 3)
        #expect(requests[1].headers["Authorization"] != nil)
        #expect(requests[2].headers["Authorization"] == nil)
    }

    @Test func errorsAndLogsNeverContainThePassword() async throws {
        let echo =
            "you sent password \(TestAPI.password) and "
            + Data("key-1234:\(TestAPI.password)".utf8).base64EncodedString()
        let (api, _, _) = try TestAPI.make { _, _ in .text(400, echo) }
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(!error.description.contains(TestAPI.password))
        #expect(error.bodyExcerpt?.contains("<redacted>") == true)
        #expect(!api.configuration.description.contains(TestAPI.password))
    }

    @Test func pathsArePercentEncoded() async throws {
        let (api, transport, _) = try TestAPI.make { [job] _, _ in .json(job) }
        _ = try await api.jobs.get("a/b c")
        #expect(transport.requests.first?.url == "https://api.example.test/api/v1/jobs/a%2Fb%20c")
    }

    @Test func aShutDownClientRefusesCalls() async throws {
        let (api, _, _) = try TestAPI.make { [job] _, _ in .json(job) }
        try await api.shutdown()
        try await api.shutdown()
        await #expect(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
    }
}
