public import Logging

extension WorkableAPI {
    /// `/jobs` and a job's pipeline, team and metadata.
    public var jobs: Jobs { Jobs(api: self) }

    /// The job endpoints.
    public struct Jobs: Sendable {
        let api: WorkableAPI

        /// Filters for `GET /jobs`.
        public struct ListRequest: Sendable, Hashable {
            /// Only jobs in this state; `nil` for every state.
            public var state: WorkableJobState?
            /// Jobs created strictly after this instant.
            public var createdAfter: WorkableTimestamp?
            /// Jobs updated strictly after this instant.
            public var updatedAfter: WorkableTimestamp?
            /// Start at this id (inclusive).
            public var sinceID: WorkableJobID?
            /// End at this id (inclusive).
            public var maxID: WorkableJobID?
            /// Records per page; `nil` uses the configuration's page size.
            public var limit: Int?

            /// Creates filters.
            /// - Parameters:
            ///   - state: Only this state.
            ///   - createdAfter: Created strictly after.
            ///   - updatedAfter: Updated strictly after.
            ///   - sinceID: Start id.
            ///   - maxID: End id.
            ///   - limit: Records per page.
            public init(
                state: WorkableJobState? = nil, createdAfter: WorkableTimestamp? = nil,
                updatedAfter: WorkableTimestamp? = nil, sinceID: WorkableJobID? = nil, maxID: WorkableJobID? = nil,
                limit: Int? = nil
            ) {
                self.state = state
                self.createdAfter = createdAfter
                self.updatedAfter = updatedAfter
                self.sinceID = sinceID
                self.maxID = maxID
                self.limit = limit
            }
        }

        /// Jobs, page by page (`GET /jobs`).
        /// - Parameters:
        ///   - request: The filters.
        ///   - logger: The logger for this call.
        /// - Returns: The pages; nothing is fetched until iterated.
        public func list(_ request: ListRequest = ListRequest(), logger: Logger? = nil) -> WorkablePages<WorkableJob> {
            var query: [(String, String)] = [("limit", String(request.limit ?? api.configuration.pageSize))]
            if let state = request.state { query.append(("state", state.rawValue)) }
            if let sinceID = request.sinceID { query.append(("since_id", sinceID.rawValue)) }
            if let maxID = request.maxID { query.append(("max_id", maxID.rawValue)) }
            if let createdAfter = request.createdAfter { query.append(("created_after", createdAfter.iso8601)) }
            if let updatedAfter = request.updatedAfter { query.append(("updated_after", updatedAfter.iso8601)) }
            let endpoint = WorkableEndpoint("GET", "/jobs", template: "/jobs", query: query, scope: "r_jobs")
            return WorkablePages(
                api: api, first: endpoint, key: "jobs", make: WorkableJob.init(json:),
                keep: { job in
                    WorkableAPI.isAfter(job.updatedAt, request.updatedAfter)
                        && WorkableAPI.isAfter(job.createdAt, request.createdAfter)
                },
                logger: logger)
        }

        /// One job (`GET /jobs/{shortcode}`), with its description; bare or wrapped answers both work.
        /// - Parameters:
        ///   - shortcode: The job's shortcode.
        ///   - logger: The logger for this call.
        /// - Returns: The job.
        /// - Throws: ``WorkableAPIError`` (``WorkableAPIError/Code-swift.struct/notFound`` for an unknown shortcode).
        public func get(_ shortcode: WorkableShortcode, logger: Logger? = nil) async throws -> WorkableJob {
            let endpoint = WorkableEndpoint(
                "GET", "/jobs/\(segment(shortcode.rawValue))", template: "/jobs/{shortcode}", scope: "r_jobs")
            let (job, wrapped) = try await api.perform(endpoint, logger: logger) { answer throws(WorkableAPIError) in
                try WorkableAPI.record(answer, key: "job", WorkableJob.init(json:))
            }
            if wrapped {
                api.observe(.recordWrapping, endpoint: endpoint.template, logger: logger ?? api.configuration.logger)
            }
            return job
        }

        /// A job's pipeline (`GET /jobs/{shortcode}/stages`).
        /// - Parameters:
        ///   - shortcode: The job's shortcode.
        ///   - logger: The logger for this call.
        /// - Returns: The stages in pipeline order.
        /// - Throws: ``WorkableAPIError``.
        public func stages(_ shortcode: WorkableShortcode, logger: Logger? = nil) async throws -> [WorkableStage] {
            let endpoint = WorkableEndpoint(
                "GET", "/jobs/\(segment(shortcode.rawValue))/stages", template: "/jobs/{shortcode}/stages",
                scope: "r_jobs")
            return try await api.fetchList(endpoint, key: "stages", WorkableStage.init(json:), logger: logger)
        }

        /// A job's hiring team (`GET /jobs/{shortcode}/members`).
        /// - Parameters:
        ///   - shortcode: The job's shortcode.
        ///   - logger: The logger for this call.
        /// - Returns: The members.
        /// - Throws: ``WorkableAPIError``.
        public func members(_ shortcode: WorkableShortcode, logger: Logger? = nil) async throws -> [WorkableMember] {
            let endpoint = WorkableEndpoint(
                "GET", "/jobs/\(segment(shortcode.rawValue))/members", template: "/jobs/{shortcode}/members",
                scope: "r_jobs")
            return try await api.fetchList(endpoint, key: "members", WorkableMember.init(json:), logger: logger)
        }

        /// A job's metadata document, as received: its recruiters, questions, application form,
        /// custom attributes or activities.
        /// - Parameters:
        ///   - shortcode: The job's shortcode.
        ///   - detail: Which document.
        ///   - logger: The logger for this call.
        /// - Returns: The answer's JSON.
        /// - Throws: ``WorkableAPIError``.
        public func detail(_ shortcode: WorkableShortcode, _ detail: JobDetail, logger: Logger? = nil) async throws
            -> WorkableJSON
        {
            let endpoint = WorkableEndpoint(
                "GET", "/jobs/\(segment(shortcode.rawValue))/\(detail.rawValue)",
                template: "/jobs/{shortcode}/\(detail.rawValue)", scope: "r_jobs")
            return try await api.perform(endpoint, logger: logger) { answer throws(WorkableAPIError) in
                try WorkableAPI.json(answer)
            }
        }

        /// The older job-scoped candidate list (`GET /jobs/{shortcode}/candidates`), with the same
        /// filters and paging as ``WorkableAPI/Candidates-swift.struct/list(_:logger:)``.
        /// - Parameters:
        ///   - shortcode: The job's shortcode.
        ///   - request: The filters (its `shortcode` is ignored).
        ///   - logger: The logger for this call.
        /// - Returns: The pages; nothing is fetched until iterated.
        public func candidates(
            _ shortcode: WorkableShortcode, _ request: Candidates.ListRequest = .init(), logger: Logger? = nil
        ) -> WorkablePages<WorkableCandidate> {
            var request = request
            request.shortcode = nil
            return api.candidates.pages(
                path: "/jobs/\(segment(shortcode.rawValue))/candidates", template: "/jobs/{shortcode}/candidates",
                request, logger: logger)
        }
    }

    /// A job metadata document.
    public enum JobDetail: String, Sendable, CaseIterable {
        /// `/recruiters`.
        case recruiters
        /// `/questions`.
        case questions
        /// `/application_form`.
        case applicationForm = "application_form"
        /// `/custom_attributes`.
        case customAttributes = "custom_attributes"
        /// `/activities`.
        case activities
    }

    /// Whether `value` is strictly after `bound` (or there is no bound, or no value to judge).
    static func isAfter(_ value: WorkableTimestamp?, _ bound: WorkableTimestamp?) -> Bool {
        guard let bound, let value else { return true }
        return value > bound
    }

    /// A list in one answer (no paging expected, but `paging.next` is followed if sent).
    func fetchList<Record: Sendable>(
        _ endpoint: WorkableEndpoint, key: String, _ make: @escaping @Sendable (WorkableJSON) -> Record?,
        bareIsExpected: Bool = false, logger: Logger?
    ) async throws -> [Record] {
        var pages = WorkablePages(api: self, first: endpoint, key: key, make: make, keep: { _ in true }, logger: logger)
        pages.bareIsExpected = bareIsExpected
        return try await pages.collect()
    }
}
