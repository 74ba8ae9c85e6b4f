import ArgumentParser
internal import Foundation
internal import TrackerSandbox

/// `--timestamps` values.
enum TimestampsOption: String, ExpressibleByArgument, CaseIterable {
    case naiveLocal = "naive-local"
    case utc
}

/// `--webhook-signature` values.
enum WebhookSignatureOption: String, ExpressibleByArgument, CaseIterable {
    case hmac
    case passwordBody = "password-body"
    case bodyPassword = "body-password"

    var construction: SandboxWebhookSignature.Construction {
        switch self {
        case .hmac: .hmac
        case .passwordBody: .passwordThenBody
        case .bodyPassword: .bodyThenPassword
        }
    }
}

/// `--single-record` values.
enum SingleRecordOption: String, ExpressibleByArgument, CaseIterable {
    case object
    case array
}

/// `--model-endpoints` values.
enum ModelEndpointsOption: String, ExpressibleByArgument, CaseIterable {
    case present
    case missingJSON = "missing-json"
    case missingHTML = "missing-html"

    /// The sandbox's setting.
    var setting: SandboxModelEndpoints {
        switch self {
        case .present: .present
        case .missingJSON: .missingJSON
        case .missingHTML: .missingHTML
        }
    }
}

extension SandboxCommand {
    /// The sandbox configuration the flags describe.
    /// - Throws: `SandboxConfigurationError` with a message naming the bad flag.
    func makeConfiguration() throws -> SandboxConfiguration {
        let timezone = self.timezone ?? "America/Los_Angeles"
        let jobs = self.jobs ?? 40
        let latencyMs = self.latencyMs ?? 0
        let faultRate = self.faultRate ?? 0
        guard let zone = TimeZone(identifier: timezone) else {
            throw SandboxConfigurationError(
                "--timezone: unknown time zone '\(timezone)'; use an IANA name such as America/Los_Angeles or UTC"
            )
        }
        func check(_ condition: Bool, _ message: String) throws {
            if !condition { throw SandboxConfigurationError(message) }
        }
        try check((0...65_535).contains(port), "--port must be between 0 and 65535, not \(port)")
        try check(jobs >= 1, "--jobs must be at least 1, not \(jobs)")
        try check((0...50_000_000).contains(applications), "--applications must be between 0 and 50000000")
        try check(latencyMs >= 0, "--latency-ms must not be negative")
        try check(latencyJitterMs >= 0, "--latency-jitter-ms must not be negative")
        try check((0...1).contains(faultRate), "--fault-rate must be between 0 and 1, not \(faultRate)")
        try check(mutationRate >= 0 && mutationRate.isFinite, "--mutation-rate must be zero or positive")
        try check(actionDelayMs >= 0, "--action-delay-ms must not be negative")
        try check(
            (0...1).contains(actionFailureRate),
            "--action-failure-rate must be between 0 and 1, not \(actionFailureRate)"
        )
        if let rateLimit {
            try check(
                rateLimit > 0 && rateLimit.isFinite, "--rate-limit must be a positive number of requests per second")
        }
        let names = statuses.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        try check(!names.isEmpty && !names.contains(""), "--statuses must be a comma-separated list of non-empty names")
        try check(Set(names).count == names.count, "--statuses must not repeat a name")
        try check(!apiKey.isEmpty && !apiKey.contains(":"), "--api-key must be non-empty and contain no ':'")
        try check(!apiPassword.isEmpty, "--api-password must not be empty")
        let behavior = SandboxBehavior(
            timeZone: zone,
            timestampMode: timestamps == .utc ? .utc : .naiveLocal,
            singleRecordShape: singleRecord == .array ? .array : .object,
            honoursUpdatedAfter: !ignoreUpdatedAfter,
            rateLimit: rateLimit,
            latency: .milliseconds(latencyMs),
            latencyJitter: .milliseconds(latencyJitterMs),
            faultRate: faultRate,
            mutationRate: mutationRate,
            actionDelay: .milliseconds(actionDelayMs),
            actionFailureRate: actionFailureRate
        )
        var configuration = SandboxConfiguration(
            host: host, port: port, seed: seed, jobCount: jobs, applicationCount: applications, statuses: names,
            apiKey: apiKey, apiPassword: apiPassword, behavior: behavior
        )
        configuration.webhookSignatureConstruction = webhookSignature.construction
        configuration.behavior.modelEndpoints = modelEndpoints.setting
        try configuration.validate()
        return configuration
    }
}
