public import ATSCore
import Foundation
public import Logging
public import TrackerAPI

/// Caches what a Tracker account is configured with: job categories, application statuses, the
/// workflow configuration and the custom-field schemas.
///
/// Tracker cannot list its statuses, so they are learned: the configured ones, every one seen in
/// data (``observe(statuses:)``), and, on demand, those of the account's applications
/// (``learnedApplicationStatuses()``, which reads the application list once per time to live).
///
/// Each part is loaded on first use and kept for ``timeToLive`` (measured with the injected clock,
/// so tests advance time instead of sleeping). Concurrent callers share one load. A custom-field
/// key missing from the cached schema triggers one reload (at most once per
/// ``missRefreshInterval``), so fields added in Tracker's UI are typed without waiting for the
/// time to live. Writes call ``invalidate(_:)`` so the next read sees their effect.
public actor TrackerMetadataCache {
    /// A part of the metadata that is loaded and expires on its own.
    public enum Part: String, Sendable, CaseIterable {
        /// The categories of the account's jobs (read from the job list).
        case jobCategories
        /// The action catalogue, event types and triggers.
        case workflow
        /// The application and job custom-field schemas.
        case customFieldSchemas
        /// The statuses of the account's applications (read from the application list).
        case applicationStatuses
    }

    private enum Payload: Sendable {
        case jobCategories([String])
        case applicationStatuses([String])
        case workflow(TrackerWorkflowConfiguration)
        case customFieldSchemas(TrackerCustomFieldSchemas)
    }

    private struct Slot {
        var task: Task<Payload, any Error>
        var loadedAt: Duration?
    }

    /// How long a loaded part is used before it is loaded again.
    public nonisolated let timeToLive: Duration
    /// The shortest time between two schema reloads caused by unknown custom-field keys.
    public nonisolated let missRefreshInterval: Duration
    /// The most applications read to learn the account's statuses (the most recently updated first
    /// when Tracker honours `updated_after`; see ``learnedApplicationStatuses()``).
    public nonisolated let statusScanLimit: Int

    private let api: TrackerAPI
    private let logger: Logger
    private let now: @Sendable () -> Duration
    private var slots: [Part: Slot] = [:]
    private var loadCounts: [Part: Int] = [:]
    private var knownStatuses: [String]
    private var statusSet: Set<String>
    private var observedCategories: Set<String> = []

    /// Creates a cache.
    /// - Parameters:
    ///   - api: The Tracker client to load with.
    ///   - knownStatuses: The account's configured status names, listed first and in this order.
    ///   - timeToLive: How long a loaded part is used.
    ///   - missRefreshInterval: The shortest time between schema reloads caused by unknown keys.
    ///   - statusScanLimit: The most applications read to learn statuses (default 20,000).
    ///   - clock: The clock that measures age.
    ///   - logger: Where loads are logged at debug level.
    public init<C: Clock>(
        api: TrackerAPI,
        knownStatuses: [String] = [],
        timeToLive: Duration = .seconds(15 * 60),
        missRefreshInterval: Duration = .seconds(60),
        statusScanLimit: Int = 20_000,
        clock: C = ContinuousClock(),
        logger: Logger = TrackerAPI.loggingDisabled
    ) where C.Duration == Duration {
        self.api = api
        self.timeToLive = timeToLive
        self.missRefreshInterval = missRefreshInterval
        self.statusScanLimit = max(1, statusScanLimit)
        self.logger = logger
        let origin = clock.now
        self.now = { origin.duration(to: clock.now) }
        var seen: Set<String> = []
        self.knownStatuses = knownStatuses.filter { seen.insert($0).inserted }
        self.statusSet = seen
    }

    // MARK: Reading

    /// The categories of the account's jobs, sorted, including any seen on jobs read since.
    /// - Returns: The categories.
    /// - Throws: `TrackerAPIError` when the job list cannot be read.
    public func jobCategories() async throws -> [String] {
        guard case .jobCategories(let loaded) = try await payload(.jobCategories) else { return [] }
        return Set(loaded).union(observedCategories).sorted()
    }

    /// The configured statuses in their order, then every other status seen, in the order first seen.
    /// Never loads anything: Tracker has no endpoint that lists statuses.
    /// - Returns: The status names.
    public func applicationStatuses() -> [String] { knownStatuses }

    /// ``applicationStatuses()`` after learning the statuses the account's applications are in.
    ///
    /// Reads the application list (1,000 per request) up to ``statusScanLimit`` applications, the
    /// ones updated in the last year first, then the list from its start when that found fewer than
    /// the limit; the result is kept for ``timeToLive`` like every other part. A status no
    /// application is in cannot be learned: configure it (``TrackerATSClient/Configuration/knownStatuses``).
    /// - Returns: The configured statuses in their order, then every other status seen or learned.
    /// - Throws: `TrackerAPIError` when the application list cannot be read.
    public func learnedApplicationStatuses() async throws -> [String] {
        if case .applicationStatuses(let learned) = try await payload(.applicationStatuses) {
            observe(statuses: learned)
        }
        return knownStatuses
    }

    /// The statuses the account's applications are in, as ``learnedApplicationStatuses()`` reads them
    /// (once per time to live), without the configured or otherwise observed ones: for saying where
    /// each status came from.
    /// - Returns: The statuses, in the order first seen.
    /// - Throws: `TrackerAPIError` when the application list cannot be read.
    public func statusesOfApplications() async throws -> [String] {
        guard case .applicationStatuses(let learned) = try await payload(.applicationStatuses) else { return [] }
        observe(statuses: learned)
        return learned
    }

    /// Whether the account's applications have been read for their statuses within the time to live.
    public var hasLearnedApplicationStatuses: Bool {
        guard let loadedAt = slots[.applicationStatuses]?.loadedAt else { return false }
        return now() - loadedAt < timeToLive
    }

    /// The action catalogue, event types and triggers.
    /// - Returns: The workflow configuration.
    /// - Throws: `TrackerAPIError` when one of them cannot be read.
    public func workflow() async throws -> TrackerWorkflowConfiguration {
        guard case .workflow(let workflow) = try await payload(.workflow) else {
            return TrackerWorkflowConfiguration(actions: [], events: [], triggers: [])
        }
        return workflow
    }

    /// The application and job custom-field schemas.
    /// - Returns: The schemas.
    /// - Throws: `TrackerAPIError` when a schema cannot be read.
    public func customFieldSchemas() async throws -> TrackerCustomFieldSchemas {
        guard case .customFieldSchemas(let schemas) = try await payload(.customFieldSchemas) else {
            return TrackerCustomFieldSchemas(
                applications: TrackerFieldSchema(owner: .application, entries: []),
                jobs: TrackerFieldSchema(owner: .job, entries: [])
            )
        }
        return schemas
    }

    /// The schemas, reloaded first when one of `keys` is missing from the cached schema of `owner`
    /// and the last load is at least ``missRefreshInterval`` old.
    /// - Parameters:
    ///   - keys: Custom-field keys seen on a record.
    ///   - owner: The kind of record.
    /// - Returns: The schemas (still missing the keys when Tracker's schema does not list them).
    /// - Throws: `TrackerAPIError` when a schema cannot be read.
    public func customFieldSchemas<Keys: Sequence<String>>(covering keys: Keys, for owner: CustomFieldOwner)
        async throws -> TrackerCustomFieldSchemas
    {
        let schemas = try await customFieldSchemas()
        guard !schemas.schema(for: owner).covers(keys) else { return schemas }
        guard let loadedAt = slots[.customFieldSchemas]?.loadedAt, now() - loadedAt >= missRefreshInterval else {
            return schemas
        }
        logger.debug("Unknown custom field; reloading the schemas", metadata: ["ats.owner": "\(owner)"])
        invalidate(.customFieldSchemas)
        return try await customFieldSchemas()
    }

    /// Everything at once.
    /// - Returns: The metadata.
    /// - Throws: `TrackerAPIError` when a part cannot be read.
    public func snapshot() async throws -> TrackerMetadata {
        let categories = try await jobCategories()
        let workflow = try await workflow()
        let schemas = try await customFieldSchemas()
        return TrackerMetadata(
            jobCategories: categories,
            applicationStatuses: applicationStatuses(),
            workflow: workflow,
            customFieldSchemas: schemas
        )
    }

    /// How many times a part has been loaded from Tracker (for diagnostics and tests).
    /// - Parameter part: The part.
    /// - Returns: The number of loads started.
    public func loadCount(of part: Part) -> Int { loadCounts[part, default: 0] }

    // MARK: Observing and invalidating

    /// Adds statuses seen in data to ``applicationStatuses()``.
    /// - Parameter statuses: Status names, in the order seen.
    public func observe<Statuses: Sequence<String>>(statuses: Statuses) {
        for status in statuses where statusSet.insert(status).inserted {
            knownStatuses.append(status)
        }
    }

    /// Adds categories seen on jobs to ``jobCategories()``.
    /// - Parameter categories: Category names.
    public func observe<Categories: Sequence<String>>(categories: Categories) {
        observedCategories.formUnion(categories)
    }

    /// Forgets a part, so the next read loads it again.
    /// - Parameter part: The part.
    public func invalidate(_ part: Part) {
        slots[part] = nil
    }

    /// Forgets every part (statuses seen in data are kept: they stay true).
    public func invalidateAll() {
        slots.removeAll()
    }

    // MARK: Loading

    private func payload(_ part: Part) async throws -> Payload {
        if let slot = slots[part] {
            guard let loadedAt = slot.loadedAt else { return try await slot.task.value }
            if now() - loadedAt < timeToLive { return try await slot.task.value }
        }
        // An unstructured task, so that every caller waiting for this load shares it and one
        // caller's cancellation does not fail the others; it is always awaited below.
        let task = Task { [api, logger, statusScanLimit] in
            try await Self.load(part, api: api, statusScanLimit: statusScanLimit, logger: logger)
        }
        slots[part] = Slot(task: task, loadedAt: nil)
        loadCounts[part, default: 0] += 1
        do {
            let value = try await task.value
            if slots[part]?.task == task { slots[part]?.loadedAt = now() }
            return value
        } catch {
            if slots[part]?.task == task { slots[part] = nil }
            throw error
        }
    }

    /// What `read` returns, or `fallback` when its endpoint is missing on this server (a 404 for
    /// the endpoint itself; `TrackerAPI.missingEndpoints` keeps it, so callers can warn once).
    private static func optional<Value: Sendable>(
        _ fallback: Value, api: TrackerAPI, _ read: () async throws -> Value
    ) async throws -> Value {
        do {
            return try await read()
        } catch let error as TrackerAPIError where error.code == .endpointNotFound && api.baseURLIsAPIRoot {
            return fallback
        }
    }

    private static func load(_ part: Part, api: TrackerAPI, statusScanLimit: Int, logger: Logger) async throws
        -> Payload
    {
        logger.debug("Loading Tracker metadata", metadata: ["ats.metadata.part": "\(part.rawValue)"])
        switch part {
        case .jobCategories:
            var categories: Set<String> = []
            for try await job in api.jobs.list(logger: logger) {
                if let category = job.category?.trimmingSpaces, !category.isEmpty { categories.insert(category) }
            }
            return .jobCategories(categories.sorted())
        case .applicationStatuses:
            return .applicationStatuses(try await scanStatuses(api: api, limit: statusScanLimit, logger: logger))
        case .workflow:
            async let actions = api.workflow.actionCatalogue(logger: logger)
            async let events = api.workflow.eventTypes(logger: logger)
            // Listing triggers is not in Tracker's documentation: without it, the rest of the workflow still works.
            async let triggers = Self.optional([], api: api) { try await api.triggers.list(logger: logger) }
            return .workflow(
                TrackerWorkflowConfiguration(
                    actions: try await actions, events: try await events, triggers: try await triggers)
            )
        case .customFieldSchemas:
            // A server without a schema endpoint still has records: their custom fields stay untyped.
            async let applications = Self.optional([], api: api) {
                try await api.applications.customFieldsSchema(logger: logger)
            }
            async let jobs = Self.optional([], api: api) { try await api.jobs.customFieldsSchema(logger: logger) }
            return .customFieldSchemas(
                TrackerCustomFieldSchemas(
                    applications: TrackerFieldSchema(owner: .application, entries: try await applications),
                    jobs: TrackerFieldSchema(owner: .job, entries: try await jobs)
                )
            )
        }
    }

    /// The distinct statuses of up to `limit` applications, in the order first seen: those updated in
    /// the last year (the statuses a workflow uses now), then, when that read fewer than `limit`, the
    /// list from its start (a server that ignores `updated_after` answers the same list both times,
    /// and the second read is skipped when the first already reached the limit).
    private static func scanStatuses(api: TrackerAPI, limit: Int, logger: Logger) async throws -> [String] {
        var statuses: [String] = []
        var seen: Set<String> = []
        var read = 0
        let recent = Date(timeIntervalSinceNow: -365 * 86_400)
        for updatedAfter in [recent, nil] as [Date?] {
            guard read < limit else { break }
            var budget = limit - read
            let request = TrackerApplicationListRequest(updatedAfter: updatedAfter, pageSize: min(1000, budget))
            for try await application in api.applications.list(request, logger: logger) {
                if let status = application.status?.rawValue.trimmingSpaces, !status.isEmpty,
                    seen.insert(status).inserted
                {
                    statuses.append(status)
                }
                read += 1
                budget -= 1
                if budget == 0 { break }
            }
        }
        logger.debug(
            "Learned the account's statuses", metadata: ["ats.statuses": "\(statuses.count)", "ats.read": "\(read)"])
        return statuses
    }
}
