import ATSCore
import TrackerRMSAPI

/// Turns the wire library's errors into ``ATSCore/ATSError``, keeping the wire error underneath.
enum RMSErrors {
    /// The neutral error for a failure of `operation`; cancellation stays `CancellationError`.
    static func map(_ error: any Error, operation: ATSOperation) -> any Error {
        if error is ATSError || error is CancellationError { return error }
        guard let wire = error as? TrackerRMSError else {
            return ATSError(
                code: .providerError, operation: operation.rawValue, provider: .trackerRMS,
                message: "Tracker RMS \(operation.title.lowercased()) failed: \(error)")
        }
        if wire.code == .cancelled { return CancellationError() }
        let code: ATSError.Code
        var suggestion: String?
        switch wire.code {
        case .authenticationFailed, .userInactive:
            code = .unauthorized
            suggestion = "Check the API key (or username and password) and that the base URL is the account's region."
        case .recordExists: code = .conflict
        case .recordNotFound: code = .notFound
        case .rateLimited:
            code = .rateLimited
            suggestion = "Slow down (a lower rate limit) and run again."
        case .transportFailure, .timedOut:
            code = .transport
            suggestion = "Check the network and the base URL, then run again."
        case .outcomeUnknown:
            code = .outcomeUnknown
            suggestion = "Read the record back before repeating the write."
        case .invalidConfiguration, .invalidArgument: code = .invalidInput
        case .notSupported: code = .notSupported
        case .httpStatus where wire.httpStatus == 404: code = .endpointMissing
        default: code = .providerError
        }
        return ATSError(
            code: code, operation: operation.rawValue, provider: .trackerRMS, message: wire.description,
            reason: code == .notSupported ? (wire.detail ?? wire.description) : nil, suggestion: suggestion,
            underlying: wire)
    }

    /// Runs `work`, mapping its failures.
    static func mapping<T>(_ operation: ATSOperation, _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch {
            throw map(error, operation: operation)
        }
    }

    /// The error for a record that does not exist.
    static func notFound(_ what: String, id: String, operation: ATSOperation) -> ATSError {
        ATSError(
            code: .notFound, operation: operation.rawValue, provider: .trackerRMS,
            message: "Tracker RMS has no \(what) with id \(id).",
            suggestion: "Check the id; these credentials may also not see the record.")
    }

    /// The error for input refused before sending.
    static func invalidInput(_ message: String, operation: ATSOperation, suggestion: String? = nil) -> ATSError {
        ATSError(
            code: .invalidInput, operation: operation.rawValue, provider: .trackerRMS, message: message,
            suggestion: suggestion)
    }
}
