import Foundation
import InMemoryLogging
import Logging
import Metrics
import MetricsTestKit
import Testing
import TrackerAPI

@Suite struct ObservabilityTests {
    @Test func logsAreStructuredAndFreeOfSecrets() async throws {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "test") { _ in handler }
        logger.logLevel = .trace
        var configuration = TestAPI.configuration()
        configuration.logger = logger
        let (api, _, _) = try TestAPI.make(configuration) { _, index in
            index == 0 ? .text(503, "retry me \(TestAPI.password)") : .json(#"[{"id": 1}]"#)
        }
        _ = try await api.jobs.get(1)
        let entries = handler.entries
        #expect(entries.contains { $0.message.description == "Tracker request will be retried" })
        #expect(entries.contains { $0.metadata["tracker.endpoint"] == "GET /jobs/{id}" })
        #expect(entries.allSatisfy { $0.level <= .info })
        let everything = entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains(TestAPI.password))
        #expect(!everything.contains("Basic "))
        #expect(
            entries.contains {
                $0.metadata["tracker.headers"]?.description.contains("Authorization: <redacted>") == true
            })
    }

    @Test func theDefaultLoggerDiscardsEverything() {
        let configuration = TrackerAPI.Configuration(baseURL: "https://x.test/api/v1", apiKey: "k", apiPassword: "p")
        #expect(configuration.logger.label == TrackerAPI.loggingDisabled.label)
        #expect(configuration.logger.handler is SwiftLogNoOpLogHandler)
    }

    @Test func metricsUseBoundedLabels() async throws {
        let metrics = TestMetrics()
        var configuration = TestAPI.configuration()
        configuration.metricsFactory = metrics
        let (api, _, _) = try TestAPI.make(configuration) { _, index in
            index == 0 ? .text(500, "") : .json(#"{"id": 77}"#)
        }
        _ = try await api.applications.get(77)
        let requests = metrics.counters(label: "tracker_api_requests_total")
        let labels = Set(requests.flatMap { $0.dimensions.map { "\($0.0)=\($0.1)" } })
        #expect(
            labels == ["endpoint=GET /applications/{id}", "status_class=5xx", "status_class=2xx"]
        )
        #expect(metrics.counterTotal(label: "tracker_api_retries_total") == 1)
        #expect(!metrics.timers(label: "tracker_api_request_duration").isEmpty)
        #expect(!labels.contains { $0.contains("77") })
    }

    @Test func taskLocalMetricsFactoryIsUsedWhenNoneIsConfigured() async throws {
        let metrics = TestMetrics()
        let (api, _, _) = try TestAPI.make { _, _ in .json(#"{"id": 1}"#) }
        _ = try await withMetricsFactory(metrics) {
            try await api.jobs.get(1)
        }
        #expect(metrics.counterTotal(label: "tracker_api_requests_total") == 1)
    }
}
