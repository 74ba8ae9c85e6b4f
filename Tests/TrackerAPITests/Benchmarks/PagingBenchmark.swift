import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

/// End-to-end paging throughput against the sandbox with 50 ms latency per request, compared
/// with `curl --parallel` fetching the same pages at the same concurrency (curl only downloads;
/// TrackerAPI also decodes every record). Runs only with `TRACKERAPI_BENCHMARK=1`.
extension TrackerAPIBenchmarks {
    @Suite struct PagingBenchmark {
        static let records = 100_000
        static let pageSize = 1000

        @Test func pagingVersusParallelCurl() async throws {
            // With TRACKERAPI_BENCHMARK_BASE_URL the server runs in its own process (as
            // scripts/benchmark-trackerapi.sh does with `ats sandbox`), so its request handling
            // does not share this process's thread pool with the client's decoding.
            if let baseURL = ProcessInfo.processInfo.environment["TRACKERAPI_BENCHMARK_BASE_URL"] {
                try await compare(
                    Server(baseURL: baseURL, apiKey: "sandbox", apiPassword: "sandbox"), where: "separate process")
                return
            }
            let configuration = SandboxConfiguration(
                applicationCount: Self.records,
                notesPerApplication: 0,
                filesPerApplication: 0,
                behavior: SandboxBehavior(latency: .milliseconds(50))
            )
            try await withTrackerSandbox(configuration) { sandbox in
                let server = Server(baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword)
                try await compare(server, where: "in process")
            }
        }

        struct Server {
            var baseURL: String
            var apiKey: String
            var apiPassword: String
        }

        private func compare(_ server: Server, where place: String) async throws {
            let pages = (Self.records + Self.pageSize - 1) / Self.pageSize
            // Warm the server's caches once so both sides see the same server.
            _ = try await curl(server, pages: pages, parallel: 8)
            for parallel in [4, 8] {
                // Best of three, interleaved, so a busy moment on the machine hurts neither side alone.
                var curlSeconds = Double.infinity
                var apiSeconds = Double.infinity
                for _ in 0..<3 {
                    curlSeconds = min(curlSeconds, try await curl(server, pages: pages, parallel: parallel))
                    apiSeconds = min(apiSeconds, try await page(server, parallel: parallel))
                }
                Benchmark.report(
                    "paging \(Self.records) applications, \(Self.pageSize)/page, 50 ms latency, sandbox \(place), "
                        + "\(parallel) in flight: TrackerAPI \(String(format: "%.2f", apiSeconds)) s "
                        + "(\(Int(Double(Self.records) / apiSeconds)) records/s), "
                        + "curl --parallel-max \(parallel) \(String(format: "%.2f", curlSeconds)) s "
                        + "(\(Int(Double(Self.records) / curlSeconds)) records/s): "
                        + "\(Int((curlSeconds / apiSeconds * 100).rounded())) % of curl"
                )
            }
        }

        private func page(_ sandbox: Server, parallel: Int) async throws -> Double {
            var configuration = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL,
                apiKey: sandbox.apiKey,
                apiPassword: sandbox.apiPassword,
                accountTimeZone: SandboxBehavior.defaultTimeZone,
                rateLimit: nil,
                pageSize: Self.pageSize,
                pagesInFlight: parallel,
                maximumRequestsInFlight: parallel
            )
            configuration.pagingConsistency = .default
            return try await TrackerAPI.withTrackerAPI(configuration: configuration) { api in
                let start = ContinuousClock.now
                var count = 0
                for try await _ in api.applications.list() { count += 1 }
                let seconds = (ContinuousClock.now - start).benchmarkSeconds
                #expect(count == Self.records)
                return seconds
            }
        }

        private func curl(_ sandbox: Server, pages: Int, parallel: Int) async throws -> Double {
            let list = FileManager.default.temporaryDirectory.appendingPathComponent("trackerapi-curl-\(UUID()).txt")
            let urls = (1...pages).map { page in
                "url = \"\(sandbox.baseURL)/applications?page=\(page)&per_page=\(Self.pageSize)\"\noutput = \"/dev/null\"\n"
            }
            try urls.joined().write(to: list, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: list) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = [
                "--silent", "--no-progress-meter", "--fail", "--parallel", "--parallel-max", String(parallel), "--user",
                "\(sandbox.apiKey):\(sandbox.apiPassword)", "--config", list.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = ContinuousClock.now
            try process.run()
            // Polled rather than awaited so the figure is not skewed by a wake-up; bounded so a hung
            // curl fails the benchmark with a reason.
            while process.isRunning {
                guard ContinuousClock.now - start < .seconds(600) else {
                    process.terminate()
                    Issue.record("curl --parallel did not finish within 600 s")
                    break
                }
                try await Task.sleep(for: .milliseconds(2))
            }
            let seconds = (ContinuousClock.now - start).benchmarkSeconds
            #expect(process.terminationStatus == 0)
            return seconds
        }
    }
}
