public import Logging

extension WorkableAPI {
    /// `/candidates`: lists, records, creation and edits. Writes that name a member are in
    /// ``WorkableAPI/Candidates-swift.struct`` too (see `WorkableAPI+CandidateWrites.swift`).
    public var candidates: Candidates { Candidates(api: self) }

    /// The candidate endpoints.
    public struct Candidates: Sendable {
        let api: WorkableAPI

        /// Filters for `GET /candidates`.
        public struct ListRequest: Sendable, Hashable {
            /// Only this e-mail address (the server matches it trimmed and lower-cased).
            public var email: String?
            /// Only this job.
            public var shortcode: WorkableShortcode?
            /// Only this stage (a slug; an unknown slug answers an empty list, so check it first).
            public var stage: WorkableStageSlug?
            /// Created strictly after.
            public var createdAfter: WorkableTimestamp?
            /// Updated strictly after.
            public var updatedAfter: WorkableTimestamp?
            /// Start at this id (inclusive).
            public var sinceID: WorkableCandidateID?
            /// End at this id (inclusive).
            public var maxID: WorkableCandidateID?
            /// Records per page; `nil` uses the configuration's page size.
            public var limit: Int?

            /// Creates filters.
            /// - Parameters:
            ///   - email: Only this address.
            ///   - shortcode: Only this job.
            ///   - stage: Only this stage slug.
            ///   - createdAfter: Created strictly after.
            ///   - updatedAfter: Updated strictly after.
            ///   - sinceID: Start id.
            ///   - maxID: End id.
            ///   - limit: Records per page.
            public init(
                email: String? = nil, shortcode: WorkableShortcode? = nil, stage: WorkableStageSlug? = nil,
                createdAfter: WorkableTimestamp? = nil, updatedAfter: WorkableTimestamp? = nil,
                sinceID: WorkableCandidateID? = nil, maxID: WorkableCandidateID? = nil, limit: Int? = nil
            ) {
                self.email = email
                self.shortcode = shortcode
                self.stage = stage
                self.createdAfter = createdAfter
                self.updatedAfter = updatedAfter
                self.sinceID = sinceID
                self.maxID = maxID
                self.limit = limit
            }
        }

        /// Candidate records, oldest first, page by page (`GET /candidates`). Records the server
        /// sent although `updatedAfter`/`createdAfter` exclude them are dropped and reported as
        /// ``WorkableServerObservation/Kind-swift.struct/timeFilterIgnored``.
        /// - Parameters:
        ///   - request: The filters.
        ///   - logger: The logger for this call.
        /// - Returns: The pages; nothing is fetched until iterated.
        public func list(_ request: ListRequest = ListRequest(), logger: Logger? = nil)
            -> WorkablePages<WorkableCandidate>
        {
            pages(path: "/candidates", template: "/candidates", request, logger: logger)
        }

        func pages(path: String, template: String, _ request: ListRequest, logger: Logger?)
            -> WorkablePages<WorkableCandidate>
        {
            var query: [(String, String)] = [("limit", String(request.limit ?? api.configuration.pageSize))]
            if let email = request.email { query.append(("email", email)) }
            if let shortcode = request.shortcode { query.append(("shortcode", shortcode.rawValue)) }
            if let stage = request.stage { query.append(("stage", stage.rawValue)) }
            if let sinceID = request.sinceID { query.append(("since_id", sinceID.rawValue)) }
            if let maxID = request.maxID { query.append(("max_id", maxID.rawValue)) }
            if let createdAfter = request.createdAfter { query.append(("created_after", createdAfter.iso8601)) }
            if let updatedAfter = request.updatedAfter { query.append(("updated_after", updatedAfter.iso8601)) }
            let endpoint = WorkableEndpoint("GET", path, template: template, query: query, scope: "r_candidates")
            return WorkablePages(
                api: api, first: endpoint, key: "candidates", make: WorkableCandidate.init(json:),
                keep: { candidate in
                    WorkableAPI.isAfter(candidate.updatedAt, request.updatedAfter)
                        && WorkableAPI.isAfter(candidate.createdAt, request.createdAfter)
                },
                logger: logger)
        }

        /// One full record (`GET /candidates/{id}`).
        /// - Parameters:
        ///   - id: The candidate's id.
        ///   - logger: The logger for this call.
        /// - Returns: The record with every field the list leaves out.
        /// - Throws: ``WorkableAPIError`` (``WorkableAPIError/Code-swift.struct/notFound`` for an unknown id).
        public func get(_ id: WorkableCandidateID, logger: Logger? = nil) async throws -> WorkableCandidate {
            let endpoint = WorkableEndpoint(
                "GET", "/candidates/\(segment(id.rawValue))", template: "/candidates/{id}", scope: "r_candidates")
            return try await api.perform(endpoint, logger: logger) { answer throws(WorkableAPIError) in
                try WorkableAPI.record(answer, key: "candidate", WorkableCandidate.init(json:)).0
            }
        }

        /// What a new candidate record holds.
        public struct NewCandidate: Sendable, Hashable {
            /// The full name (or give first and last names).
            public var name: String?
            /// The first name.
            public var firstname: String?
            /// The last name.
            public var lastname: String?
            /// The e-mail address (required by the server).
            public var email: String
            /// The phone number.
            public var phone: String?
            /// The headline.
            public var headline: String?
            /// The summary.
            public var summary: String?
            /// The address.
            public var address: String?
            /// The cover letter.
            public var coverLetter: String?
            /// Tags.
            public var tags: [String]
            /// `false` records the candidate as having applied (Workable then sends the "thank you
            /// for applying" e-mail); `true` or `nil` as sourced (uploaded).
            public var sourced: Bool?
            /// Where the candidate came from.
            public var domain: String?
            /// Other candidate fields, sent as given.
            public var extraFields: [String: WorkableJSON]

            /// Creates a new record's content.
            /// - Parameters:
            ///   - name: The full name.
            ///   - firstname: The first name.
            ///   - lastname: The last name.
            ///   - email: The e-mail address.
            ///   - phone: The phone number.
            ///   - sourced: Applied (`false`) or sourced.
            ///   - domain: Where the candidate came from.
            public init(
                name: String? = nil, firstname: String? = nil, lastname: String? = nil, email: String,
                phone: String? = nil, sourced: Bool? = nil, domain: String? = nil
            ) {
                self.name = name
                self.firstname = firstname
                self.lastname = lastname
                self.email = email
                self.phone = phone
                self.tags = []
                self.sourced = sourced
                self.domain = domain
                self.extraFields = [:]
            }

            var body: WorkableJSON {
                var candidate = extraFields
                let texts: [(String, String?)] = [
                    ("name", name), ("firstname", firstname), ("lastname", lastname), ("email", email),
                    ("phone", phone), ("headline", headline), ("summary", summary), ("address", address),
                    ("cover_letter", coverLetter),
                ]
                for (key, value) in texts { if let value { candidate[key] = .string(value) } }
                if !tags.isEmpty { candidate["tags"] = .array(tags.map(WorkableJSON.string)) }
                var root: [String: WorkableJSON] = ["candidate": .object(candidate)]
                if let sourced { root["sourced"] = .bool(sourced) }
                if let domain { root["domain"] = .string(domain) }
                return .object(root)
            }
        }

        /// Creates a candidate record in a job (`POST /jobs/{shortcode}/candidates[/{stage}]`).
        ///
        /// Not retried after a 5xx or a timeout (the record may exist): look it up by e-mail
        /// first. A second record with the same e-mail in the same job is refused with 422 and
        /// `validation_errors.email`.
        /// - Parameters:
        ///   - candidate: The record's content.
        ///   - shortcode: The job.
        ///   - stage: The stage to start in (default: sourced or applied).
        ///   - logger: The logger for this call.
        /// - Returns: The new record.
        /// - Throws: ``WorkableAPIError``.
        public func create(
            _ candidate: NewCandidate, in shortcode: WorkableShortcode, stage: WorkableStageSlug? = nil,
            logger: Logger? = nil
        ) async throws -> WorkableCandidate {
            var path = "/jobs/\(segment(shortcode.rawValue))/candidates"
            var template = "/jobs/{shortcode}/candidates"
            if let stage {
                path += "/\(segment(stage.rawValue))"
                template += "/{stage}"
            }
            let endpoint = WorkableEndpoint(
                "POST", path, template: template, body: candidate.body, scope: "w_candidates")
            return try await api.perform(endpoint, logger: logger) { answer throws(WorkableAPIError) in
                try WorkableAPI.record(answer, key: "candidate", WorkableCandidate.init(json:)).0
            }
        }

        /// Edits a record's contact fields (`PATCH /candidates/{id}`): `firstname`, `lastname`,
        /// `email`, `phone`, `address`, `headline`, `summary`, `cover_letter`.
        /// - Parameters:
        ///   - id: The candidate's id.
        ///   - fields: The fields to change.
        ///   - logger: The logger for this call.
        /// - Returns: The record after the edit.
        /// - Throws: ``WorkableAPIError`` (422 for a field that cannot be edited).
        public func update(_ id: WorkableCandidateID, fields: [String: String], logger: Logger? = nil) async throws
            -> WorkableCandidate
        {
            let body: WorkableJSON = ["candidate": .object(fields.mapValues(WorkableJSON.string))]
            let endpoint = WorkableEndpoint(
                "PATCH", "/candidates/\(segment(id.rawValue))", template: "/candidates/{id}", body: body,
                scope: "w_candidates")
            return try await api.perform(endpoint, logger: logger) { answer throws(WorkableAPIError) in
                try WorkableAPI.record(answer, key: "candidate", WorkableCandidate.init(json:)).0
            }
        }

        /// A candidate's activities, oldest first (`GET /candidates/{id}/activities`): the only
        /// place comments and stage history can be read.
        /// - Parameters:
        ///   - id: The candidate's id.
        ///   - updatedAfter: Only activities updated strictly after.
        ///   - logger: The logger for this call.
        /// - Returns: The pages; nothing is fetched until iterated.
        public func activities(
            _ id: WorkableCandidateID, updatedAfter: WorkableTimestamp? = nil, logger: Logger? = nil
        ) -> WorkablePages<WorkableActivity> {
            var query: [(String, String)] = [("limit", String(api.configuration.pageSize))]
            if let updatedAfter { query.append(("updated_after", updatedAfter.iso8601)) }
            let endpoint = WorkableEndpoint(
                "GET", "/candidates/\(segment(id.rawValue))/activities", template: "/candidates/{id}/activities",
                query: query, scope: "r_candidates")
            return WorkablePages(
                api: api, first: endpoint, key: "activities", make: WorkableActivity.init(json:),
                keep: { WorkableAPI.isAfter($0.updatedAt ?? $0.createdAt, updatedAfter) }, logger: logger)
        }

        /// A candidate's files (`GET /candidates/{id}/files`). Their URLs are pre-signed and expire:
        /// download soon with ``WorkableAPI/Files-swift.struct/download(from:logger:)``, never store them.
        /// - Parameters:
        ///   - id: The candidate's id.
        ///   - logger: The logger for this call.
        /// - Returns: The files.
        /// - Throws: ``WorkableAPIError``.
        public func files(_ id: WorkableCandidateID, logger: Logger? = nil) async throws -> [WorkableFile] {
            let endpoint = WorkableEndpoint(
                "GET", "/candidates/\(segment(id.rawValue))/files", template: "/candidates/{id}/files",
                scope: "r_candidates")
            return try await api.fetchList(endpoint, key: "files", WorkableFile.init(json:), logger: logger)
        }
    }
}
