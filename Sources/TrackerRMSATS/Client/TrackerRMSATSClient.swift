public import ATSCore
public import Foundation
import Logging
import Synchronization
public import TrackerRMSAPI

/// The `ATSClient` for Tracker RMS: opportunities as jobs, placements as applications, resources as
/// candidates (real records with their own ids), placement statuses as stages, activities as notes.
///
/// It reads and writes through a ``TrackerRMSAPI/TrackerRMSClient`` (the wire library), which owns
/// retries, rate limiting, paging and the account's clock. Naive local date-times are placed in
/// the account's time zone when the wire client's configuration has one; without it they stay
/// unplaced (`updatedAt` is nil) and incremental reads are widened, never narrowed.
///
/// ```swift
/// try await TrackerRMSATSClient.withClient(
///     baseURL: "https://evoapius.tracker-rms.com", credentials: .apiKey(key),
///     accountTimeZone: TimeZone(identifier: "America/Chicago")
/// ) { client in
///     for try await application in client.streamApplications(.init(updatedAfter: lastRun)) {
///         print(application.id, application.stage?.name ?? "")
///     }
/// }
/// ```
public struct TrackerRMSATSClient: ATSClient {
    /// The wire-level client.
    public let rms: TrackerRMSClient
    /// This client's settings.
    public let settings: Settings
    /// The account's statuses, custom fields and users, cached.
    public let metadata: RMSMetadataCache

    private let noticed: NoticedDiagnostics
    /// Where a complete applications read lends its placement index to the candidates streams of the
    /// same sync run; nil outside a sync source (see ``sharingPlacementIndex()``).
    private(set) var placementIndexHub: RMSPlacementIndexHub?

    /// Creates a client over a wire client the caller owns (and shuts down).
    /// - Parameters:
    ///   - rms: The wire client; its configuration's `accountTimeZone` is the account's zone.
    ///   - settings: The rejection status, known stages, placement listing and cache lifetime.
    public init(rms: TrackerRMSClient, settings: Settings = Settings()) {
        self.rms = rms
        self.settings = settings
        self.metadata = RMSMetadataCache(
            rms: rms, knownStages: settings.knownStages, timeToLive: settings.metadataTimeToLive)
        self.noticed = NoticedDiagnostics()
        self.placementIndexHub = nil
    }

    /// This client, with its streams sharing one placement read: a candidates stream that starts while
    /// a complete applications stream of this copy is reading takes the placement index from it
    /// instead of reading every placement again. Only for streams read in separate tasks (a sync
    /// engine's): a task that waits for its own unfinished applications stream would wait forever.
    func sharingPlacementIndex() -> TrackerRMSATSClient {
        var copy = self
        copy.placementIndexHub = RMSPlacementIndexHub()
        return copy
    }

    /// Creates a client and the wire client under it; call ``shutdown()`` when done, or use
    /// ``withClient(baseURL:credentials:accountTimeZone:restToken:settings:configure:_:)``.
    /// - Parameters:
    ///   - configuration: The wire client's configuration (base URL, credentials, zone …).
    ///   - settings: This client's settings.
    /// - Throws: ``ATSCore/ATSError`` with ``ATSCore/ATSError/Code/invalidInput`` for a configuration
    ///   that cannot work (the message names what, never a secret).
    public init(configuration: TrackerRMSClient.Configuration, settings: Settings = Settings()) throws {
        do {
            self.init(rms: try TrackerRMSClient(configuration: configuration), settings: settings)
        } catch let error as TrackerRMSError {
            throw ATSError(
                code: .invalidInput, operation: "configuration", provider: .trackerRMS,
                message: "The Tracker RMS connection settings cannot work: \(error.detail ?? error.description).",
                suggestion: "Give the widget API root (https://evoapius.tracker-rms.com in the US, "
                    + "https://evoapica.tracker-rms.com in Canada, https://evoapi.tracker-rms.com elsewhere) and "
                    + "an API key, or a username and a password.")
        }
    }

    /// Runs `body` with a new client over a new wire client, and shuts the wire client down
    /// afterwards, also when `body` throws.
    /// - Parameters:
    ///   - baseURL: The widget API root (a sandbox's `baseURL` works too).
    ///   - credentials: An API key (`.apiKey`), or a username and a password (`.usernamePassword`).
    ///   - accountTimeZone: The account's IANA zone, in which Tracker RMS writes its naive times.
    ///   - restToken: The REST API token for document listing and download, if the account has one.
    ///   - settings: This client's settings.
    ///   - configure: Further changes to the wire configuration (page size, retries, rate limit …).
    ///   - body: The work.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or ``ATSCore/ATSError`` for a configuration that cannot work.
    public static func withClient<Result: Sendable>(
        baseURL: String,
        credentials: TrackerRMSCredentials,
        accountTimeZone: TimeZone?,
        restToken: String? = nil,
        settings: Settings = Settings(),
        configure: (inout TrackerRMSClient.Configuration) -> Void = { _ in },
        _ body: (TrackerRMSATSClient) async throws -> Result
    ) async throws -> Result {
        var configuration = TrackerRMSClient.Configuration(
            baseURL: baseURL, credentials: credentials, restToken: restToken, accountTimeZone: accountTimeZone,
            logger: settings.logger)
        configure(&configuration)
        let client = try TrackerRMSATSClient(configuration: configuration, settings: settings)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
        return result
    }

    /// Closes the wire client's connections (only needed for a client made with
    /// ``init(configuration:settings:)``; a wire client passed in is the caller's to close).
    /// - Throws: When the connections cannot be closed cleanly.
    public func shutdown() async throws {
        try await rms.shutdown()
    }

    /// What Tracker RMS supports with these settings and credentials, and why not where it cannot.
    public var capabilities: ATSCapabilities {
        .trackerRMS(placementListing: settings.placementListing, hasRESTToken: rms.configuration.restToken != nil)
    }

    /// What this client has noticed the server doing differently from its documentation.
    public var diagnostics: Set<ATSDiagnostic> {
        var found = noticed.values
        let observations = rms.serverObservations.map(\.kind)
        if observations.contains(.timeFilterIgnored) { found.insert(.updatedAfterIgnored) }
        return found
    }

    /// The account's time zone, from the wire configuration; nil when unknown.
    public var accountTimeZone: TimeZone? { rms.accountTime.timeZone }

    var logger: Logger { settings.logger }

    /// Records a diagnostic, logging it the first time only.
    func notice(_ diagnostic: ATSDiagnostic, detail: String) {
        guard noticed.insert(diagnostic) else { return }
        logger.info(
            "Tracker RMS: compensating on the client",
            metadata: ["ats.diagnostic": "\(diagnostic)", "ats.detail": "\(detail)"])
    }
}

extension ATSDiagnostic {
    /// The account's time zone is unknown: Tracker RMS's naive local times could not be placed on
    /// the timeline, so records carry no `updatedAt` and incremental reads were widened by the
    /// widest offsets in use (12 hours back, 14 forward). Give the zone to place them.
    public static let naiveTimesUnplaced = ATSDiagnostic(rawValue: "naive_times_unplaced")
    /// The placements list hid placements that the jobs' `Placements` lists name (a live account
    /// lists only Working, Offer and Complete placements); the client read them one by one.
    public static let placementsHiddenFromList = ATSDiagnostic(rawValue: "placements_hidden_from_list")
}

/// The diagnostics a client noticed, shared by its copies.
final class NoticedDiagnostics: Sendable {
    private let storage = Mutex<Set<ATSDiagnostic>>([])

    var values: Set<ATSDiagnostic> { storage.withLock { $0 } }

    /// Inserts; true when it is new.
    func insert(_ diagnostic: ATSDiagnostic) -> Bool {
        storage.withLock { $0.insert(diagnostic).inserted }
    }
}
