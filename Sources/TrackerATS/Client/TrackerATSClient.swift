public import ATSCore
public import Foundation
import Logging
import Synchronization
public import TrackerAPI

/// The `ATSClient` for Tracker: ATSKit's neutral models, derived candidates, a metadata cache
/// and incremental streams that never lose a change to Tracker's local-time timestamps.
///
/// It reads through a `TrackerAPI` the caller owns (and shuts down), or use
/// ``withTrackerATSClient(api:configuration:_:)`` to have one made and closed for you.
///
/// ```swift
/// try await TrackerATSClient.withTrackerATSClient(api: apiConfiguration) { client in
///     for try await application in client.streamApplications(.init(updatedAfter: lastRun)) {
///         print(application.id, application.stage?.name ?? "")
///     }
/// }
/// ```
public final class TrackerATSClient: ATSClient {
    /// The wire-level client.
    public let api: TrackerAPI
    /// This client's settings.
    public let configuration: Configuration
    /// Categories, statuses, workflow and schemas, cached.
    public let metadata: TrackerMetadataCache
    /// How candidate ids are derived.
    public let identity: CandidateIdentity

    /// The clock writes wait with (action polling, confirmation); injected so tests never sleep.
    let waitClock: WaitClock
    private let recordedDiagnostics = Mutex<Set<ATSDiagnostic>>([])

    /// Creates a client over a Tracker API client.
    /// - Parameters:
    ///   - api: The wire-level client; the caller shuts it down.
    ///   - configuration: This client's settings.
    ///   - clock: The clock the metadata cache measures its time to live with, and writes wait with.
    public init<C: Clock>(api: TrackerAPI, configuration: Configuration = Configuration(), clock: C)
    where C.Duration == Duration {
        self.api = api
        self.configuration = configuration
        self.waitClock = WaitClock(clock)
        self.metadata = TrackerMetadataCache(
            api: api,
            knownStatuses: configuration.knownStatuses,
            timeToLive: configuration.metadataTimeToLive,
            missRefreshInterval: configuration.metadataMissRefreshInterval,
            clock: clock,
            logger: configuration.logger
        )
        if let secret = configuration.candidateIDSecret {
            self.identity = CandidateIdentity(secret: secret)
        } else {
            self.identity = CandidateIdentity(
                apiKey: api.configuration.apiKey,
                companyID: api.configuration.companyID?.rawValue
            )
        }
    }

    /// Creates a client over a Tracker API client, with the continuous clock.
    /// - Parameters:
    ///   - api: The wire-level client; the caller shuts it down.
    ///   - configuration: This client's settings.
    public convenience init(api: TrackerAPI, configuration: Configuration = Configuration()) {
        self.init(api: api, configuration: configuration, clock: ContinuousClock())
    }

    /// Runs `body` with a new client over a new `TrackerAPI`, and shuts the API client down
    /// afterwards, also when `body` throws.
    /// - Parameters:
    ///   - api: The wire-level configuration.
    ///   - configuration: This client's settings.
    ///   - body: The work to do.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or `ATSError` with `ATSError.Code.invalidInput` for a
    ///   configuration that cannot work.
    public static func withTrackerATSClient<Result: Sendable>(
        api: TrackerAPI.Configuration,
        configuration: Configuration = Configuration(),
        _ body: (TrackerATSClient) async throws -> Result
    ) async throws -> Result {
        let wire: TrackerAPI
        do {
            wire = try TrackerAPI(configuration: api)
        } catch {
            throw ATSError(
                code: .invalidInput, operation: "configuration", provider: .tracker,
                message: "The Tracker connection settings cannot work: \(error).",
                suggestion: "Check the base URL (https://…/api/v1, or http:// for a local sandbox) and the API key."
            )
        }
        let client = TrackerATSClient(api: wire, configuration: configuration)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await wire.shutdown()
            throw error
        }
        try? await wire.shutdown()
        return result
    }

    /// What Tracker supports, and why not where it cannot.
    public var capabilities: ATSCapabilities { .tracker }

    /// What this client has noticed the server doing differently from its documentation.
    public var diagnostics: Set<ATSDiagnostic> { recordedDiagnostics.withLock { $0 } }

    /// The account's time zone, from the API configuration.
    public var accountTimeZone: TimeZone? { api.configuration.accountTimeZone }

    var logger: Logger { configuration.logger }

    /// Records a diagnostic and logs it the first time only.
    func record(_ diagnostic: ATSDiagnostic, operation: ATSOperation, detail: String) {
        let isNew = recordedDiagnostics.withLock { $0.insert(diagnostic).inserted }
        guard isNew else { return }
        logger.info(
            "Tracker server deviates from its documentation; compensating on the client",
            metadata: [
                "ats.diagnostic": "\(diagnostic)", "ats.operation": "\(operation)", "ats.detail": "\(detail)",
            ]
        )
    }

    // MARK: Operations Tracker cannot perform

    /// Always throws: Tracker's API has no endpoint that lists rejection reasons.
    /// - Returns: Never.
    /// - Throws: `ATSError` with code `ATSError.Code.notSupported`.
    public func dispositionReasons() async throws -> [RejectionReason] {
        throw unsupported(.dispositionReasons)
    }

    /// Always throws: Tracker's API has no endpoint that lists applicant statuses. The statuses
    /// configured or seen so far are in ``TrackerMetadataCache/applicationStatuses()``.
    /// - Returns: Never.
    /// - Throws: `ATSError` with code `ATSError.Code.notSupported`.
    public func allApplicationStages() async throws -> [Stage] {
        throw unsupported(.allApplicationStages)
    }

    private func unsupported(_ operation: ATSOperation) -> ATSError {
        capabilities.unsupportedError(for: operation)
            ?? .notSupported(operation, provider: .tracker, reason: "Tracker's API has no endpoint for it.")
    }
}
