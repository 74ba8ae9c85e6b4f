import Foundation
import Testing
import TrackerAPI

/// Records per second decoded from 1000-record pages through the whole public pipeline (body
/// collection, JSON parsing, wire models, timestamps, paging) with a transport that answers from
/// memory, so no network time is included.
extension TrackerAPIBenchmarks {
    @Suite struct DecodeBenchmark {
        @Test func applicationsFromThousandRecordPages() async throws {
            let pages = 100
            let bodies = (0..<pages).map { Data(Benchmark.applicationPage(count: 1000, firstID: $0 * 1000 + 1).utf8) }
            let headers: TrackerHTTPHeaders = [
                "Total-Count": "\(pages * 1000)", "Pages": "\(pages)", "Results-Per-Page": "1000",
            ]
            for inFlight in [1, 2, 4] {
                var configuration = TrackerAPI.Configuration(
                    baseURL: "https://bench.example/api/v1",
                    apiKey: "k",
                    apiPassword: "p",
                    accountTimeZone: TimeZone(identifier: "America/Los_Angeles"),
                    rateLimit: nil,
                    pageSize: 1000,
                    pagesInFlight: inFlight
                )
                configuration.pagingConsistency = .none
                let transport = ScriptedTransport { request, _ in
                    let number = Int(request.query["page"] ?? "1") ?? 1
                    return TrackerHTTPResponse(status: 200, headers: headers, body: TrackerHTTPBody(bodies[number - 1]))
                }
                let api = try TrackerAPI(configuration: configuration, transport: transport, clock: ContinuousClock())
                let start = ContinuousClock.now
                var count = 0
                for try await _ in api.applications.list() { count += 1 }
                let seconds = (ContinuousClock.now - start).benchmarkSeconds
                #expect(count == pages * 1000)
                Benchmark.report(
                    "decode applications pagesInFlight=\(inFlight): \(count) records in \(String(format: "%.3f", seconds)) s"
                        + " = \(Int(Double(count) / seconds)) records/s (\(bodies[0].count / 1024) KiB per page)"
                )
            }
        }
    }
}

extension Duration {
    var benchmarkSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
