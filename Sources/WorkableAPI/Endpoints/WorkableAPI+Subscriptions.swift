public import Logging

extension WorkableAPI {
    /// Webhook subscriptions (`/subscriptions`).
    public var subscriptions: Subscriptions { Subscriptions(api: self) }

    /// The subscription endpoints.
    public struct Subscriptions: Sendable {
        let api: WorkableAPI

        /// The subscriptions (`GET /subscriptions`).
        /// - Parameter logger: The logger for this call.
        /// - Returns: The subscriptions.
        /// - Throws: ``WorkableAPIError``.
        public func list(logger: Logger? = nil) async throws -> [WorkableSubscription] {
            try await api.fetchList(
                WorkableEndpoint("GET", "/subscriptions", template: "/subscriptions"), key: "subscriptions",
                WorkableSubscription.init(json:), logger: logger)
        }

        /// Subscribes a URL to an event (`POST /subscriptions`). Deliveries do not name their
        /// event, so give each event its own target (a query parameter will do).
        /// - Parameters:
        ///   - target: The URL Workable POSTs to.
        ///   - event: The event, such as `candidate_created` or `candidate_moved`.
        ///   - job: Only candidates of this job (candidate events only).
        ///   - stage: Only candidates in this stage (candidate events only).
        ///   - logger: The logger for this call.
        /// - Returns: The new subscription's id.
        /// - Throws: ``WorkableAPIError`` (``WorkableAPIError/Code-swift.struct/conflict`` when the target
        ///   and event are already subscribed).
        public func create(
            target: String, event: String, job: WorkableShortcode? = nil, stage: WorkableStageSlug? = nil,
            logger: Logger? = nil
        ) async throws -> WorkableSubscriptionID {
            let body: WorkableJSON = [
                "target": .string(target), "event": .string(event),
                "args": ["job_shortcode": .string(job?.rawValue ?? ""), "stage_slug": .string(stage?.rawValue ?? "")],
            ]
            let endpoint = WorkableEndpoint("POST", "/subscriptions", template: "/subscriptions", body: body)
            return try await api.perform(endpoint, logger: logger) { answer throws(WorkableAPIError) in
                guard let id = try WorkableAPI.json(answer)["id"].string else {
                    throw WorkableAPIError(code: .malformedResponse, underlying: "the answer holds no subscription id")
                }
                return WorkableSubscriptionID(id)
            }
        }

        /// Removes a subscription (`DELETE /subscriptions/{id}`).
        /// - Parameters:
        ///   - id: The subscription's id.
        ///   - logger: The logger for this call.
        /// - Throws: ``WorkableAPIError``.
        public func delete(_ id: WorkableSubscriptionID, logger: Logger? = nil) async throws {
            let endpoint = WorkableEndpoint(
                "DELETE", "/subscriptions/\(segment(id.rawValue))", template: "/subscriptions/{id}")
            _ = try await api.perform(endpoint, logger: logger) { _ throws(WorkableAPIError) in () }
        }
    }
}
