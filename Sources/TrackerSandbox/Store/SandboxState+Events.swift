internal import Foundation

extension SandboxState {
    /// How deep trigger chains go: an action created by a trigger may fire further triggers, but a
    /// chain stops after this many links, so two triggers that undo each other cannot loop forever.
    static let maximumTriggerDepth = 3
    /// How many emitted events the state remembers for tests.
    static let eventHistoryLimit = 10_000

    /// Records a workflow event for an application and fires the triggers that follow it (creating
    /// actions). Webhooks subscribe to other names (``deliverWebhook(_:applicationID:)``).
    mutating func emit(_ event: String, applicationID: Int, depth: Int) {
        workflow.events.append((event, applicationID))
        if workflow.events.count > Self.eventHistoryLimit {
            workflow.events.removeFirst(workflow.events.count - Self.eventHistoryLimit)
        }
        guard let application = application(applicationID) else { return }
        let triggers = workflow.triggers.filter { $0.eventType == event }
        if depth < Self.maximumTriggerDepth, !triggers.isEmpty {
            let data = SandboxJSON.object([
                "app": logicValue(of: application),
                "job": job(application.jobID).map(logicValue(of:)) ?? .null,
            ])
            for trigger in triggers where JSONLogic.holds(trigger.conditions, data: data) {
                var actionData = trigger.data
                if let spec = ActionCatalogue.spec(trigger.actionType) {
                    let names = spec.actionRequired.map(\.name) + spec.optional.map(\.name)
                    if names.contains("app_id") { actionData = actionData.setting("app_id", to: .int(applicationID)) }
                    if names.contains("job_id") {
                        actionData = actionData.setting("job_id", to: .int(application.jobID))
                    }
                }
                createAction(type: trigger.actionType, data: actionData, triggerID: trigger.id, depth: depth + 1)
            }
        }
    }

    /// Queues a delivery of a webhook event (``WebhookEventCatalogue``) for every webhook
    /// subscribed to it.
    mutating func deliverWebhook(_ event: String, applicationID: Int) {
        let hooks = workflow.webhooks.filter { $0.event == event }
        guard !hooks.isEmpty, let application = application(applicationID) else { return }
        var writer = JSONWriter(capacity: 1024)
        writer.beginObject()
        writer.key("event_name")
        writer.string(event)
        writer.key("application")
        renderContext.write(application, to: &writer)
        writer.endObject()
        let body = writer.bytes
        let password = Array(configuration.apiPassword.utf8)
        let signature = SandboxWebhookSignature.signature(
            configuration.webhookSignatureConstruction, password: password, body: body)
        let hubSignature = SandboxWebhookSignature.hubSignature(password: password)
        let text = String(decoding: body, as: UTF8.self)
        for hook in hooks {
            let id = workflow.deliveries.count + 1
            workflow.deliveries.append(
                SandboxWebhookDelivery(
                    id: id, webhookID: hook.id, url: hook.url, event: event, body: text, signature: signature,
                    hubSignature: hubSignature,
                    attemptStatuses: [], isDelivered: false, isFinished: false
                )
            )
            workflow.deliveryDue[id] = .now
        }
    }

    /// An application as JSON-logic sees it (`{"app": "status"}` and friends).
    func logicValue(of application: SandboxApplication) -> SandboxJSON {
        .object([
            "id": .int(application.id),
            "job_id": .int(application.jobID),
            "first_name": .string(application.firstName),
            "last_name": .string(application.lastName),
            "email": application.email.map(SandboxJSON.string) ?? .null,
            "phone": application.phone.map(SandboxJSON.string) ?? .null,
            "status": .string(application.status),
            "rating": application.rating.map(SandboxJSON.int) ?? .null,
            "source": application.source.map(SandboxJSON.string) ?? .null,
            "archived": .bool(application.archived),
            "tags": .array(application.tags.map(SandboxJSON.string)),
            "custom_fields": .object(
                application.customFields.sorted { $0.key < $1.key }.map { .init($0.key, $0.value) }),
        ])
    }

    /// A job as JSON-logic sees it (`{"job": "title"}`).
    func logicValue(of job: SandboxJob) -> SandboxJSON {
        .object([
            "id": .int(job.id),
            "title": .string(job.title),
            "status": .string(job.status),
            "category": .string(job.category),
            "city": .string(job.city),
            "state": .string(job.state),
            "remote": .bool(job.remote),
            "active": .bool(job.active),
            "hidden": .bool(job.hidden),
            "archived": .bool(job.archived),
            "custom_fields": .object(job.customFields.sorted { $0.key < $1.key }.map { .init($0.key, $0.value) }),
        ])
    }
}
