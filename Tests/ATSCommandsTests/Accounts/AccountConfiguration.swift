import Foundation
import Testing
import TrackerSandbox

/// The sandbox configurations of issue 14's "Done when": servers configured like real accounts
/// rather than like the sandbox's defaults. The README harness and the command-line bad-input suite
/// run against each one that is enabled.
enum AccountConfiguration: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Every endpoint Tracker does not document answers 404 with a JSON error.
    case modelEndpointsMissingJSON = "model endpoints missing (JSON 404)"
    /// Every endpoint Tracker does not document answers 404 with an HTML page.
    case modelEndpointsMissingHTML = "model endpoints missing (HTML 404)"
    /// An account whose statuses are New, Review, Interview, Hired and Rejected.
    case otherStatuses = "statuses New/Review/Interview/Hired/Rejected"
    /// An account limited to 5 requests per second, with 5% of requests failing.
    case rateLimited = "5 requests/s with 5% faults"

    var testDescription: String { rawValue }

    /// The statuses of ``otherStatuses``.
    static let otherStatusNames = ["New", "Review", "Interview", "Hired", "Rejected"]

    /// Why this configuration is not run yet (a capability another change of issue 14 brings), or
    /// `nil` when it runs. Remove the reason once the capability is merged.
    var disabledReason: String? {
        switch self {
        case .modelEndpointsMissingJSON, .modelEndpointsMissingHTML, .otherStatuses: nil
        case .rateLimited:
            // Minutes of waiting by design: the README's 500-application bulk-reject alone needs more
            // than 200 s at 5 requests/s. The quick budget leaves it to RateLimitedSyncTests.
            ProcessInfo.processInfo.environment["ATSKIT_RELIABILITY"] == "full"
                ? nil : "runs only at the full budget (scripts/reliability cli): it takes minutes at 5 requests/s"
        }
    }

    /// Whether ``disabledReason`` holds it back (`ATSKIT_RUN_DISABLED_ACCOUNTS=1` runs it anyway, to see
    /// how far it is).
    var isDisabled: Bool {
        disabledReason != nil && ProcessInfo.processInfo.environment["ATSKIT_RUN_DISABLED_ACCOUNTS"] != "1"
    }

    /// The reason as a test comment.
    var comment: Comment { Comment(rawValue: disabledReason ?? "") }

    /// The configurations that run.
    static var enabled: [AccountConfiguration] { allCases.filter { !$0.isDisabled } }

    /// `settings` made like this account.
    func applied(to settings: SandboxConfiguration) -> SandboxConfiguration {
        var settings = settings
        switch self {
        case .modelEndpointsMissingJSON: settings.behavior.modelEndpoints = .missingJSON
        case .modelEndpointsMissingHTML: settings.behavior.modelEndpoints = .missingHTML
        case .otherStatuses: settings.statuses = Self.otherStatusNames
        case .rateLimited:
            settings.behavior.rateLimit = 5
            settings.behavior.faultRate = 0.05
        }
        return settings
    }

    /// The environment that makes the embedded sandbox of `--sandbox` like this account.
    var sandboxEnvironment: [String: String] {
        switch self {
        case .modelEndpointsMissingJSON: ["ATS_SANDBOX_MODEL_ENDPOINTS": "missing-json"]
        case .modelEndpointsMissingHTML: ["ATS_SANDBOX_MODEL_ENDPOINTS": "missing-html"]
        case .otherStatuses: ["ATS_SANDBOX_STATUSES": Self.otherStatusNames.joined(separator: ",")]
        case .rateLimited: ["ATS_SANDBOX_RATE_LIMIT": "5", "ATS_SANDBOX_FAULT_RATE": "0.05"]
        }
    }

    /// Whether the undocumented endpoints are missing.
    var lacksModelEndpoints: Bool { self == .modelEndpointsMissingJSON || self == .modelEndpointsMissingHTML }
}
