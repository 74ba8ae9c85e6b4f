import Foundation
import Logging
import WorkableAPI
import WorkableSandbox

/// A fixed start for the sandbox's manual clock: mid-window, so tests cross window boundaries.
let sandboxStart = Date(timeIntervalSince1970: 1_796_000_003)

/// Client settings integration tests vary.
struct ClientOptions {
    var token: String?
    var pageSize = 100
    var rateLimit = WorkableRateLimit.accountToken
    var maximumAttempts = 6
    var logger: Logger?
    var legacyBaseURL = false
}

/// What a test gets: the client, the running sandbox, and the virtual clock they share.
struct Harness {
    let api: WorkableAPI
    let sandbox: RunningWorkableSandbox
    let clock: WorkableSandboxAdvancingClock
    let sandboxClock: ManualWorkableSandboxClock

    var control: WorkableSandboxControl { sandbox.control }
}

/// Runs `body` with a sandbox on a manual clock and a WorkableAPI pointed at it (real sockets,
/// in process). The client sleeps on a clock that moves the sandbox's clock instead of waiting, so
/// rate-limit windows pass without real time passing.
func withWorkableHarness<Result: Sendable>(
    _ configure: (inout WorkableSandboxConfiguration) -> Void = { _ in },
    client options: ClientOptions = ClientOptions(),
    _ body: (Harness) async throws -> Result
) async throws -> Result {
    let sandboxClock = ManualWorkableSandboxClock(start: sandboxStart)
    var configuration = WorkableSandboxConfiguration(personCount: 30, clock: sandboxClock)
    configuration.deliveryPauses = [.zero, .zero]
    configure(&configuration)
    return try await withWorkableSandbox(configuration) { sandbox in
        let clock = WorkableSandboxAdvancingClock(sandboxClock: sandboxClock)
        var clientConfiguration = WorkableAPI.Configuration(
            baseURL: options.legacyBaseURL ? sandbox.legacyBaseURL : sandbox.baseURL,
            token: options.token ?? sandbox.token,
            retryPolicy: WorkableRetryPolicy(
                maximumAttempts: options.maximumAttempts, initialBackoff: .milliseconds(10),
                maximumBackoff: .milliseconds(100)),
            rateLimit: options.rateLimit, pageSize: options.pageSize)
        if let logger = options.logger { clientConfiguration.logger = logger }
        let api = try WorkableAPI(configuration: clientConfiguration, clock: clock, wallClock: { sandboxClock.now() })
        return try await api.run { api in
            try await body(Harness(api: api, sandbox: sandbox, clock: clock, sandboxClock: sandboxClock))
        }
    }
}

extension Harness {
    /// The first active admin, as the contract's default member.
    var admin: WorkableMemberID {
        WorkableMemberID(control.members.first { $0.active && $0.roles.contains("admin") }?.id ?? "")
    }

    /// API requests the sandbox answered, file host excluded.
    var apiRequests: [WorkableSandboxRequest] { control.requests.filter { $0.host == .api } }
}
