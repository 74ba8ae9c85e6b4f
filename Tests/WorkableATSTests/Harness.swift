import ATSCore
import Foundation
import WorkableAPI
import WorkableATS
import WorkableSandbox

/// A fixed start for the sandbox's manual clock.
let sandboxStart = Date(timeIntervalSince1970: 1_796_000_003)

/// What a test gets: the client, the running sandbox and the virtual clock they share.
struct Harness {
    let client: WorkableATSClient
    let sandbox: RunningWorkableSandbox
    let clock: WorkableSandboxAdvancingClock
    let sandboxClock: ManualWorkableSandboxClock

    var control: WorkableSandboxControl { sandbox.control }
    var api: WorkableAPI { client.api }

    /// API requests the sandbox answered, file host excluded.
    var apiRequests: [WorkableSandboxRequest] { control.requests.filter { $0.host == .api } }

    /// The sandbox's records grouped by normalised e-mail.
    var peopleByEmail: [String: [WorkableSandboxCandidate]] {
        Dictionary(grouping: control.candidates.filter { $0.email.map(Self.normalized)?.isEmpty == false }) {
            Self.normalized($0.email ?? "")
        }
    }

    static func normalized(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The first active admin: the contract's default member.
    var admin: String { control.members.first { $0.active && $0.roles.contains("admin") }?.id ?? "" }
}

/// Runs `body` with a Workable sandbox on a manual clock (in process, real sockets) and a
/// `WorkableATSClient` pointed at it; the client's pacing sleeps move the sandbox's clock, so
/// rate-limit windows pass without real time passing.
func withWorkableClient<Result: Sendable>(
    people: Int = 30,
    settings: WorkableATSClient.Settings = .init(),
    pageSize: Int = 100,
    rateLimit: WorkableRateLimit = .accountToken,
    _ configure: (inout WorkableSandboxConfiguration) -> Void = { _ in },
    _ body: (Harness) async throws -> Result
) async throws -> Result {
    let sandboxClock = ManualWorkableSandboxClock(start: sandboxStart)
    var configuration = WorkableSandboxConfiguration(personCount: people, clock: sandboxClock)
    configuration.deliveryPauses = [.zero, .zero]
    configure(&configuration)
    return try await withWorkableSandbox(configuration) { sandbox in
        let clock = WorkableSandboxAdvancingClock(sandboxClock: sandboxClock)
        let wire = WorkableAPI.Configuration(
            baseURL: sandbox.baseURL, token: sandbox.token,
            retryPolicy: WorkableRetryPolicy(
                maximumAttempts: 6, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(100)),
            rateLimit: rateLimit, pageSize: pageSize)
        let api = try WorkableAPI(configuration: wire, clock: clock, wallClock: { sandboxClock.now() })
        let client = WorkableATSClient(api: api, settings: settings)
        return try await api.run { _ in
            try await body(Harness(client: client, sandbox: sandbox, clock: clock, sandboxClock: sandboxClock))
        }
    }
}

/// Runs `body` and returns the `ATSError` it throws, or nil.
func atsError(_ body: () async throws -> Void) async -> ATSError? {
    do {
        try await body()
        return nil
    } catch {
        return error as? ATSError
    }
}
