public import Logging

extension TrackerAPI {
    /// The webhook endpoints.
    public var webhooks: Webhooks { Webhooks(api: self) }

    /// Webhook registrations: register, list and delete.
    public struct Webhooks: Sendable {
        let api: TrackerAPI

        /// Registers a URL for an event (`POST /webhooks`, body not in Tracker's documentation). Not retried once it may have arrived.
        /// - Parameters:
        ///   - registration: The URL and event.
        ///   - logger: A logger for this call.
        /// - Returns: The registration.
        /// - Throws: ``TrackerAPIError``.
        public func register(_ registration: TrackerWebhookRegistration, logger: Logger? = nil) async throws
            -> TrackerWebhook
        {
            let body: TrackerJSON = ["url": .string(registration.url), "event": .string(registration.event.rawValue)]
            return try await api.callRecord(TrackerEndpoint(.post, "/webhooks").with(json: body), logger: logger)
        }

        /// Every registration (`GET /webhooks`, not in Tracker's documentation; one bare array).
        /// - Parameter logger: A logger for this call.
        /// - Returns: The registrations.
        /// - Throws: ``TrackerAPIError``.
        public func list(logger: Logger? = nil) async throws -> [TrackerWebhook] {
            try await api.callList(TrackerEndpoint(.get, "/webhooks"), logger: logger)
        }

        /// Deletes a registration (`DELETE /webhooks/{id}`, not in Tracker's documentation).
        /// - Parameters:
        ///   - id: The registration's id.
        ///   - logger: A logger for this call.
        /// - Throws: ``TrackerAPIError``.
        public func delete(_ id: TrackerWebhookID, logger: Logger? = nil) async throws {
            try await api.callIgnoringBody(
                TrackerEndpoint(.delete, "/webhooks/{id}", path: "/webhooks/" + TrackerEndpoint.segment(id.rawValue)),
                logger: logger
            )
        }
    }
}

/// A webhook to register.
public struct TrackerWebhookRegistration: Sendable, Hashable {
    /// Where deliveries go (must answer 200 or 201, or Tracker re-sends).
    public var url: String
    /// The event to deliver.
    public var event: TrackerEventType

    /// Creates a registration.
    /// - Parameters:
    ///   - url: The delivery URL.
    ///   - event: The event.
    public init(url: String, event: TrackerEventType) {
        self.url = url
        self.event = event
    }
}
