import ATSTestSupport
import Foundation

/// The bad-input matrix for the providers other than Tracker: how each one is named, which flags
/// and variables it reads, which leaves it cannot run, and the ids a well-formed call of a leaf
/// uses on it.
enum ProviderMatrix {
    /// A provider the matrix runs every leaf against, beside `tracker`.
    enum Provider: String, CaseIterable, Sendable, CustomStringConvertible {
        case trackerRMS = "tracker-rms"
        case workable

        var description: String { rawValue }

        /// How messages name it.
        var displayName: String { self == .trackerRMS ? "Tracker RMS" : "Workable" }

        /// The environment variable of its base URL.
        var baseURLVariable: String { self == .trackerRMS ? "TRACKER_RMS_BASE_URL" : "WORKABLE_BASE_URL" }

        /// What a message about missing credentials must name: the flags and the variables.
        var credentialNames: [String] {
            switch self {
            case .trackerRMS: ["--api-key", "--username", "TRACKER_RMS_API_KEY"]
            case .workable: ["--api-token", "WORKABLE_API_TOKEN"]
            }
        }
    }

    /// The leaves that use what only Tracker has: every other provider refuses them, naming itself
    /// and what to use instead.
    static let trackerOnly: Set<String> = [
        "applications hire", "applications unhire", "actions types", "actions run", "actions show", "actions wait",
        "triggers list", "triggers create", "triggers delete",
    ]

    /// The leaves a provider's API has no operation for: refused before anything is sent, with the
    /// provider's reason (exit status 1, as `ats coverage` lists them).
    static func lacksTheOperation(_ leaf: CommandMatrix.Leaf, on provider: Provider) -> Bool {
        let name = leaf.path.joined(separator: " ")
        switch provider {
        case .trackerRMS: return ["files list", "files download", "files delete", "candidates resume"].contains(name)
        case .workable: return ["files delete", "files upload"].contains(name)
        }
    }

    /// Whether `leaf` is one that `provider` runs (rather than refuses).
    static func runs(_ leaf: CommandMatrix.Leaf) -> Bool {
        !trackerOnly.contains(leaf.path.joined(separator: " "))
    }

    /// The leaf's well-formed arguments on `provider`: Tracker's ids replaced by ones of the
    /// provider's shape (the cases break the server, not the id).
    static func arguments(_ base: [String], provider: Provider) -> [String] {
        var words: [String] = []
        var index = base.startIndex
        while index < base.endIndex {
            let word = base[index]
            let previous = words.last ?? ""
            switch (word, provider) {
            case ("--known-stage", .workable):
                // Workable lists its stages; the flag is not one of its settings.
                index += 2
                continue
            case ("Interview", .trackerRMS) where previous == "--known-stage": words.append("Interview=4")
            case ("tc_0000000000000000", .trackerRMS): words.append("12")
            case ("tc_0000000000000000", .workable): words.append("wc_0000000000000000")
            case ("2", .workable) where ["get", "enhanced", "--job"].contains(previous): words.append("GROOV003")
            case ("years_experience=7", _): words.append("notice_period=two weeks")
            default: words.append(word)
            }
            index += 1
        }
        return words
    }

    /// The connection flags of a server at `url` with credentials of the provider's kind.
    static func server(_ url: String, provider: Provider, secret: String) -> [String] {
        switch provider {
        case .trackerRMS: ["--provider", provider.rawValue, "--base-url", url, "--api-key", secret]
        case .workable: ["--provider", provider.rawValue, "--base-url", url, "--api-token", secret]
        }
    }

    /// Signs of a crash or an unexplained failure in a command's standard error.
    static func looksLikeACrash(_ text: String) -> Bool {
        ["Fatal error", "Stack dump", "Current stack trace", "0x0000", "Swift runtime failure", "Illegal instruction"]
            .contains { text.contains($0) }
    }
}

/// The failures each provider's sandbox can be made to answer with, and what the message must say.
enum ProviderServerCase: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Tracker RMS: HTTP 200 with `status` 1 (unknown user or key).
    case rmsStatus1 = "tracker-rms status 1 (credentials)"
    /// Tracker RMS: HTTP 200 with `status` 2 (inactive user).
    case rmsStatus2 = "tracker-rms status 2 (inactive user)"
    /// Tracker RMS: HTTP 200 with `status` 99 on every request.
    case rmsStatus99 = "tracker-rms status 99 on every request"
    /// Tracker RMS: an HTML maintenance page with HTTP 200.
    case rmsHTML200 = "tracker-rms HTML with HTTP 200"
    /// Tracker RMS: HTTP 500 on every request.
    case rmsServerError = "tracker-rms HTTP 500"
    /// Tracker RMS: a proxy's HTML 502 on every request.
    case rmsBadGateway = "tracker-rms HTML 502"
    /// Tracker RMS: every connection closed halfway through the answer.
    case rmsDropped = "tracker-rms dropped connection"
    /// Tracker RMS: a rate limit of one request a minute (429 with Retry-After).
    case rmsRateLimited = "tracker-rms 429 storm"
    /// Workable: 401 with its error JSON (a wrong token).
    case workable401 = "workable 401 (wrong token)"
    /// Workable: the window's budget used up, 429 with `X-Rate-Limit-*` and a reset minutes away.
    case workable429 = "workable 429 storm"
    /// Workable: HTTP 500 on every request.
    case workableServerError = "workable HTTP 500"
    /// Workable: a proxy's HTML 502 on every request.
    case workableBadGateway = "workable HTML 502"
    /// Workable: HTTP 503 on every request.
    case workableUnavailable = "workable HTTP 503"
    /// Workable: every connection closed halfway through the answer.
    case workableDropped = "workable dropped connection"

    var description: String { rawValue }

    /// The provider whose sandbox answers this way.
    var provider: ProviderMatrix.Provider {
        rawValue.hasPrefix("tracker-rms") ? .trackerRMS : .workable
    }

    /// Whether the case runs `leaf` at this budget: Tracker RMS's client retries status 99 eight
    /// times (about 15 s a command), so at the quick budget three leaves show it (at once).
    func runs(_ leaf: CommandMatrix.Leaf) -> Bool {
        ReliabilityRun.isFull || self != .rmsStatus99
            || ["custom-fields", "stages list", "sync"].contains(leaf.path.joined(separator: " "))
    }

    /// Whether the leaf, given configured stages, may list them with a warning (exit 0) rather than
    /// fail when the account's own list cannot be read.
    static func listsConfiguredStagesWithAWarning(_ leaf: CommandMatrix.Leaf) -> Bool {
        leaf.path == ["stages", "list"]
    }

    /// The cases of `provider` at this budget: the providers' own failure shapes always, the
    /// generic ones (5xx, HTML, dropped) at the full budget.
    static func cases(of provider: ProviderMatrix.Provider) -> [ProviderServerCase] {
        let own: Set<ProviderServerCase> = [.rmsStatus1, .rmsStatus2, .rmsStatus99, .workable401, .workable429]
        return allCases.filter { $0.provider == provider && (ReliabilityRun.isFull || own.contains($0)) }
    }

    /// What the message must say, beside naming the provider.
    func expectation(_ message: String, posts: Bool) -> (Bool, String) {
        let lower = message.lowercased()
        switch self {
        case .rmsStatus1, .rmsStatus2:
            return (
                lower.contains("refused the credentials") && message.contains("--api-key")
                    && message.contains("TRACKER_RMS_API_KEY"),
                "says the credentials were refused and names --api-key and TRACKER_RMS_API_KEY"
            )
        case .workable401:
            return (
                lower.contains("refused the credentials") && message.contains("--api-token")
                    && message.contains("WORKABLE_API_TOKEN"),
                "says the token was refused and names --api-token and WORKABLE_API_TOKEN"
            )
        case .rmsRateLimited, .workable429:
            return (
                lower.contains("rate") || lower.contains("too many") || lower.contains("limit"),
                "says the account's rate limit was reached"
            )
        case .rmsHTML200, .rmsBadGateway, .workableBadGateway:
            return (
                lower.contains("html") || lower.contains("http 502") || (posts && lower.contains("may or may not")),
                "says an HTML page (or a 502) answered"
            )
        case .rmsServerError, .workableServerError, .workableUnavailable, .rmsStatus99, .rmsDropped,
            .workableDropped:
            return (!message.isEmpty, "explains the failure")
        }
    }
}
