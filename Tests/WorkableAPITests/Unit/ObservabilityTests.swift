import Foundation
import InMemoryLogging
import Logging
import Metrics
import MetricsTestKit
import Testing
import WorkableAPI
import WorkableSandbox

@Suite struct ObservabilityTests {
    @Test func logsAreStructuredAndNeverHoldTheToken() async throws {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "test") { _ in handler }
        logger.logLevel = .trace
        try await withWorkableHarness(client: ClientOptions(pageSize: 10, logger: logger)) { harness in
            harness.control.inject([.serverError], pathSuffix: "/candidates")
            harness.control.exhaustRateLimit()
            _ = try await harness.api.candidates.list().collect()
            let truth = try #require(harness.control.candidates.first)
            let url = try #require(try await harness.api.candidates.files(WorkableCandidateID(truth.id)).first?.url)
            _ = try await harness.api.files.download(from: url).collect()
            let entries = handler.entries
            #expect(entries.contains { $0.message.description == "Workable request will be retried" })
            #expect(entries.contains { $0.message.description == "Workable rate limit reached" })
            #expect(entries.contains { $0.metadata["workable.endpoint"] == "GET /candidates" })
            #expect(entries.allSatisfy { $0.level <= .info })
            let everything = entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
            #expect(!everything.contains(harness.sandbox.token))
            #expect(!everything.contains("Bearer"))
        }
    }

    @Test func metricsCountAttemptsRetriesAndWaitsWithBoundedLabels() async throws {
        let metrics = TestMetrics()
        try await withMetricsFactory(metrics) {
            try await withWorkableHarness(client: ClientOptions(pageSize: 5)) { harness in
                harness.control.inject([.serverError], pathSuffix: "/candidates")
                _ = try await harness.api.candidates.list().collect()
                let truth = try #require(harness.control.candidates.first)
                _ = try await harness.api.candidates.get(WorkableCandidateID(truth.id))
            }
        }
        let labels = Set(
            metrics.counters(label: "workable_api_requests_total").flatMap { $0.dimensions.map { "\($0.0)=\($0.1)" } })
        #expect(labels.contains("endpoint=GET /candidates"))
        #expect(labels.contains("endpoint=GET /candidates/{id}"))
        #expect(labels.contains("status_class=5xx"))
        #expect(metrics.counterTotal(label: "workable_api_retries_total") == 1)
        #expect(!metrics.timers(label: "workable_api_request_duration").isEmpty)
        #expect(!metrics.timers(label: "workable_api_rate_limit_wait").isEmpty)
    }

    @Test func noErrorMessageHoldsTheToken() async throws {
        let token = WorkableSandboxConfiguration().token
        try await withWorkableHarness(client: ClientOptions(maximumAttempts: 1)) { harness in
            var messages: [String] = []
            for fault in WorkableSandboxFault.allCases {
                harness.control.inject([fault], pathSuffix: "/stages")
                do { _ = try await harness.api.account.stages() } catch { messages.append("\(error)") }
            }
            do { _ = try await harness.api.candidates.get("missing") } catch { messages.append("\(error)") }
            do { try await harness.api.candidates.move("missing", to: "x", by: "y") } catch {
                messages.append("\(error)")
            }
            do { _ = try await harness.api.files.download(from: harness.sandbox.fileOrigin + "/files/nope") } catch {
                messages.append("\(error)")
            }
            #expect(messages.count >= 7)
            #expect(messages.allSatisfy { !$0.contains(token) && !$0.contains("Bearer") })
            #expect(!"\(harness.api.configuration)".contains(token))
        }
    }
}
