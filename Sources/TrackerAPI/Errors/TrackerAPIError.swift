/// The one error type TrackerAPI throws.
///
/// Switch on ``code``; read ``description`` for a message that says what happened and what to
/// try. No message ever contains the API password or the `Authorization` header: bodies are
/// excerpted, bounded and scrubbed of the configured secret before they are stored here.
public struct TrackerAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an open set of codes (new codes are not a breaking change).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unauthorized, forbidden, notFound, rateLimited, serverError, malformedResponse
            case transportFailure, timedOut, cancelled, outcomeUnknown, requestRejected, invalidConfiguration
            case requestBodyFailed, endpointNotFound, requestInterrupted
        }
        private let base: Base

        /// 401: the server did not accept the credentials.
        public static let unauthorized = Code(base: .unauthorized)
        /// 403: Tracker's documented answer to bad or insufficient credentials.
        public static let forbidden = Code(base: .forbidden)
        /// 404 for a record: the record does not exist (or this server lacks the endpoint; a JSON 404 on a
        /// path with a record id cannot tell the two apart).
        public static let notFound = Code(base: .notFound)
        /// 404 for an endpoint: a path without a record id, an HTML 404 page, or any 404 when the base
        /// URL is not an API root (which ends in `/api/v1`). The server does not offer
        /// ``TrackerAPIError/endpoint``; an endpoint Tracker does not document may be missing on a
        /// real account.
        public static let endpointNotFound = Code(base: .endpointNotFound)
        /// 429 and retries did not get through before the deadline; ``TrackerAPIError/retryAfter`` holds the wait.
        public static let rateLimited = Code(base: .rateLimited)
        /// 5xx (or 408) after every allowed retry; ``TrackerAPIError/status`` and a body excerpt say more.
        public static let serverError = Code(base: .serverError)
        /// A 2xx whose body could not be read as the endpoint's shape.
        public static let malformedResponse = Code(base: .malformedResponse)
        /// The connection failed or broke and retries did not help.
        public static let transportFailure = Code(base: .transportFailure)
        /// The call's overall deadline passed.
        public static let timedOut = Code(base: .timedOut)
        /// The calling task was cancelled.
        public static let cancelled = Code(base: .cancelled)
        /// A POST was sent but no answer came back (connection lost, timeout or 5xx): the server may or
        /// may not have acted. Read back before sending it again; POSTs are never retried blindly.
        public static let outcomeUnknown = Code(base: .outcomeUnknown)
        /// Another 4xx: the server refused the request as sent (bad parameters or body).
        public static let requestRejected = Code(base: .requestRejected)
        /// The configuration cannot work (for example a plain-HTTP URL to a remote host).
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// A streamed request body could not be produced (its file could not be read, or held
        /// fewer or more bytes than announced), so the request was abandoned before its body was
        /// complete; ``TrackerAPIError/underlying`` says why. Never retried.
        public static let requestBodyFailed = Code(base: .requestBodyFailed)
        /// A streamed request (an upload) was cut off before its body was sent to the end — the
        /// connection closed, the server answered 5xx early, or the attempt timed out — so the
        /// server cannot have received the whole request and did not act on it. Nothing needs
        /// reading back; it is safe to send again. Not retried automatically.
        public static let requestInterrupted = Code(base: .requestInterrupted)

        /// The code's name, suitable as a bounded metric label.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// The endpoint template, such as `GET /applications/{id}`, when a request was involved.
    public var endpoint: String?
    /// The HTTP status, when the server answered.
    public var status: Int?
    /// How long the server asked the client to wait (from `Retry-After`), for ``Code-swift.struct/rateLimited``.
    public var retryAfter: Duration?
    /// The field that could not be read, for ``Code-swift.struct/malformedResponse``.
    public var field: String?
    /// At most ``TrackerAPIError/excerptLimit`` characters of the response body, secrets removed.
    public var bodyExcerpt: String?
    /// A short description of the underlying cause (a transport error, a JSON syntax error).
    public var underlying: String?
    /// How many attempts were made.
    public var attempts: Int

    /// The longest body excerpt kept in an error.
    public static let excerptLimit = 300

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - endpoint: The endpoint template.
    ///   - status: The HTTP status.
    ///   - retryAfter: The wait the server asked for.
    ///   - field: The field that could not be read.
    ///   - bodyExcerpt: A bounded excerpt of the body; it is truncated to ``excerptLimit``.
    ///   - underlying: A short description of the cause.
    ///   - attempts: How many attempts were made.
    public init(
        code: Code,
        endpoint: String? = nil,
        status: Int? = nil,
        retryAfter: Duration? = nil,
        field: String? = nil,
        bodyExcerpt: String? = nil,
        underlying: String? = nil,
        attempts: Int = 1
    ) {
        self.code = code
        self.endpoint = endpoint
        self.status = status
        self.retryAfter = retryAfter
        self.field = field
        self.bodyExcerpt = bodyExcerpt.map { String($0.prefix(Self.excerptLimit)) }
        self.underlying = underlying
        self.attempts = attempts
    }
}
