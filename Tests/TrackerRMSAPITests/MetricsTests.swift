import Foundation
import Metrics
import MetricsTestKit
import Testing
import TrackerRMSAPI
import TrackerRMSSandbox

@Suite("TrackerRMSAPI: metrics with bounded labels")
struct MetricsTests {
    @Test("Requests, retries and failures are counted per operation, never per id")
    func counters() async throws {
        let metrics = TestMetrics()
        let measured: ClientTweak = { configuration, _ in configuration.metricsFactory = metrics }
        try await withSandboxClient(configure: measured) { sandbox, client in
            sandbox.control.scriptFaults([.status99])
            try await client.checkLogon()
            _ = try await client.record(RMSPlacement.self, id: RMSRecordID(Int64(sandbox.control.placements[0].id)))
            let requests = try metrics.expectCounter(
                "trackerrms_requests_total", [("operation", "checkLogon"), ("status_class", "2xx")])
            #expect(requests.values.reduce(0, +) == 2)
            let retries = try metrics.expectCounter(
                "trackerrms_retries_total", [("operation", "checkLogon"), ("reason", "status_99")])
            #expect(retries.values.reduce(0, +) == 1)
            let labels = metrics.counters.flatMap { $0.dimensions.map(\.1) }
            #expect(!labels.contains { $0.contains(String(sandbox.control.placements[0].id)) })
        }
    }
}
