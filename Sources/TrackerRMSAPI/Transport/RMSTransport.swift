import Foundation
public import Logging

/// The HTTP seam of ``TrackerRMSClient``: one request in, one whole response out.
///
/// The default is built on AsyncHTTPClient. A transport must not retry or follow redirects, and
/// should throw ``RMSTransportError`` so that retries can tell a request that never left (safe
/// to repeat, even for a create) from one whose outcome is unknown.
public protocol RMSTransport: Sendable {
    /// Sends one request and reads the whole answer.
    /// - Parameters:
    ///   - request: The request.
    ///   - timeout: How long the exchange may take.
    ///   - logger: The caller's logger.
    /// - Returns: The response.
    /// - Throws: ``RMSTransportError``, or `CancellationError`.
    func execute(_ request: RMSHTTPRequest, timeout: Duration, logger: Logger) async throws -> RMSHTTPResponse

    /// Releases connections. Called once by ``TrackerRMSClient/shutdown()``.
    /// - Throws: When the transport cannot shut down cleanly.
    func shutdown() async throws
}

/// One HTTP request.
public struct RMSHTTPRequest: Sendable {
    /// `POST` for widget operations, `GET` or `POST` for the REST API.
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Header fields as name and value pairs (`Authorization` included when used).
    public var headers: [(String, String)]
    /// The body.
    public var body: [UInt8]?

    /// Creates a request.
    /// - Parameters:
    ///   - method: The method.
    ///   - url: The URL.
    ///   - headers: The headers.
    ///   - body: The body.
    public init(method: String, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One whole HTTP response.
public struct RMSHTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields as name and value pairs.
    public var headers: [(String, String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    /// - Parameters:
    ///   - status: The status.
    ///   - headers: The headers.
    ///   - body: The body.
    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header named `name`, ignoring case.
    /// - Parameter name: The header name.
    /// - Returns: Its value.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.0.lowercased() == lowered }?.1
    }
}

/// A failure below HTTP, sorted by whether the server could have acted on the request.
public struct RMSTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `true` when no connection was made, so the request never reached the server.
    public var neverSent: Bool
    /// Whether it was a timeout.
    public var isTimeout: Bool
    /// A short cause in plain words (never headers or bodies).
    public var reason: String

    /// Creates a transport error.
    /// - Parameters:
    ///   - neverSent: Whether the request never reached the server.
    ///   - isTimeout: Whether it was a timeout.
    ///   - reason: The cause.
    public init(neverSent: Bool, isTimeout: Bool = false, reason: String) {
        self.neverSent = neverSent
        self.isTimeout = isTimeout
        self.reason = reason
    }

    /// The cause.
    public var description: String { reason }
}
