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
///
/// The Tracker RMS and Workable sandboxes take the last two (``sharedKnobs(_:provider:)``).
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

    /// The knobs every provider's embedded sandbox has, for a provider other than Tracker: the rate
    /// limit and the fault rate. The Tracker-only variables are refused, naming the provider.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - provider: The provider, for messages.
    /// - Throws: ``CommandFailure`` (usage) naming a variable that cannot be used.
    static func sharedKnobs(_ environment: [String: String], provider: String) throws -> (
        rateLimit: Double?, faultRate: Double?
    ) {
        for name in ["ATS_SANDBOX_MODEL_ENDPOINTS", "ATS_SANDBOX_STATUSES"]
        where !(environment[name] ?? "").isEmpty {
            throw CommandFailure.usage(
                "\(name) sets up the Tracker sandbox; the \(provider) sandbox has no such setting. Unset it, or "
                    + "run `ats sandbox --provider \(provider)` with its own options (see `ats sandbox --help`).")
        }
        var probe = SandboxConfiguration()
        probe.behavior.rateLimit = nil
        probe.behavior.faultRate = 0
        let applied = try apply(
            environment.filter { ["ATS_SANDBOX_RATE_LIMIT", "ATS_SANDBOX_FAULT_RATE"].contains($0.key) }, to: probe)
        let faultRate = applied.behavior.faultRate
        return (applied.behavior.rateLimit, faultRate > 0 ? faultRate : nil)
    }
}
