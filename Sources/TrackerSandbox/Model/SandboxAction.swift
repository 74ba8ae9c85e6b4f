public import Foundation

/// A workflow action (`POST /actions`, or created by a trigger).
public struct SandboxAction: Sendable, Hashable, Identifiable {
    /// The action's id.
    public var id: Int
    /// The trigger that created the action, if any.
    public var triggerID: Int?
    /// The action type in snake case, e.g. `tag_app` (the wire shows it as `TagApp`).
    public var type: String
    /// The action data as sent.
    public var data: SandboxJSON
    /// When the action ran; `nil` while it is pending.
    public var executedAt: Date?
    /// Why the action failed, if it did (set together with `executedAt`).
    public var error: String?
    /// When the action was created.
    public var createdAt: Date
    /// When the action last changed.
    public var updatedAt: Date
    /// When the action becomes due to run.
    public var dueAt: Date

    /// Whether the action has run (successfully or not).
    public var isExecuted: Bool { executedAt != nil }
}

/// A workflow trigger: when `eventType` happens and `conditions` hold, an action of `actionType`
/// with `data` is created for the application.
public struct SandboxTrigger: Sendable, Hashable, Identifiable {
    /// The trigger's id.
    public var id: Int
    /// The event that fires the trigger.
    public var eventType: String
    /// The action the trigger creates.
    public var actionType: String
    /// The action data (without the application id, which the event supplies).
    public var data: SandboxJSON
    /// The JSON-logic conditions, or `nil` for "always".
    public var conditions: SandboxJSON?
    /// When the trigger was created.
    public var createdAt: Date
}

/// A webhook subscription (`POST /webhooks`).
public struct SandboxWebhook: Sendable, Hashable, Identifiable {
    /// The subscription's id.
    public var id: Int
    /// Where deliveries are POSTed.
    public var url: String
    /// The event name subscribed to.
    public var event: String
    /// When the subscription was created.
    public var createdAt: Date
}

/// One webhook delivery and its attempts.
public struct SandboxWebhookDelivery: Sendable, Hashable, Identifiable {
    /// The delivery's id.
    public var id: Int
    /// The subscription delivered to.
    public var webhookID: Int
    /// The URL delivered to.
    public var url: String
    /// The event name.
    public var event: String
    /// The exact body sent, `{"event_name": ..., "application": {...}}`.
    public var body: String
    /// The `X-ATS-Signature` header sent: the password and the body combined by the configured
    /// ``SandboxConfiguration/webhookSignatureConstruction`` (HMAC-SHA256 by default), as hex.
    public var signature: String
    /// The `X-Hub-Signature` header sent: hex SHA-256 of the API password.
    public var hubSignature: String
    /// The HTTP status of each attempt, or 0 when the attempt got no answer.
    public var attemptStatuses: [Int]
    /// Whether an attempt got 200 or 201.
    public var isDelivered: Bool
    /// Whether the sandbox stopped trying (delivered, or out of attempts).
    public var isFinished: Bool
}

/// A dashboard notification posted by a `post_dashboard_notification` action.
public struct SandboxNotification: Sendable, Hashable {
    /// The action that posted it.
    public var actionID: Int
    /// The message.
    public var message: String
    /// When it was posted.
    public var createdAt: Date
}

/// One request the sandbox answered, for tests that check what a client sent.
public struct SandboxRequestLogEntry: Sendable, Hashable {
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// The path without the query, e.g. `/api/v1/applications`.
    public var path: String
    /// The raw query string, without `?`, or `""`.
    public var query: String
    /// The status the sandbox answered with (for a connection closed mid-body, the status of the
    /// head that was sent before the connection closed).
    public var status: Int
    /// The fault injected into the response, if any.
    public var fault: SandboxFault?
    /// The artificial latency added to the response.
    public var latency: Duration
}
