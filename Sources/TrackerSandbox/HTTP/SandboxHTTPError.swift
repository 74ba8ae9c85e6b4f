/// A request the sandbox refuses; rendered as `{"error": "..."}` with the status.
struct SandboxHTTPError: Error, Sendable {
    var status: Int
    var message: String
    var headers: [(name: String, value: String)] = []

    static func badRequest(_ message: String) -> Self { Self(status: 400, message: message) }
    static func forbidden(_ message: String) -> Self { Self(status: 403, message: message) }
    static func notFound(_ message: String) -> Self { Self(status: 404, message: message) }
    static func unprocessable(_ message: String) -> Self { Self(status: 422, message: message) }
    static func payloadTooLarge(_ message: String) -> Self { Self(status: 413, message: message) }
    static func unsupportedMediaType(_ message: String) -> Self { Self(status: 415, message: message) }

    static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> Self {
        Self(
            status: 405,
            message: "\(method) is not supported on \(path); use \(allowed.joined(separator: " or "))",
            headers: [("Allow", allowed.joined(separator: ", "))]
        )
    }
}
