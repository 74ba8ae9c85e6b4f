import ATSCore
import TrackerAPI

extension TrackerATSClient {
    /// Runs a call and translates what it throws into `ATSError` (cancellation stays
    /// `CancellationError`).
    func translating<T>(
        _ operation: ATSOperation,
        subject: String? = nil,
        _ body: () async throws -> T
    ) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Self.translate(error, operation: operation, subject: subject)
        }
    }

    /// The `ATSError` for a failure of `operation` on `subject` (such as "job 12").
    static func translate(_ error: any Error, operation: ATSOperation, subject: String? = nil) -> any Error {
        if error is ATSError || error is CancellationError { return error }
        guard let failure = error as? TrackerAPIError else {
            return ATSError(
                code: .providerError, operation: operation.rawValue, provider: .tracker,
                message: "Reading from Tracker failed: \(error).", underlying: SendableDescription(error)
            )
        }
        let what = subject ?? operation.title.lowercased()
        func make(_ code: ATSError.Code, _ message: String, _ suggestion: String?) -> ATSError {
            ATSError(
                code: code, operation: operation.rawValue, provider: .tracker, message: message,
                suggestion: suggestion, underlying: failure
            )
        }
        switch failure.code {
        case .cancelled:
            return CancellationError()
        case .notFound:
            let endpoint = failure.endpoint.map { " (\($0) answered 404 Not Found)" } ?? ""
            return make(
                .notFound, "Tracker has no \(what)\(endpoint).",
                "Check the id; the record may have been deleted."
                    + (failure.endpoint.map { " If it exists, this server does not offer \($0)." } ?? ""))
        case .endpointNotFound:
            let endpoint = failure.endpoint ?? "the endpoint"
            let needer = subject ?? "“\(operation.title)”"
            let generic =
                "Check the base URL: Tracker's API root ends in /api/v1 (such as "
                + "https://api.applicant-tracking.com/api/v1). If other commands work, this account does not have "
                + "\(endpoint)."
            let suggestion: String
            if let cause = failure.underlying {
                let sentence = cause.prefix(1).uppercased() + cause.dropFirst() + (cause.hasSuffix(".") ? "" : ".")
                suggestion =
                    cause.contains("ends in /api/v1") ? sentence + " Correct the base URL." : sentence + " " + generic
            } else {
                suggestion = generic
            }
            return make(
                .endpointMissing,
                "This Tracker server does not offer \(endpoint) (it answered 404 Not Found), which \(needer) needs.",
                suggestion)
        case .unauthorized, .forbidden:
            return make(
                .unauthorized, "Tracker refused the credentials (HTTP \(failure.status ?? 403)) for \(what).",
                "Check the API key and password on Tracker's \"Account Details → API\" page."
            )
        case .rateLimited:
            return make(
                .rateLimited, "Tracker kept answering \"too many requests\" for \(what).",
                "Wait a minute and try again, or lower the request rate.")
        case .transportFailure, .timedOut:
            return make(
                .transport, "Tracker could not be reached for \(what): \(failure.underlying ?? "\(failure.code)").",
                "Check the base URL and the network, then try again.")
        case .outcomeUnknown:
            return make(
                .outcomeUnknown, "The answer to \(what) was lost; Tracker may or may not have acted.",
                "Read the record back before trying again.")
        case .requestInterrupted:
            return make(
                .notApplied,
                "Tracker did not receive all of \(what) (\(failure.underlying ?? "the request was cut off")), so it "
                    + "did not act on it.",
                "Nothing was stored: send it again.")
        case .invalidConfiguration:
            return make(.invalidInput, "The Tracker connection settings cannot work: \(failure).", nil)
        default:
            return make(.providerError, "Tracker answered \(what) with an error: \(failure).", nil)
        }
    }
}

/// Keeps a non-`Sendable` error's description as the underlying error.
struct SendableDescription: Error, Sendable, CustomStringConvertible {
    let description: String

    init(_ error: any Error) {
        description = String(describing: error)
    }
}
