import ATSCore
import WorkableAPI

/// `WorkableAPIError` in ATSKit's vocabulary: what happened, to what, and what to do.
enum WorkableErrors {
    /// Runs `body`, translating its Workable errors.
    static func translating<Value>(
        _ operation: ATSOperation, subject: String, isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Value
    ) async throws -> Value {
        do {
            return try await body()
        } catch {
            throw translate(error, operation: operation.rawValue, subject: subject)
        }
    }

    /// One error as an `ATSError` (a cancellation stays a `CancellationError`).
    static func translate(_ error: any Error, operation: String, subject: String) -> any Error {
        if error is CancellationError || error is ATSError { return error }
        guard let wire = error as? WorkableAPIError else {
            return ATSError(
                code: .providerError, operation: operation, provider: .workable,
                message: "Reading \(subject) failed: \(error).")
        }
        if wire.code == .cancelled { return CancellationError() }
        let code: ATSError.Code
        var suggestion: String?
        switch wire.code {
        case .unauthorized, .forbidden:
            code = .unauthorized
        case .notFound:
            code = .notFound
            suggestion = "Check the id: Workable application ids are candidate record ids, job ids are shortcodes."
        case .conflict: code = .conflict
        case .validationFailed, .badRequest, .requestRejected, .invalidConfiguration: code = .invalidInput
        case .rateLimited: code = .rateLimited
        case .transportFailure: code = .transport
        case .timedOut: code = .timedOut
        case .outcomeUnknown: code = .outcomeUnknown
        default: code = .providerError
        }
        return ATSError(
            code: code, operation: operation, provider: .workable,
            message: "Workable, \(subject): \(wire.description)", suggestion: suggestion, underlying: wire)
    }

    /// Whether an error is Workable's 404.
    static func isNotFound(_ error: any Error) -> Bool {
        (error as? WorkableAPIError)?.code == .notFound || (error as? ATSError)?.code == .notFound
    }
}
