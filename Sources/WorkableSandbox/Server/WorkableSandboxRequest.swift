public import Foundation

/// One request the sandbox answered: ground truth for tests.
public struct WorkableSandboxRequest: Sendable, Hashable {
    /// Which server answered.
    public enum Host: String, Sendable, Hashable {
        /// The API.
        case api
        /// The file host (pre-signed URLs).
        case files
    }

    /// Which server answered.
    public var host: Host
    /// The method.
    public var method: String
    /// The path as requested.
    public var path: String
    /// The query (without `?`).
    public var query: String
    /// The status sent.
    public var status: Int
    /// Whether the request carried an `Authorization` header.
    public var hadAuthorization: Bool
    /// When it arrived, by the sandbox clock.
    public var receivedAt: Date
    /// The fault injected, if any.
    public var fault: WorkableSandboxFault?
}

/// One attempt to deliver a subscription's event.
public struct WorkableSandboxDelivery: Sendable, Hashable {
    /// The subscription's id.
    public var subscriptionID: Int
    /// The event.
    public var event: String
    /// The candidate delivered.
    public var candidateID: String
    /// The attempt (1...3).
    public var attempt: Int
    /// The receiver's status, or `nil` when it could not be reached.
    public var status: Int?
}
