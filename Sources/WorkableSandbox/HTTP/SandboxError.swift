/// An error answer: status, Workable's `{"error": ...}` text and optional `validation_errors`.
struct SandboxError: Error, Sendable {
    var status: Int
    var message: String
    var validation: [(String, [String])]
    var headers: [(String, String)]

    init(_ status: Int, _ message: String, validation: [(String, [String])] = [], headers: [(String, String)] = []) {
        self.status = status
        self.message = message
        self.validation = validation
        self.headers = headers
    }

    static func validation(_ field: String, _ message: String) -> SandboxError {
        SandboxError(422, "Validation failed", validation: [(field, [message])])
    }

    static let notFound = SandboxError(404, "Not found")

    var json: JSONOut {
        var members: [(String, JSONOut)] = [("error", .text(message))]
        if !validation.isEmpty {
            members.append(("validation_errors", .object(validation.map { ($0.0, .list($0.1.map(JSONOut.text))) })))
        }
        return .object(members)
    }
}
