public import Logging

extension TrackerAPI {
    /// The user endpoint.
    public var users: Users { Users(api: self) }

    /// The account's users.
    public struct Users: Sendable {
        let api: TrackerAPI

        /// Every user (`GET /users`: `id`, `first_name`, `last_name`, `email`, `role`; one bare array).
        /// - Parameter logger: A logger for this call.
        /// - Returns: The users.
        /// - Throws: ``TrackerAPIError``.
        public func list(logger: Logger? = nil) async throws -> [TrackerUser] {
            try await api.callList(TrackerEndpoint(.get, "/users"), logger: logger)
        }
    }
}
