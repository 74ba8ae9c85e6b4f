public import ATSCore
import Foundation
import Logging
import Synchronization
public import WorkableAPI

/// The `ATSClient` for Workable: ATSKit's neutral models over Workable's SPI v3, through a
/// `WorkableAPI` that paces every request to the account's limit (10 per 10 s for account tokens).
///
/// An application is one Workable candidate record (one person in one job); a candidate is every
/// record with the same normalised e-mail address. Stages and rejection reasons are enumerable;
/// writes that Workable records against a member name the configured one, or the first active
/// admin (``Settings/memberID``).
///
/// ```swift
/// let api = try WorkableAPI(configuration: .account(subdomain: "acme", token: token))
/// let client = WorkableATSClient(api: api, settings: .init(memberID: "3c5a1f"))
/// for try await application in client.streamApplications(.init(updatedAfter: lastRun)) {
///     print(application.id, application.stage?.name ?? "")
/// }
/// try await api.shutdown()
/// ```
public final class WorkableATSClient: ATSClient {
    /// The wire-level client; whoever made it shuts it down.
    public let api: WorkableAPI
    /// This client's settings.
    public let settings: Settings
    /// How candidate ids are derived.
    public let identity: WorkableCandidateIdentity

    let directory: WorkableDirectory
    private let recordedDiagnostics = Mutex<Set<ATSDiagnostic>>([])

    /// Creates a client over a Workable API client.
    /// - Parameters:
    ///   - api: The wire-level client; the caller shuts it down.
    ///   - settings: The member, the candidate-id secret, the logger.
    public init(api: WorkableAPI, settings: Settings = Settings()) {
        self.api = api
        self.settings = settings
        if let secret = settings.candidateIDSecret {
            identity = WorkableCandidateIdentity(secret: secret)
        } else {
            identity = WorkableCandidateIdentity(token: api.configuration.token, baseURL: api.configuration.baseURL)
        }
        directory = WorkableDirectory(api: api, configuredMember: settings.memberID, logger: settings.logger)
    }

    /// Runs `body` with a new client over a new `WorkableAPI`, and shuts the API client down
    /// afterwards, also when `body` throws.
    /// - Parameters:
    ///   - baseURL: The SPI v3 root (`https://{subdomain}.workable.com/spi/v3`, or a sandbox's).
    ///   - token: The API token (never logged).
    ///   - settings: This client's settings.
    ///   - body: The work to do.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or `ATSError` with `invalidInput` for a configuration that cannot work.
    public static func withWorkableATSClient<Result: Sendable>(
        baseURL: String, token: String, settings: Settings = Settings(),
        _ body: (WorkableATSClient) async throws -> Result
    ) async throws -> Result {
        var configuration = WorkableAPI.Configuration(baseURL: baseURL, token: token)
        configuration.logger = settings.logger
        return try await withWorkableATSClient(configuration: configuration, settings: settings, body)
    }

    /// Runs `body` with a new client for an account's subdomain
    /// (`https://{subdomain}.workable.com/spi/v3`), and shuts the API client down afterwards.
    /// - Parameters:
    ///   - subdomain: The account's subdomain.
    ///   - token: The API token (never logged).
    ///   - settings: This client's settings.
    ///   - body: The work to do.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or `ATSError` with `invalidInput` for a configuration that cannot work.
    public static func withWorkableATSClient<Result: Sendable>(
        subdomain: String, token: String, settings: Settings = Settings(),
        _ body: (WorkableATSClient) async throws -> Result
    ) async throws -> Result {
        try await withWorkableATSClient(
            baseURL: "https://\(subdomain).workable.com/spi/v3", token: token, settings: settings, body)
    }

    /// Runs `body` with a new client over a `WorkableAPI` made from `configuration`, and shuts it
    /// down afterwards, also when `body` throws.
    /// - Parameters:
    ///   - configuration: The wire-level configuration.
    ///   - settings: This client's settings.
    ///   - body: The work to do.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or `ATSError` with `invalidInput` for a configuration that cannot work.
    public static func withWorkableATSClient<Result: Sendable>(
        configuration: WorkableAPI.Configuration, settings: Settings = Settings(),
        _ body: (WorkableATSClient) async throws -> Result
    ) async throws -> Result {
        let api: WorkableAPI
        do {
            api = try WorkableAPI(configuration: configuration)
        } catch {
            throw ATSError(
                code: .invalidInput, operation: "configuration", provider: .workable,
                message: "The Workable connection settings cannot work: \(error).",
                suggestion: "Check the base URL (https://SUBDOMAIN.workable.com/spi/v3, or http:// for a local "
                    + "sandbox) and the API token.")
        }
        let client = WorkableATSClient(api: api, settings: settings)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await api.shutdown()
            throw error
        }
        try? await api.shutdown()
        return result
    }

    /// What Workable supports, and why not where it cannot.
    public var capabilities: ATSCapabilities { .workable }

    /// What this client has noticed the server doing differently from its documentation.
    public var diagnostics: Set<ATSDiagnostic> {
        var found = recordedDiagnostics.withLock { $0 }
        if api.serverObservations.contains(where: { $0.kind == .timeFilterIgnored }) {
            found.insert(.updatedAfterIgnored)
        }
        return found
    }

    var logger: Logger { settings.logger }

    /// Records a diagnostic and logs it the first time only.
    func record(_ diagnostic: ATSDiagnostic, operation: ATSOperation, detail: String) {
        guard recordedDiagnostics.withLock({ $0.insert(diagnostic).inserted }) else { return }
        logger.info(
            "Workable server deviates from its documentation; compensating on the client",
            metadata: [
                "ats.diagnostic": "\(diagnostic)", "ats.operation": "\(operation)", "ats.detail": "\(detail)",
            ])
    }

    /// The account's active members (`GET /members`), to choose one for ``Settings/memberID``.
    /// - Returns: The members in Workable's order, with their roles.
    /// - Throws: `ATSError`.
    public func members() async throws -> [WorkableMember] {
        try await WorkableErrors.translating(ATSOperation(rawValue: "members"), subject: "the account's members") {
            try await api.account.members(logger: logger).collect()
        }
    }

    /// The member writes are recorded against: the configured one, or the contract's default (the
    /// first active admin), read once and remembered. Show it to the user.
    /// - Returns: The member's id and, when it was looked up, its name.
    /// - Throws: `ATSError` with `invalidInput` when none is configured and the account has no active admin.
    public func writeMember() async throws -> WorkableWriteMember {
        try await directory.member(operation: "writeMember")
    }
}

extension ATSDiagnostic {
    /// Workable answered 404 for a job's pipeline (`/jobs/{shortcode}/stages`): stages are resolved
    /// and moves checked against the account's stages instead.
    public static let jobPipelineMissing = ATSDiagnostic(rawValue: "workable_job_pipeline_missing")
}

/// The member a write is recorded against, and where it came from.
public struct WorkableWriteMember: Sendable, Hashable {
    /// The member's id.
    public var id: WorkableMemberID
    /// The member's name, when it was looked up.
    public var name: String?
    /// Whether it was configured (`--member-id`, `WORKABLE_MEMBER_ID`) rather than the contract's default.
    public var isConfigured: Bool

    /// Creates a description of the member.
    /// - Parameters:
    ///   - id: The id.
    ///   - name: The name.
    ///   - isConfigured: Whether it was configured.
    public init(id: WorkableMemberID, name: String?, isConfigured: Bool) {
        self.id = id
        self.name = name
        self.isConfigured = isConfigured
    }

    /// For a person: "member 3c5a1f (configured)" or "member 3c5a1f, Ada Admin (the first active admin)".
    public var summary: String {
        "member \(id.rawValue)" + (name.map { ", \($0)" } ?? "")
            + (isConfigured
                ? " (configured)" : " (the first active admin: set --member-id or WORKABLE_MEMBER_ID to choose)")
    }
}
