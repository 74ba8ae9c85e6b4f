extension TrackerAPIError {
    /// What happened, where, and what to try next, in one paragraph.
    public var description: String {
        var text = "Tracker API: " + summary
        if let endpoint, code != .endpointNotFound { text += " [\(endpoint)]" }
        if let status { text += " (HTTP \(status))" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        text += ". " + advice
        if let field { text += " Field: \(field)." }
        if let underlying {
            let cause = String(describing: underlying)
            text += " Cause: \(cause)" + (cause.hasSuffix(".") ? "" : ".")
        }
        if let bodyExcerpt, !bodyExcerpt.isEmpty { text += " Response began: \"\(bodyExcerpt)\"" }
        return text
    }

    private var summary: String {
        switch code {
        case .unauthorized: "the server did not accept the API key and password"
        case .forbidden: "the server refused access with these credentials"
        case .notFound: "the record was not found"
        case .endpointNotFound: "this server does not offer " + (endpoint ?? "the endpoint")
        case .rateLimited:
            "the server kept answering 429 Too Many Requests"
                + (retryAfter.map { " and asked to wait \(Self.format($0))" } ?? "")
        case .serverError: "the server failed to answer the request"
        case .malformedResponse: "the server's answer could not be read"
        case .transportFailure:
            underlying?.hasPrefix("connect") == true
                ? "the server could not be reached" : "the connection to the server failed"
        case .timedOut: "the call did not finish before its deadline"
        case .cancelled: "the call was cancelled"
        case .outcomeUnknown: "the request was sent but no answer arrived, so it may or may not have taken effect"
        case .requestRejected: "the server rejected the request as sent"
        case .invalidConfiguration: "the client configuration is not usable"
        case .requestBodyFailed: "the request's body could not be read, so the request was abandoned unfinished"
        case .requestInterrupted:
            "the request was cut off before all of its body was sent, so the server cannot have acted on it"
        default: "an error with code \(code) occurred"
        }
    }

    private var advice: String {
        switch code {
        case .unauthorized, .forbidden:
            "Check the API key and password on Tracker's Account Details → API page, and for partner keys the company id."
        case .notFound:
            "Check the id; the record may have been deleted. If it exists, this server does not offer "
                + (endpoint ?? "the endpoint") + "."
        case .endpointNotFound:
            "Check the base URL: Tracker's API root ends in /api/v1 (such as "
                + "https://api.applicant-tracking.com/api/v1). If other calls work, this account does not have "
                + (endpoint ?? "the endpoint") + "."
        case .rateLimited: "Wait, then lower the configured requests per second."
        case .serverError: "Tracker or a proxy in front of it is failing; try again later."
        case .malformedResponse:
            "The server may have changed its format or a proxy answered instead; report the excerpt below."
        case .transportFailure: "Check the network and the base URL, then try again."
        case .timedOut: "Try again, or raise the retry policy's overall timeout."
        case .cancelled: "Nothing needs doing unless the cancellation was unexpected."
        case .outcomeUnknown:
            "Read the resource back to see whether it exists before sending the request again."
        case .requestRejected: "Check the request's parameters against the reference."
        case .invalidConfiguration: "Fix the configuration value named in the cause."
        case .requestBodyFailed: "Check that the file is readable and not being changed, then send it again."
        case .requestInterrupted:
            "Nothing was stored: send it again. If it fails the same way, a proxy or the server may limit "
                + "the size or the duration of a request."
        default: "Try again."
        }
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds >= 10 ? "\(Int(seconds.rounded())) s" : "\((seconds * 10).rounded() / 10) s"
    }
}
