public import Foundation
public import Logging

/// The HTTP seam of ``TrackerAPI``: one request in, one response head and streaming body out.
///
/// A request's body is ``TrackerHTTPRequest/content``: bytes in memory, or a stream to send as it
/// is produced (with `Content-Length` when ``TrackerHTTPRequestBody/length`` is known), calling
/// ``TrackerHTTPRequestBody/makeChunks()`` once per send. An error from a streamed body's chunks
/// should be thrown as is (it is a ``TrackerRequestBodyError``), not as a transport failure.
///
/// The default is built on AsyncHTTPClient. Tests and callers with special needs pass their own
/// (a closure double, a recording proxy). A transport must not follow redirects (``TrackerAPI``
/// follows them itself so that it can decide where credentials may go), must not retry, and
/// should throw ``TrackerTransportError`` so that retries can tell a request that never left from
/// one whose outcome is unknown.
public protocol TrackerTransport: Sendable {
    /// Sends one request.
    /// - Parameters:
    ///   - request: The request.
    ///   - timeout: How long the whole exchange, body included, may take.
    ///   - logger: The caller's logger.
    /// - Returns: The response; its body may still be arriving.
    /// - Throws: ``TrackerTransportError``, or any error for failures it cannot classify.
    func execute(_ request: TrackerHTTPRequest, timeout: Duration, logger: Logger) async throws -> TrackerHTTPResponse

    /// Releases connections and threads. Called once by ``TrackerAPI/shutdown()``.
    /// - Throws: When the transport cannot shut down cleanly.
    func shutdown() async throws
}

/// An HTTP method.
public struct TrackerHTTPMethod: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    /// The method name.
    public let rawValue: String
    /// Creates a method.
    /// - Parameter rawValue: The method name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// GET.
    public static let get = TrackerHTTPMethod(rawValue: "GET")
    /// POST.
    public static let post = TrackerHTTPMethod(rawValue: "POST")
    /// PUT.
    public static let put = TrackerHTTPMethod(rawValue: "PUT")
    /// DELETE.
    public static let delete = TrackerHTTPMethod(rawValue: "DELETE")
    /// The method name.
    public var description: String { rawValue }

    /// Whether repeating the request cannot change the outcome, so a retry is safe.
    public var isIdempotent: Bool { self != .post }
}

/// One HTTP request as the transport sees it.
public struct TrackerHTTPRequest: Sendable {
    /// The method.
    public var method: TrackerHTTPMethod
    /// The absolute URL, query included.
    public var url: String
    /// The header fields, `Authorization` included.
    public var headers: TrackerHTTPHeaders
    /// The body, if any: bytes in memory or a stream (a transport sends this).
    public var content: TrackerHTTPRequestBody?

    /// The body's bytes when it is held in memory; `nil` when there is none or when it streams
    /// (read ``content`` to send every kind). Setting it replaces ``content``.
    public var body: Data? {
        get { content?.data }
        set { content = newValue.map(TrackerHTTPRequestBody.bytes) }
    }

    /// Creates a request with a body in memory.
    /// - Parameters:
    ///   - method: The method.
    ///   - url: The absolute URL.
    ///   - headers: The header fields.
    ///   - body: The body.
    public init(method: TrackerHTTPMethod, url: String, headers: TrackerHTTPHeaders = [:], body: Data? = nil) {
        self.init(method: method, url: url, headers: headers, content: body.map(TrackerHTTPRequestBody.bytes))
    }

    /// Creates a request with any body.
    /// - Parameters:
    ///   - method: The method.
    ///   - url: The absolute URL.
    ///   - headers: The header fields.
    ///   - content: The body, in memory or streamed.
    public init(
        method: TrackerHTTPMethod, url: String, headers: TrackerHTTPHeaders = [:], content: TrackerHTTPRequestBody?
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.content = content
    }
}

/// One HTTP response as the transport delivers it.
public struct TrackerHTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The header fields.
    public var headers: TrackerHTTPHeaders
    /// The body, possibly still arriving.
    public var body: TrackerHTTPBody

    /// Creates a response.
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: The header fields.
    ///   - body: The body.
    public init(status: Int, headers: TrackerHTTPHeaders = [:], body: TrackerHTTPBody = TrackerHTTPBody(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A failure below HTTP, classified so that retries know whether the server could have acted.
public struct TrackerTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the exchange the failure happened.
    public struct Phase: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable { case connect, exchange }
        private let base: Base
        /// No connection was made, so the request never reached the server.
        public static let connect = Phase(base: .connect)
        /// The request may have reached the server (sent, or partly answered).
        public static let exchange = Phase(base: .exchange)
        /// `connect` or `exchange`.
        public var description: String { base.rawValue }
    }

    /// Where the failure happened.
    public var phase: Phase
    /// Whether the failure was a timeout.
    public var isTimeout: Bool
    /// A short description of the cause (never contains request headers).
    public var reason: String

    /// Creates a transport error.
    /// - Parameters:
    ///   - phase: Where it happened.
    ///   - isTimeout: Whether it was a timeout.
    ///   - reason: A short description.
    public init(phase: Phase, isTimeout: Bool = false, reason: String) {
        self.phase = phase
        self.isTimeout = isTimeout
        self.reason = reason
    }

    /// `phase: reason`.
    public var description: String { "\(phase): \(reason)" }
}
