import Foundation

/// How the sandbox numbers its pages (`pagenum`).
public enum RMSSandboxPageBase: String, Sendable, Hashable, CaseIterable {
    /// The first page is 0 (what every vendor sample sends).
    case zero
    /// The first page is 1, and page 0 is read as page 1.
    case oneReadingZeroAsOne = "one"
    /// The first page is 1, and page 0 answers an empty result.
    case oneWithZeroEmpty = "one-zero-empty"
    /// The first page is 1, and page 0 answers status 99.
    case oneWithZeroRefused = "one-zero-99"
}

/// What `count` in a `getRecords` reply means.
public enum RMSSandboxCountMeaning: String, Sendable, Hashable, CaseIterable {
    /// The number of results in this reply (the vendor sample's reading).
    case page
    /// The total number of matches.
    case total
}

/// Where `getSettings` puts its lists, and whether the operation exists.
public enum RMSSandboxSettingsShape: String, Sendable, Hashable, CaseIterable {
    /// The lists at the top level, PascalCase item keys (the contract's model).
    case topLevel = "top-level"
    /// The lists inside `results[0]`, lower-case item keys, string ids.
    case nestedLowercase = "nested-lowercase"
    /// `getSettings` is unknown (HTTP 404); `getSettingsData` answers.
    case onlySettingsData = "only-settings-data"
}

/// A way the sandbox fails a request on purpose.
public enum RMSSandboxFault: String, Sendable, Hashable, CaseIterable {
    /// HTTP 500 with an ASP.NET-style `{"Message": "An error has occurred."}`. No effect.
    case serverError = "server-error"
    /// HTTP 502 with an HTML page, as a proxy sends it. No effect.
    case badGatewayHTML = "bad-gateway-html"
    /// HTTP 200 with an HTML maintenance page. No effect.
    case htmlSuccess = "html-200"
    /// The request takes effect, then the connection closes halfway through the answer.
    case droppedConnection = "dropped-connection"
    /// HTTP 200 with `{"status": 99, "message": "..."}`: the widget API's transient failure. No effect.
    case status99 = "status-99"
}

/// The live knobs: all can be changed while the sandbox runs (``RMSSandboxControl/setBehavior(_:)``).
public struct RMSSandboxBehavior: Sendable, Hashable {
    /// `pagenum` numbering.
    public var pageBase: RMSSandboxPageBase
    /// The largest `numrecords` served; more is served as this many, without error.
    public var pageSizeCap: Int
    /// What `count` means.
    public var countMeaning: RMSSandboxCountMeaning
    /// Whether `getRecords X` lists only placements in the Working, Offer and Complete groups (what
    /// the vendor's lesson says a live account does). Reads by `recordid` are never filtered.
    public var placementsListOnlyWorkingStates: Bool
    /// The settings' shape.
    public var settingsShape: RMSSandboxSettingsShape
    /// Requests per second per credential before HTTP 429 (with `Retry-After`); `nil` for no limit.
    public var rateLimit: Double?
    /// Added to every answer.
    public var latency: Duration
    /// The share of requests (0...1) failed with one of ``faultKinds``, drawn deterministically.
    public var faultRate: Double
    /// The faults drawn from.
    public var faultKinds: [RMSSandboxFault]
    /// Background mutations per hour of sandbox clock time (placements moving stage, resources
    /// edited, notes written), applied lazily as the injected clock advances.
    public var mutationsPerHour: Double
    /// Whether creates answer without `recordId` (the contract's alternative).
    public var omitRecordIDOnCreate: Bool

    /// Creates the knobs.
    /// - Parameters:
    ///   - pageBase: `pagenum` numbering.
    ///   - pageSizeCap: The largest page.
    ///   - countMeaning: What `count` means.
    ///   - placementsListOnlyWorkingStates: Whether placement lists hide early stages.
    ///   - settingsShape: The settings' shape.
    ///   - rateLimit: Requests per second, if limited.
    ///   - latency: Added latency.
    ///   - faultRate: The fault share.
    ///   - faultKinds: The faults.
    ///   - mutationsPerHour: Background mutations.
    ///   - omitRecordIDOnCreate: Whether creates omit `recordId`.
    public init(
        pageBase: RMSSandboxPageBase = .zero, pageSizeCap: Int = 500, countMeaning: RMSSandboxCountMeaning = .page,
        placementsListOnlyWorkingStates: Bool = false, settingsShape: RMSSandboxSettingsShape = .topLevel,
        rateLimit: Double? = nil, latency: Duration = .zero, faultRate: Double = 0,
        faultKinds: [RMSSandboxFault] = RMSSandboxFault.allCases, mutationsPerHour: Double = 0,
        omitRecordIDOnCreate: Bool = false
    ) {
        self.pageBase = pageBase
        self.pageSizeCap = pageSizeCap
        self.countMeaning = countMeaning
        self.placementsListOnlyWorkingStates = placementsListOnlyWorkingStates
        self.settingsShape = settingsShape
        self.rateLimit = rateLimit
        self.latency = latency
        self.faultRate = faultRate
        self.faultKinds = faultKinds
        self.mutationsPerHour = mutationsPerHour
        self.omitRecordIDOnCreate = omitRecordIDOnCreate
    }
}

/// Where the sandbox listens, what data it seeds and how it behaves at start.
public struct RMSSandboxConfiguration: Sendable, CustomStringConvertible {
    /// The host to listen on.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The seed of the generated data.
    public var seed: UInt64
    /// Opportunities (jobs) to seed.
    public var opportunityCount: Int
    /// Resources (candidates) to seed.
    public var resourceCount: Int
    /// Placements (applications) to seed.
    public var placementCount: Int
    /// Activities (notes, calls) to seed.
    public var activityCount: Int
    /// The account's API key (acts as the administrator).
    public var apiKey: String
    /// The active recruiter's e-mail address (a username).
    public var username: String
    /// The active recruiter's password.
    public var password: String
    /// A valid OAuth2 access token.
    public var oauthToken: String
    /// A valid REST API token (exchanged for a JWT at `/api/Auth/ExchangeToken`).
    public var restToken: String
    /// The account's IANA time zone: naive date-times are written and read in it.
    public var timeZoneIdentifier: String
    /// The clock.
    public var clock: any RMSSandboxClock
    /// The initial knobs.
    public var behavior: RMSSandboxBehavior
    /// The most request-log entries kept.
    public var requestLogLimit: Int
    /// The largest request body read.
    public var maximumRequestBodyBytes: Int

    /// The inactive user's e-mail address (its password is ``password``): authentication answers
    /// status 2.
    public static let inactiveUsername = "former.recruiter@harbourstaffing.example"

    /// Creates a configuration.
    /// - Parameters:
    ///   - host: The host.
    ///   - port: The port.
    ///   - seed: The data seed.
    ///   - opportunityCount: Opportunities.
    ///   - resourceCount: Resources.
    ///   - placementCount: Placements.
    ///   - activityCount: Activities.
    ///   - timeZoneIdentifier: The account's zone.
    ///   - clock: The clock.
    ///   - behavior: The initial knobs.
    public init(
        host: String = "127.0.0.1", port: Int = 0, seed: UInt64 = 17, opportunityCount: Int = 40,
        resourceCount: Int = 250, placementCount: Int = 400, activityCount: Int = 300,
        timeZoneIdentifier: String = "America/Chicago", clock: any RMSSandboxClock = RMSSystemSandboxClock(),
        behavior: RMSSandboxBehavior = RMSSandboxBehavior()
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.opportunityCount = opportunityCount
        self.resourceCount = resourceCount
        self.placementCount = placementCount
        self.activityCount = activityCount
        self.apiKey = "rms-sandbox-api-key-7f3c9a"
        self.username = "dana.recruiter@harbourstaffing.example"
        self.password = "sandbox-password-4412"
        self.oauthToken = "5b0e1c2a-8d7f-4e61-9b3a-2f6c0d9e7a11"
        self.restToken = "rms-sandbox-rest-token-91b2"
        self.timeZoneIdentifier = timeZoneIdentifier
        self.clock = clock
        self.behavior = behavior
        self.requestLogLimit = 10_000
        self.maximumRequestBodyBytes = 20 * 1024 * 1024
    }

    /// Where it listens, the data's size, the zone and the knobs; never a credential.
    public var description: String {
        "RMSSandboxConfiguration(host: \(host), port: \(port), seed: \(seed), opportunities: \(opportunityCount), "
            + "resources: \(resourceCount), placements: \(placementCount), activities: \(activityCount), "
            + "timeZone: \(timeZoneIdentifier), behavior: \(behavior), credentials: (redacted))"
    }

    func validate() throws(RMSSandboxConfigurationError) {
        guard TimeZone(identifier: timeZoneIdentifier) != nil else {
            throw RMSSandboxConfigurationError(
                reason: "unknown time zone \"\(timeZoneIdentifier)\"; use an IANA name such as America/Chicago")
        }
        guard opportunityCount >= 1, resourceCount >= 1, placementCount >= 0, activityCount >= 0 else {
            throw RMSSandboxConfigurationError(reason: "at least one opportunity and one resource are needed")
        }
        guard behavior.pageSizeCap >= 1 else {
            throw RMSSandboxConfigurationError(reason: "the page size cap must be at least 1")
        }
        guard (0...1).contains(behavior.faultRate) else {
            throw RMSSandboxConfigurationError(reason: "the fault rate must be between 0 and 1")
        }
    }
}

/// The sandbox configuration cannot work.
public struct RMSSandboxConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what to do.
    public var reason: String
    /// What is wrong and what to do.
    public var description: String { reason }
}
