/// The error every ``ATSClient`` operation throws.
///
/// A struct with an open ``Code`` rather than an enum, so that adding a code is not a breaking
/// change. The ``description`` is written for a person: what happened and what to do. It never
/// contains credentials.
public struct ATSError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public let rawValue: String
        /// Creates a code from its stable name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The provider cannot do this at all; ``ATSError/reason`` says why.
        public static let notSupported = Code(rawValue: "not_supported")
        /// The record does not exist (or is not visible to these credentials).
        public static let notFound = Code(rawValue: "not_found")
        /// The provider's server does not offer an endpoint this operation needs (it answered 404 for
        /// the endpoint, not for a record): an optional endpoint the account lacks, or a wrong base URL.
        public static let endpointMissing = Code(rawValue: "endpoint_missing")
        /// The caller's input was rejected before anything was sent.
        public static let invalidInput = Code(rawValue: "invalid_input")
        /// The credentials were refused.
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// The provider asked us to slow down and the retry budget ran out.
        public static let rateLimited = Code(rawValue: "rate_limited")
        /// A precondition did not hold (for example, the application had already left the expected stage).
        public static let conflict = Code(rawValue: "conflict")
        /// The provider answered with an error or an unreadable response.
        public static let providerError = Code(rawValue: "provider_error")
        /// The provider could not be reached.
        public static let transport = Code(rawValue: "transport")
        /// A write was sent but its outcome is unknown; read the record back before retrying.
        public static let outcomeUnknown = Code(rawValue: "outcome_unknown")
        /// A write was cut off before the provider received all of it, so it did not take effect;
        /// sending it again cannot make a duplicate.
        public static let notApplied = Code(rawValue: "not_applied")
        /// An awaited asynchronous change did not happen before the deadline.
        public static let timedOut = Code(rawValue: "timed_out")

        /// The stable name.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// The operation that failed, named as in the coverage matrix (for example `dispositionReasons`).
    public var operation: String
    /// The provider the operation was sent to.
    public var provider: ATSProvider?
    /// What happened, for a person.
    public var message: String
    /// Why the provider cannot do this, for ``Code/notSupported``.
    public var reason: String?
    /// What to try next, for a person.
    public var suggestion: String?
    /// The lower-level error, when there is one (for example a transport error).
    public var underlying: (any Error & Sendable)?

    /// Creates an error.
    public init(
        code: Code,
        operation: String,
        provider: ATSProvider? = nil,
        message: String,
        reason: String? = nil,
        suggestion: String? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.operation = operation
        self.provider = provider
        self.message = message
        self.reason = reason
        self.suggestion = suggestion
        self.underlying = underlying
    }

    /// The error a provider gives for an operation its API cannot perform.
    /// - Parameters:
    ///   - operation: The operation asked for.
    ///   - provider: The provider that cannot perform it.
    ///   - reason: Why, in one sentence a person can act on.
    /// - Returns: An error whose code is ``Code/notSupported``.
    public static func notSupported(_ operation: ATSOperation, provider: ATSProvider, reason: String) -> ATSError {
        ATSError(
            code: .notSupported,
            operation: operation.rawValue,
            provider: provider,
            message: "\(provider) does not support \(operation.title.lowercased()).",
            reason: reason
        )
    }

    /// One paragraph: the message, the reason and the suggestion.
    public var description: String {
        var parts = [message]
        if let reason { parts.append(reason) }
        if let suggestion { parts.append(suggestion) }
        return parts.joined(separator: " ")
    }
}
