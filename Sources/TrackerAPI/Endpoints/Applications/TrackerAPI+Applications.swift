public import Logging

extension TrackerAPI {
    /// The application endpoints.
    public var applications: Applications { Applications(api: self) }

    /// The application endpoints: list, one, create, update, custom-field schema and the
    /// partner quick-apply `add_applicant`.
    public struct Applications: Sendable {
        let api: TrackerAPI

        /// Pages of applications (`GET /applications`).
        /// - Parameters:
        ///   - request: Filter and paging.
        ///   - logger: A logger for this call.
        /// - Returns: A lazy page sequence.
        public func pages(_ request: TrackerApplicationListRequest = .init(), logger: Logger? = nil)
            -> TrackerPageSequence<TrackerApplication>
        {
            var endpoint = TrackerEndpoint(.get, "/applications")
            if let jobID = request.jobID { endpoint.query.append(("job_id", jobID.rawValue)) }
            return api.pagedList(
                endpoint,
                firstPage: request.firstPage,
                pageSize: request.pageSize,
                updatedAfter: request.updatedAfter,
                logger: logger
            )
        }

        /// The applications themselves, flattened from ``pages(_:logger:)``.
        /// - Parameters:
        ///   - request: Filter and paging.
        ///   - logger: A logger for this call.
        /// - Returns: A lazy record sequence.
        public func list(_ request: TrackerApplicationListRequest = .init(), logger: Logger? = nil)
            -> TrackerRecordSequence<TrackerApplication>
        {
            pages(request, logger: logger).records
        }

        /// One application (`GET /applications/{id}`); an object or a one-element array is accepted.
        /// - Parameters:
        ///   - id: The application's id.
        ///   - logger: A logger for this call.
        /// - Returns: The application.
        /// - Throws: ``TrackerAPIError``.
        public func get(_ id: TrackerApplicationID, logger: Logger? = nil) async throws -> TrackerApplication {
            try await api.callRecord(Self.endpoint(.get, id), logger: logger)
        }

        /// Creates an application (`POST /applications`, not in Tracker's documentation).
        ///
        /// Not retried after the request may have reached the server: a lost answer throws
        /// ``TrackerAPIError/Code-swift.struct/outcomeUnknown`` — look the applicant up before
        /// creating again.
        /// - Parameters:
        ///   - request: The applicant's fields.
        ///   - logger: A logger for this call.
        /// - Returns: The created application.
        /// - Throws: ``TrackerAPIError``.
        public func create(_ request: TrackerApplicationCreateRequest, logger: Logger? = nil) async throws
            -> TrackerApplication
        {
            try await api.callRecord(
                TrackerEndpoint(.post, "/applications").with(json: request.jsonValue), logger: logger)
        }

        /// Edits an application's applicant fields (`PUT /applications/{id}`, not in Tracker's documentation). When the
        /// server answers without a body, the application is read back.
        /// - Parameters:
        ///   - id: The application's id.
        ///   - update: The fields to change; `nil` fields are left alone.
        ///   - logger: A logger for this call.
        /// - Returns: The application after the change.
        /// - Throws: ``TrackerAPIError``.
        public func update(_ id: TrackerApplicationID, _ update: TrackerApplicationUpdate, logger: Logger? = nil)
            async throws -> TrackerApplication
        {
            let endpoint = Self.endpoint(.put, id).with(json: update.jsonValue)
            let (_, body) = try await api.callJSON(endpoint, logger: logger)
            if let object = body?.objectValue ?? body?.arrayValue?.first?.objectValue, object["id"] != nil {
                var context = WireContext(endpoint: endpoint.label, timeZone: api.configuration.accountTimeZone)
                return try TrackerApplication(wire: WireObject(fields: object), context: &context)
            }
            return try await get(id, logger: logger)
        }

        /// The applicant custom-field schema (`GET /applications/custom_fields_schema`).
        /// - Parameter logger: A logger for this call.
        /// - Returns: The schema entries.
        /// - Throws: ``TrackerAPIError``.
        public func customFieldsSchema(logger: Logger? = nil) async throws -> [TrackerCustomFieldDefinition] {
            try await api.getSchema("/applications/custom_fields_schema", logger: logger)
        }

        /// Replaces the applicant custom-field schema (`PUT /applications/custom_fields_schema`).
        /// - Parameters:
        ///   - update: The new schema.
        ///   - logger: A logger for this call.
        /// - Returns: The schema as answered, or as sent.
        /// - Throws: ``TrackerAPIError``.
        public func updateCustomFieldsSchema(_ update: TrackerCustomFieldSchemaUpdate, logger: Logger? = nil)
            async throws -> [TrackerCustomFieldDefinition]
        {
            try await api.putSchema("/applications/custom_fields_schema", update, logger: logger)
        }

        /// Partner quick-apply: `POST /applicant_webhooks/add_applicant` at the host root (not
        /// under `/api/v1`), derived from the configured base URL. Tracker answers 201.
        /// - Parameters:
        ///   - request: The applicant.
        ///   - logger: A logger for this call.
        /// - Returns: The status and whatever JSON the server answered.
        /// - Throws: ``TrackerAPIError``; ``TrackerAPIError/Code-swift.struct/outcomeUnknown`` when the answer was lost.
        public func addApplicant(_ request: TrackerAddApplicantRequest, logger: Logger? = nil) async throws
            -> TrackerAddApplicantResult
        {
            let endpoint = TrackerEndpoint(.post, "/applicant_webhooks/add_applicant", scope: .hostRoot)
                .with(json: request.jsonValue)
            let (status, body) = try await api.callJSON(endpoint, logger: logger)
            return TrackerAddApplicantResult(status: status, body: body)
        }

        private static func endpoint(_ method: TrackerHTTPMethod, _ id: TrackerApplicationID) -> TrackerEndpoint {
            TrackerEndpoint(method, "/applications/{id}", path: "/applications/" + TrackerEndpoint.segment(id.rawValue))
        }
    }
}
