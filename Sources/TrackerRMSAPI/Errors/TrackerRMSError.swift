/// An error from the Tracker RMS wire library.
///
/// A public struct with an open ``Code-swift.struct``, so that adding a kind is not a breaking
/// change. It never carries a credential: messages from the server are shown only after every
/// secret the client holds has been replaced by `<redacted>`.
public struct TrackerRMSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a small open set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case authenticationFailed, userInactive, recordExists, invalidRequest, recordNotFound
            case httpStatus, rateLimited, transportFailure, timedOut, malformedResponse, outcomeUnknown
            case cancelled, invalidConfiguration, invalidArgument, notSupported
        }
        private let base: Base

        /// Status 1: the credentials are unknown or wrong (or the account is in another region).
        public static let authenticationFailed = Code(base: .authenticationFailed)
        /// Status 2: the user exists but is not active.
        public static let userInactive = Code(base: .userInactive)
        /// Status 3: the record exists and cannot be overwritten.
        public static let recordExists = Code(base: .recordExists)
        /// Status 99 (after the retries): the server called the request invalid.
        public static let invalidRequest = Code(base: .invalidRequest)
        /// The record asked for does not exist (status 99 or an empty result for one id).
        public static let recordNotFound = Code(base: .recordNotFound)
        /// An HTTP status other than 200 that is not retried or outlasted the retries.
        public static let httpStatus = Code(base: .httpStatus)
        /// HTTP 429 whose `Retry-After` is longer than the policy waits out, or retries ran out on 429s.
        public static let rateLimited = Code(base: .rateLimited)
        /// The connection failed.
        public static let transportFailure = Code(base: .transportFailure)
        /// The call's deadline passed.
        public static let timedOut = Code(base: .timedOut)
        /// The reply was not the JSON envelope (HTML from a proxy, cut short, or another shape).
        public static let malformedResponse = Code(base: .malformedResponse)
        /// A write failed in a way that leaves unknown whether it took effect, and it could not be
        /// checked; look before repeating it.
        public static let outcomeUnknown = Code(base: .outcomeUnknown)
        /// The task was cancelled.
        public static let cancelled = Code(base: .cancelled)
        /// The configuration cannot work (bad URL, empty credentials, bad numbers).
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// An argument was refused before anything was sent.
        public static let invalidArgument = Code(base: .invalidArgument)
        /// The server or the configuration does not offer the operation.
        public static let notSupported = Code(base: .notSupported)

        /// The code's name, bounded (usable as a metric label).
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// The widget operation (or REST call), such as `getRecords`.
    public var operation: String
    /// The reply's `status` when the server sent the envelope.
    public var rmsStatus: Int?
    /// The HTTP status when one arrived.
    public var httpStatus: Int?
    /// The server's `message` (or `Message`), secrets removed. Shown, never matched on.
    public var serverMessage: String?
    /// What the library adds: the cause in plain words and what to do.
    public var detail: String?
    /// How many attempts were made.
    public var attempts: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - operation: The operation.
    ///   - rmsStatus: The envelope status.
    ///   - httpStatus: The HTTP status.
    ///   - serverMessage: The server's message (already redacted).
    ///   - detail: The cause and what to do.
    ///   - attempts: The attempts made.
    public init(
        code: Code, operation: String, rmsStatus: Int? = nil, httpStatus: Int? = nil, serverMessage: String? = nil,
        detail: String? = nil, attempts: Int = 1
    ) {
        self.code = code
        self.operation = operation
        self.rmsStatus = rmsStatus
        self.httpStatus = httpStatus
        self.serverMessage = serverMessage
        self.detail = detail
        self.attempts = attempts
    }

    /// A short, bounded label for metrics and logs: the code's name.
    public var shortDescription: String { code.description }

    /// One paragraph a person can act on.
    public var description: String {
        var parts = ["Tracker RMS \(operation) failed: \(Self.summary(code))"]
        if let rmsStatus { parts.append("(status \(rmsStatus))") }
        if let httpStatus, httpStatus != 200 || rmsStatus == nil { parts.append("(HTTP \(httpStatus))") }
        var text = parts.joined(separator: " ")
        if let serverMessage, !serverMessage.isEmpty { text += "; the server said: \"\(serverMessage)\"" }
        if let detail, !detail.isEmpty { text += "; \(detail)" }
        if attempts > 1 { text += " (after \(attempts) attempts)" }
        return text
    }

    private static func summary(_ code: Code) -> String {
        switch code {
        case .authenticationFailed:
            return "the credentials were not accepted (unknown user, wrong password or API key, or an account"
                + " in another region: US accounts use https://evoapius.tracker-rms.com, Canadian ones"
                + " https://evoapica.tracker-rms.com, all others https://evoapi.tracker-rms.com)"
        case .userInactive: return "the user is not active in Tracker RMS; ask an administrator to activate it"
        case .recordExists: return "the record already exists and was not overwritten"
        case .invalidRequest: return "the server called the request invalid"
        case .recordNotFound: return "no such record"
        case .httpStatus: return "the server answered with an HTTP error"
        case .rateLimited: return "the server kept refusing requests as too many (rate limit)"
        case .transportFailure: return "the connection failed"
        case .timedOut: return "no answer within the call's deadline"
        case .malformedResponse: return "the reply was not Tracker RMS's JSON envelope"
        case .outcomeUnknown:
            return "the write may or may not have taken effect (the answer was lost); check before repeating it"
        case .cancelled: return "cancelled"
        case .invalidConfiguration: return "the configuration is invalid"
        case .invalidArgument: return "an argument was refused before sending"
        case .notSupported: return "not supported"
        default: return code.description
        }
    }
}
