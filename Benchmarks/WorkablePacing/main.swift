// Measures a full candidate scan against a Workable sandbox that enforces the real limit (10
// requests per 10 s, real clocks): the wall time against requests ÷ rate, the 429s and the pacing
// wait. Run: swift run -c release WorkablePacingBenchmark [people]   (default 5000 people, about
// 10,000 candidate records, about 100 pages of 100; it takes about a minute and a half).

import Foundation
import WorkableAPI
import WorkableSandbox

let people = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 5000
var configuration = WorkableSandboxConfiguration(personCount: people, jobCount: 8)
configuration.behavior.rateLimit = 10

try await withWorkableSandbox(configuration) { sandbox in
    let records = sandbox.control.candidates.count
    let api = try WorkableAPI(configuration: .init(baseURL: sandbox.baseURL, token: sandbox.token))
    try await api.run { api in
        let clock = ContinuousClock()
        let started = clock.now
        var count = 0
        for try await page in api.candidates.list() { count += page.records.count }
        let elapsed = clock.now - started
        let traffic = await api.traffic
        let requestsOverRate = Double(traffic.requests) / 1.0
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let sandboxRequests = sandbox.control.requests.filter { $0.host == .api }
        let refused = sandboxRequests.filter { $0.status == 429 }.count
        print("records in sandbox: \(records); records read: \(count)")
        print("requests: \(traffic.requests); 429 answers: \(traffic.rateLimitedResponses) (sandbox saw \(refused))")
        print(
            String(
                format: "wall time: %.1f s; requests ÷ rate (1 request/s): %.1f s; ratio %.3f", seconds,
                requestsOverRate, seconds / requestsOverRate))
        print(String(format: "pacing wait: %.1f s", Double(traffic.rateLimitWait.components.seconds)))
    }
}
