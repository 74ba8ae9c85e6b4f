public import Foundation
public import Logging

extension TrackerAPI {
    /// The job endpoints.
    public var jobs: Jobs { Jobs(api: self) }

    /// The job endpoints: lists by set, one job, and the job custom-field schema.
    public struct Jobs: Sendable {
        let api: TrackerAPI

        /// Pages of jobs (`GET /jobs`, `/jobs/active`, `/jobs/active_visible`, `/jobs/hidden`, `/jobs/archived`).
        /// - Parameters:
        ///   - request: Which jobs and how to page.
        ///   - logger: A logger for this call; the configured one by default.
        /// - Returns: A lazy page sequence; nothing is fetched until it is iterated.
        public func pages(_ request: TrackerJobListRequest = .init(), logger: Logger? = nil) -> TrackerPageSequence<
            TrackerJob
        > {
            let path = "/jobs" + request.set.pathSuffix
            return api.pagedList(
                TrackerEndpoint(.get, path),
                firstPage: request.firstPage,
                pageSize: request.pageSize,
                updatedAfter: request.updatedAfter,
                logger: logger
            )
        }

        /// The jobs themselves, flattened from ``pages(_:logger:)``.
        /// - Parameters:
        ///   - request: Which jobs and how to page.
        ///   - logger: A logger for this call.
        /// - Returns: A lazy record sequence.
        public func list(_ request: TrackerJobListRequest = .init(), logger: Logger? = nil) -> TrackerRecordSequence<
            TrackerJob
        > {
            pages(request, logger: logger).records
        }

        /// One job (`GET /jobs/{id}`); an object or a one-element array is accepted.
        /// - Parameters:
        ///   - id: The job's id.
        ///   - logger: A logger for this call.
        /// - Returns: The job.
        /// - Throws: ``TrackerAPIError`` (``TrackerAPIError/Code-swift.struct/notFound`` for an unknown id).
        public func get(_ id: TrackerJobID, logger: Logger? = nil) async throws -> TrackerJob {
            try await api.callRecord(
                TrackerEndpoint(.get, "/jobs/{id}", path: "/jobs/" + TrackerEndpoint.segment(id.rawValue)),
                logger: logger
            )
        }

        /// The job custom-field schema (`GET /jobs/custom_fields_schema`).
        /// - Parameter logger: A logger for this call.
        /// - Returns: The schema entries.
        /// - Throws: ``TrackerAPIError``.
        public func customFieldsSchema(logger: Logger? = nil) async throws -> [TrackerCustomFieldDefinition] {
            try await api.getSchema("/jobs/custom_fields_schema", logger: logger)
        }

        /// Replaces the job custom-field schema (`PUT /jobs/custom_fields_schema`).
        /// - Parameters:
        ///   - update: The new schema.
        ///   - logger: A logger for this call.
        /// - Returns: The schema as the server answered it, or as sent when the answer has none.
        /// - Throws: ``TrackerAPIError``.
        public func updateCustomFieldsSchema(_ update: TrackerCustomFieldSchemaUpdate, logger: Logger? = nil)
            async throws -> [TrackerCustomFieldDefinition]
        {
            try await api.putSchema("/jobs/custom_fields_schema", update, logger: logger)
        }
    }
}

/// Which jobs a job list returns.
public enum TrackerJobSet: Sendable, Hashable, CaseIterable {
    /// Every job (`/jobs`).
    case all
    /// Online jobs (`/jobs/active`).
    case active
    /// Online jobs shown on the job board (`/jobs/active_visible`).
    case activeVisible
    /// Hidden jobs (`/jobs/hidden`).
    case hidden
    /// Archived jobs (`/jobs/archived`).
    case archived

    var pathSuffix: String {
        switch self {
        case .all: ""
        case .active: "/active"
        case .activeVisible: "/active_visible"
        case .hidden: "/hidden"
        case .archived: "/archived"
        }
    }
}

/// The parameters of a job list.
public struct TrackerJobListRequest: Sendable, Hashable {
    /// Which jobs.
    public var set: TrackerJobSet
    /// Only jobs updated at or after this instant (not in Tracker's documentation); sent with an explicit offset.
    public var updatedAfter: Date?
    /// Records per page; the configuration's page size when `nil`.
    public var pageSize: Int?
    /// The page to start at (1-based).
    public var firstPage: Int

    /// Creates list parameters.
    /// - Parameters:
    ///   - set: Which jobs (default all).
    ///   - updatedAfter: The lower bound of `updated_at`, inclusive.
    ///   - pageSize: Records per page.
    ///   - firstPage: The first page.
    public init(set: TrackerJobSet = .all, updatedAfter: Date? = nil, pageSize: Int? = nil, firstPage: Int = 1) {
        self.set = set
        self.updatedAfter = updatedAfter
        self.pageSize = pageSize
        self.firstPage = firstPage
    }
}
