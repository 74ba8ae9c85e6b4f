import Foundation
import TrackerAPI
import TrackerSandbox

/// Client settings that integration tests vary.
struct ClientOptions {
    var companyID: TrackerCompanyID?
    var apiPassword: String?
    var rateLimit: TrackerRateLimit?
    var maximumAttempts = 5
    var pagesInFlight = 4
    var maximumRequestsInFlight = 4
    /// The per-attempt time limit, when a test makes the sandbox stall.
    var requestTimeout: Duration?
}

/// Runs `body` with a sandbox and a TrackerAPI pointed at it (real sockets, in process).
func withSandboxAPI<Result: Sendable>(
    _ sandboxConfiguration: SandboxConfiguration = SandboxConfiguration(applicationCount: 300),
    client options: ClientOptions = ClientOptions(),
    _ body: (TrackerAPI, RunningSandbox) async throws -> Result
) async throws -> Result {
    try await withTrackerSandbox(sandboxConfiguration) { sandbox in
        var configuration = TrackerAPI.Configuration(
            baseURL: sandbox.baseURL,
            apiKey: sandbox.apiKey,
            apiPassword: sandbox.apiPassword,
            accountTimeZone: sandboxConfiguration.behavior.timeZone,
            retryPolicy: TrackerRetryPolicy(initialBackoff: .milliseconds(5), maximumBackoff: .milliseconds(50)),
            rateLimit: options.rateLimit
        )
        configuration.companyID = options.companyID
        configuration.apiPassword = options.apiPassword ?? configuration.apiPassword
        configuration.retryPolicy.maximumAttempts = options.maximumAttempts
        configuration.pagesInFlight = options.pagesInFlight
        configuration.maximumRequestsInFlight = options.maximumRequestsInFlight
        if let timeout = options.requestTimeout { configuration.timeouts.request = timeout }
        return try await TrackerAPI.withTrackerAPI(configuration: configuration) { api in
            try await body(api, sandbox)
        }
    }
}

extension TrackerID {
    var int: Int { Int(rawValue) ?? -1 }
}
