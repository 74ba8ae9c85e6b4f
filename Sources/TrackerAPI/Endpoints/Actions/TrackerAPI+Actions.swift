public import Logging

extension TrackerAPI {
    /// The action endpoints.
    public var actions: Actions { Actions(api: self) }

    /// Workflow actions: create one (it runs asynchronously) and read it back.
    public struct Actions: Sendable {
        let api: TrackerAPI

        /// Creates an action (`POST /actions`). Any 2xx is success; the answer has
        /// `executed_at == nil` until the action has run. Not retried once it may have arrived.
        /// - Parameters:
        ///   - request: The action type and its data.
        ///   - logger: A logger for this call.
        /// - Returns: The created action.
        /// - Throws: ``TrackerAPIError``; ``TrackerAPIError/Code-swift.struct/outcomeUnknown`` when the answer was lost.
        public func create(_ request: TrackerActionCreateRequest, logger: Logger? = nil) async throws -> TrackerAction {
            let body: TrackerJSON = ["type": .string(request.type.rawValue), "data": .object(request.data)]
            return try await api.callRecord(TrackerEndpoint(.post, "/actions").with(json: body), logger: logger)
        }

        /// Polls an action until it has run (`executed_at` set), then returns it. A failed action
        /// is returned too: check ``TrackerAction/hasFailed``.
        ///
        /// Waits use the client's clock, and each read goes through the usual retries.
        /// - Parameters:
        ///   - id: The action's id.
        ///   - pollInterval: The wait between reads (default 1 s).
        ///   - timeout: How long to wait in all (default 60 s).
        ///   - logger: A logger for this call.
        /// - Returns: The executed action.
        /// - Throws: ``TrackerAPIError`` with ``TrackerAPIError/Code-swift.struct/timedOut`` when it
        ///   has not run in time, or the error of a failed read.
        public func waitUntilExecuted(
            _ id: TrackerActionID,
            pollInterval: Duration = .seconds(1),
            timeout: Duration = .seconds(60),
            logger: Logger? = nil
        ) async throws -> TrackerAction {
            let deadline = api.clock.now() + timeout
            while true {
                let action = try await get(id, logger: logger)
                if action.isExecuted { return action }
                guard api.clock.now() + pollInterval <= deadline else {
                    throw TrackerAPIError(
                        code: .timedOut,
                        endpoint: "GET /actions/{id}",
                        underlying: "action \(id) had not run after \(TrackerAPIError.format(timeout))"
                    )
                }
                do {
                    try await api.clock.sleep(pollInterval)
                } catch {
                    throw TrackerAPIError(code: .cancelled, endpoint: "GET /actions/{id}")
                }
            }
        }

        /// Reads an action (`GET /actions/{id}`), to see whether it has run.
        /// - Parameters:
        ///   - id: The action's id.
        ///   - logger: A logger for this call.
        /// - Returns: The action.
        /// - Throws: ``TrackerAPIError``.
        public func get(_ id: TrackerActionID, logger: Logger? = nil) async throws -> TrackerAction {
            try await api.callRecord(
                TrackerEndpoint(.get, "/actions/{id}", path: "/actions/" + TrackerEndpoint.segment(id.rawValue)),
                logger: logger
            )
        }
    }
}

/// A new workflow action.
public struct TrackerActionCreateRequest: Sendable, Hashable {
    /// The action type (`tag_app`, …).
    public var type: TrackerActionType
    /// The action's data, as the catalogue's `create_action.required_data` describes.
    public var data: [String: TrackerJSON]

    /// Creates an action request.
    /// - Parameters:
    ///   - type: The action type.
    ///   - data: Its data.
    public init(type: TrackerActionType, data: [String: TrackerJSON]) {
        self.type = type
        self.data = data
    }

    /// `mark_as_hired`: sets the application's `hired_at` (from `hireDate`, else when it runs) and
    /// `start_date`.
    /// - Parameters:
    ///   - application: The application.
    ///   - hireDate: The hire date, a calendar date such as `2026-12-01`.
    ///   - startDate: The start date, a calendar date.
    /// - Returns: The request.
    public static func markAsHired(
        _ application: TrackerApplicationID, hireDate: String? = nil, startDate: String? = nil
    ) -> TrackerActionCreateRequest {
        var data: [String: TrackerJSON] = ["app_id": application.jsonValue]
        if let hireDate { data["hire_date"] = .string(hireDate) }
        if let startDate { data["start_date"] = .string(startDate) }
        return TrackerActionCreateRequest(type: .markAsHired, data: data)
    }

    /// `un_mark_as_hired`: clears the application's `hired_at` and `start_date`.
    /// - Parameters:
    ///   - application: The application.
    ///   - managerID: The manager to notify, when the account wants one.
    /// - Returns: The request.
    public static func unMarkAsHired(
        _ application: TrackerApplicationID, managerID: Int64? = nil
    ) -> TrackerActionCreateRequest {
        var data: [String: TrackerJSON] = ["app_id": application.jsonValue]
        if let managerID { data["manager_id"] = .integer(managerID) }
        return TrackerActionCreateRequest(type: .unMarkAsHired, data: data)
    }

    /// `send_app_to_integration`: sends a hired applicant to an integration partner; the action
    /// fails for an applicant who is not hired.
    /// - Parameters:
    ///   - application: The application.
    ///   - partner: The integration partner's name.
    ///   - adminUserID: The admin user the integration acts as.
    /// - Returns: The request.
    public static func sendAppToIntegration(
        _ application: TrackerApplicationID, partner: String, adminUserID: Int64? = nil
    ) -> TrackerActionCreateRequest {
        var data: [String: TrackerJSON] = ["app_id": application.jsonValue, "partner": .string(partner)]
        if let adminUserID { data["admin_user_id"] = .integer(adminUserID) }
        return TrackerActionCreateRequest(type: .sendAppToIntegration, data: data)
    }
}
