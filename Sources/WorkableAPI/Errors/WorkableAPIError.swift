/// The one error type WorkableAPI throws.
///
/// Switch on ``code``; read ``description`` for a message that says what happened and what to do.
/// No message ever contains the token: server texts and body excerpts are bounded and scrubbed of
/// it before they are stored here, and an HTML page is reported by its status and a short excerpt.
public struct WorkableAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an open set of codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unauthorized, forbidden, notFound, conflict, validationFailed, badRequest, rateLimited
            case serverError, malformedResponse, transportFailure, timedOut, cancelled, outcomeUnknown
            case requestRejected, invalidConfiguration, fileURLExpired, fileRequestRefused
        }
        private let base: Base

        /// 401: the token is missing or wrong.
        public static let unauthorized = Code(base: .unauthorized)
        /// 403: the token lacks a scope the call needs; no retry fixes it.
        public static let forbidden = Code(base: .forbidden)
        /// 404: unknown id, shortcode or path.
        public static let notFound = Code(base: .notFound)
        /// 409: a duplicate (a subscription to the same target and event).
        public static let conflict = Code(base: .conflict)
        /// 422: the server refused the values; ``WorkableAPIError/validationErrors`` lists each field.
        public static let validationFailed = Code(base: .validationFailed)
        /// 400: the body was not accepted.
        public static let badRequest = Code(base: .badRequest)
        /// 429 answers continued past the retries or the deadline.
        public static let rateLimited = Code(base: .rateLimited)
        /// 5xx after every allowed retry.
        public static let serverError = Code(base: .serverError)
        /// A 2xx whose body is not the endpoint's shape (or is HTML).
        public static let malformedResponse = Code(base: .malformedResponse)
        /// The connection failed and retries did not help.
        public static let transportFailure = Code(base: .transportFailure)
        /// The call's one deadline passed.
        public static let timedOut = Code(base: .timedOut)
        /// The calling task was cancelled.
        public static let cancelled = Code(base: .cancelled)
        /// A write was sent but no clear answer came back (5xx, timeout, dropped connection): the
        /// server may have acted. Read the record before sending it again.
        public static let outcomeUnknown = Code(base: .outcomeUnknown)
        /// Another 4xx.
        public static let requestRejected = Code(base: .requestRejected)
        /// The configuration cannot work.
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// A pre-signed file URL was refused as expired or altered (403): ask the API for a fresh one.
        public static let fileURLExpired = Code(base: .fileURLExpired)
        /// The file host refused the request itself (400): pre-signed URLs take no extra headers.
        public static let fileRequestRefused = Code(base: .fileRequestRefused)

        /// The code's name, a bounded metric label.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// The call, as a bounded template such as `GET /candidates/{id}`.
    public var endpoint: String
    /// The HTTP status, when an answer came.
    public var status: Int?
    /// The server's `error` text, scrubbed of the token.
    public var serverMessage: String?
    /// 422's `validation_errors`: each field with its messages.
    public var validationErrors: [String: [String]]
    /// A short excerpt of a body that was not the expected JSON (never a whole page).
    public var bodyExcerpt: String?
    /// The scope the call needs, named on 403.
    public var requiredScope: String?
    /// How many attempts were made.
    public var attempts: Int
    /// A short technical cause (transport reason, decoding problem).
    public var underlying: String?

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - endpoint: The call's template.
    ///   - status: The HTTP status.
    ///   - serverMessage: The server's text.
    ///   - validationErrors: Each refused field with its messages.
    ///   - bodyExcerpt: A short excerpt of an unexpected body.
    ///   - underlying: A short technical cause.
    public init(
        code: Code, endpoint: String = "", status: Int? = nil, serverMessage: String? = nil,
        validationErrors: [String: [String]] = [:], bodyExcerpt: String? = nil, underlying: String? = nil
    ) {
        self.code = code
        self.endpoint = endpoint
        self.status = status
        self.serverMessage = serverMessage
        self.validationErrors = validationErrors
        self.bodyExcerpt = bodyExcerpt
        self.requiredScope = nil
        self.attempts = 1
        self.underlying = underlying
    }

    /// What happened and what to do, in one paragraph.
    public var description: String {
        var text = "Workable \(endpoint.isEmpty ? "request" : endpoint): " + summary
        if let status { text += " (HTTP \(status))" }
        if let serverMessage { text += "; the server said: \(serverMessage)" }
        if !validationErrors.isEmpty {
            let fields = validationErrors.keys.sorted().map { field in
                "\(field): \(validationErrors[field, default: []].joined(separator: ", "))"
            }
            text += "; refused fields: " + fields.joined(separator: "; ")
        }
        if let bodyExcerpt { text += "; the body began: \(bodyExcerpt)" }
        if let underlying { text += "; cause: \(underlying)" }
        if attempts > 1 { text += "; after \(attempts) attempts" }
        return text + ". " + advice
    }

    private var summary: String {
        switch code {
        case .unauthorized: "the token was not accepted"
        case .forbidden: "the token is not allowed to do this"
        case .notFound: "not found"
        case .conflict: "it already exists"
        case .validationFailed: "the server refused the values"
        case .badRequest: "the server could not read the request"
        case .rateLimited: "the account's rate limit kept refusing the request"
        case .serverError: "the server failed"
        case .malformedResponse: "the answer could not be read"
        case .transportFailure: "the connection failed"
        case .timedOut: "no answer within the deadline"
        case .cancelled: "cancelled"
        case .outcomeUnknown: "the write was sent but its outcome is unknown"
        case .invalidConfiguration: "the configuration cannot work"
        case .fileURLExpired: "the file's pre-signed URL has expired or was altered"
        case .fileRequestRefused: "the file host refused the request"
        default: "the server refused the request"
        }
    }

    private var advice: String {
        switch code {
        case .unauthorized:
            "Check the API token (Workable: Settings → Integrations → API access tokens)."
        case .forbidden:
            if let requiredScope {
                "Scopes are fixed when a token is made: create a token with the `\(requiredScope)` scope."
            } else {
                "Scopes are fixed when a token is made: create a token with the scopes this needs."
            }
        case .notFound: "Check the id, shortcode or base URL."
        case .validationFailed, .badRequest, .requestRejected: "Correct the values named above and try again."
        case .rateLimited: "Wait a little and run again; other clients may share this token's limit."
        case .serverError, .transportFailure, .timedOut: "Try again later."
        case .malformedResponse: "Check that the base URL is the SPI v3 root (https://SUBDOMAIN.workable.com/spi/v3)."
        case .outcomeUnknown: "Read the record to see whether the change was made before sending it again."
        case .fileURLExpired: "Fetch the candidate's files again for a fresh URL."
        default: ""
        }
    }
}
