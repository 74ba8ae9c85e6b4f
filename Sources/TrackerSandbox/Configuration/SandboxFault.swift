/// A way the sandbox can fail a request on purpose, as a flaky server or proxy would.
public enum SandboxFault: String, Sendable, CaseIterable, Hashable {
    /// `500 Internal Server Error` with a JSON error body. The request has no effect.
    case serverError = "server-error"
    /// `502 Bad Gateway` with an HTML body, as a proxy sends it. The request has no effect.
    case badGatewayHTML = "bad-gateway-html"
    /// The real response's head and half its body, then the connection closes. The request has
    /// taken effect (the server did the work; the network lost the answer).
    case connectionClosedMidBody = "connection-closed"
    /// `200` whose body is the real JSON cut in half, with a matching `Content-Length`. The request
    /// has taken effect.
    case truncatedJSON = "truncated-json"
    /// `200` with an HTML maintenance page instead of JSON. The request has no effect.
    case nonJSONSuccess = "non-json-200"
}

/// The sandbox's timestamp rendering for jobs, applications, notes and files.
public enum SandboxTimestampMode: String, Sendable, CaseIterable, Hashable {
    /// Wall time in the account's zone without an offset, `2024-03-01T09:15:00` (what integrations
    /// report Tracker doing).
    case naiveLocal = "naive-local"
    /// UTC with a `Z`, `2024-03-01T17:15:00Z`.
    case utc
}

/// How a single-record GET (`/jobs/{id}`, `/applications/{id}`) answers.
public enum SandboxSingleRecordShape: String, Sendable, CaseIterable, Hashable {
    /// A JSON object.
    case object
    /// A one-element JSON array, as the legacy API did.
    case array
}

/// When queued workflow actions run.
public enum SandboxActionExecution: String, Sendable, CaseIterable, Hashable {
    /// A background task runs each action once its delay has passed on the sandbox clock.
    case automatic
    /// Actions run only when a test calls ``SandboxControl/runDueActions()`` or
    /// ``SandboxControl/runAllPendingActions()``.
    case manual
}

/// Whether the endpoints Tracker does not document exist, and how a missing one answers.
///
/// A real account may lack any endpoint the vendor does not document; a client must still do every job that does not need it. With this knob the sandbox
/// becomes such a server. The affected endpoints are ``SandboxOptionalEndpoint/all``.
public enum SandboxModelEndpoints: String, Sendable, CaseIterable, Hashable {
    /// Every endpoint answers as modelled (the default).
    case present
    /// Every undocumented endpoint answers `404` with a JSON error body, as an API server without the route does.
    case missingJSON = "missing-json"
    /// Every undocumented endpoint answers `404` with an HTML page, as a web server or proxy in front does.
    case missingHTML = "missing-html"
}

/// One endpoint of the sandbox that Tracker does not document, and so may
/// be missing on a real account.
public struct SandboxOptionalEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP method.
    public var method: String
    /// The path below `/api/v1`, with `{id}` for a record id.
    public var template: String

    /// `GET /triggers`.
    public var description: String { "\(method) \(template)" }

    /// Every optional endpoint: the operations `docs/tracker-api.openapi.yaml` marks `model`
    /// (creating and editing applications, adding notes, uploading, downloading and deleting files,
    /// listing and deleting triggers, listing and deleting webhooks, users), and the custom-field
    /// schemas, which Tracker documents but a server with only the documented core may lack.
    public static let all: [SandboxOptionalEndpoint] = [
        .init(method: "POST", template: "/applications"),
        .init(method: "PUT", template: "/applications/{id}"),
        .init(method: "GET", template: "/applications/custom_fields_schema"),
        .init(method: "PUT", template: "/applications/custom_fields_schema"),
        .init(method: "GET", template: "/jobs/custom_fields_schema"),
        .init(method: "PUT", template: "/jobs/custom_fields_schema"),
        .init(method: "POST", template: "/notes"),
        .init(method: "POST", template: "/files"),
        .init(method: "GET", template: "/files/{id}/download"),
        .init(method: "DELETE", template: "/files/{id}"),
        .init(method: "GET", template: "/triggers"),
        .init(method: "DELETE", template: "/triggers/{id}"),
        .init(method: "GET", template: "/webhooks"),
        .init(method: "DELETE", template: "/webhooks/{id}"),
        .init(method: "GET", template: "/users"),
    ]

    /// Whether a request's method and API segments (below `/api/v1`) name this endpoint.
    func matches(method: String, segments: [Substring]) -> Bool {
        guard method == self.method else { return false }
        let parts = template.split(separator: "/")
        guard parts.count == segments.count else { return false }
        for (part, segment) in zip(parts, segments) where part != "{id}" && part != segment {
            return false
        }
        // `{id}` must not swallow a named sibling such as `/applications/custom_fields_schema`.
        for (part, segment) in zip(parts, segments) where part == "{id}" && !segment.allSatisfy(\.isNumber) {
            return false
        }
        return true
    }
}
