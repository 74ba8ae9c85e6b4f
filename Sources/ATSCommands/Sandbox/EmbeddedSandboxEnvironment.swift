import Foundation
import TrackerSandbox

/// Environment variables that make the embedded sandbox of `--sandbox` behave like a particular
/// real account, so that any command (and any script of commands) can be tried against one:
///
/// - `ATS_SANDBOX_MODEL_ENDPOINTS`: `present`, `missing-json` or `missing-html` (as
///   `ats sandbox --model-endpoints`);
/// - `ATS_SANDBOX_STATUSES`: the account's applicant statuses, comma-separated;
/// - `ATS_SANDBOX_RATE_LIMIT`: requests per second per credential;
/// - `ATS_SANDBOX_FAULT_RATE`: the probability (0…1) that a request fails.
enum EmbeddedSandboxEnvironment {
    /// The variables, for messages.
    static let names = [
        "ATS_SANDBOX_MODEL_ENDPOINTS", "ATS_SANDBOX_STATUSES", "ATS_SANDBOX_RATE_LIMIT", "ATS_SANDBOX_FAULT_RATE",
    ]

    /// `settings` changed as the environment says.
    /// - Throws: ``CommandFailure`` (usage) naming a variable whose value cannot be used.
    static func apply(_ environment: [String: String], to settings: SandboxConfiguration) throws
        -> SandboxConfiguration
    {
        var settings = settings
        func bad(_ name: String, _ value: String, _ expected: String) -> CommandFailure {
            .usage("\(name)='\(value)' cannot be used: \(expected).")
        }
        if let value = environment["ATS_SANDBOX_MODEL_ENDPOINTS"], !value.isEmpty {
            guard let mode = SandboxModelEndpoints(rawValue: value) else {
                throw bad("ATS_SANDBOX_MODEL_ENDPOINTS", value, "use present, missing-json or missing-html")
            }
            settings.behavior.modelEndpoints = mode
        }
        if let value = environment["ATS_SANDBOX_STATUSES"], !value.isEmpty {
            let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !names.contains(""), Set(names).count == names.count else {
                throw bad("ATS_SANDBOX_STATUSES", value, "give distinct, non-empty names separated by commas")
            }
            settings.statuses = names
        }
        if let value = environment["ATS_SANDBOX_RATE_LIMIT"], !value.isEmpty {
            guard let rate = Double(value), rate > 0, rate.isFinite else {
                throw bad("ATS_SANDBOX_RATE_LIMIT", value, "give a positive number of requests per second")
            }
            settings.behavior.rateLimit = rate
        }
        if let value = environment["ATS_SANDBOX_FAULT_RATE"], !value.isEmpty {
            guard let rate = Double(value), (0...1).contains(rate) else {
                throw bad("ATS_SANDBOX_FAULT_RATE", value, "give a probability between 0 and 1")
            }
            settings.behavior.faultRate = rate
        }
        return settings
    }
}
