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
    /// Wall time in the account's zone without an offset, `2024-03-01T09:15:00` (what the seeds say
    /// Tracker really does).
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
