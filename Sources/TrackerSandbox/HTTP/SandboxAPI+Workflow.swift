internal import Foundation

/// Workflow endpoints: the action catalogue, events, actions, triggers and webhooks.
extension SandboxAPI {
    /// `GET /workflow/actions`.
    func actionCatalogue() -> SandboxReply {
        .json { ActionCatalogue.writeCatalogue(to: &$0) }
    }

    /// `GET /workflow/events`, optionally `?action_type=` for the events that action can follow.
    /// The body (not in Tracker's documentation) is a bare array of event names.
    func events(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        var names = EventCatalogue.names
        if let type = call.query["action_type"] {
            guard let spec = ActionCatalogue.spec(type) else {
                throw .badRequest("unknown action_type '\(type)'; see GET /workflow/actions")
            }
            names = spec.events
        }
        return .json { writer in
            writer.beginArray()
            for name in names { writer.string(name) }
            writer.endArray()
        }
    }

    /// `POST /actions` with `{"type": "tag_app", "data": {...}}`: validates the data against the
    /// catalogue's `create_action` fields and answers `201` with the pending action.
    func createAction(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let body = try call.jsonObject(allowing: ["type", "data"])
        let type = try requiredText("type", in: body)
        guard let spec = ActionCatalogue.spec(type) else {
            throw .unprocessable(
                "unknown action type '\(type)'; known types: \(ActionCatalogue.specs.map(\.type).joined(separator: ", "))"
            )
        }
        let data = body["data"] ?? .null
        try ActionCatalogue.validate(data, required: spec.actionRequired, optional: spec.optional, type: spec.type)
        let (action, companyID) = try store.mutate { state in
            (state.createAction(type: spec.type, data: data, triggerID: nil, depth: 0), state.configuration.companyID)
        }
        return .json(201) { WorkflowEncoding.write(action, companyID: companyID, to: &$0) }
    }

    /// `GET /actions/{id}`.
    func getAction(_ id: Int) throws(SandboxHTTPError) -> SandboxReply {
        let found = store.read { state -> (SandboxAction, Int)? in
            guard id <= state.workflow.actions.count else { return nil }
            return (state.workflow.actions[id - 1], state.configuration.companyID)
        }
        guard let (action, companyID) = found else { throw .notFound("action \(id) not found") }
        return .json { WorkflowEncoding.write(action, companyID: companyID, to: &$0) }
    }

    /// `POST /triggers` with `event_type`, `action_type`, `data` (the catalogue's `create_trigger`
    /// fields) and optional JSON-logic `conditions`. Answers `201`.
    func createTrigger(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let body = try call.jsonObject(allowing: ["event_type", "action_type", "data", "conditions"])
        let event = try requiredText("event_type", in: body)
        guard EventCatalogue.names.contains(event) else {
            throw .unprocessable("unknown event_type '\(event)'; see GET /workflow/events")
        }
        let type = try requiredText("action_type", in: body)
        guard let spec = ActionCatalogue.spec(type) else {
            throw .unprocessable("unknown action_type '\(type)'; see GET /workflow/actions")
        }
        guard spec.events.contains(event) else {
            throw .unprocessable(
                "action \(spec.type) cannot follow event \(event); see GET /workflow/events?action_type=\(spec.type)")
        }
        let data = body["data"] ?? .object([])
        try ActionCatalogue.validate(data, required: spec.triggerRequired, optional: spec.optional, type: spec.type)
        let conditions = body["conditions"].flatMap { $0 == .null ? nil : $0 }
        if let conditions {
            guard conditions.objectMembers != nil else {
                throw .unprocessable(
                    "conditions must be a JSON-logic object such as {\"==\": [{\"app\": \"status\"}, \"Hired\"]}")
            }
            try JSONLogic.validate(conditions)
        }
        let (trigger, companyID) = try store.mutate { state in
            let trigger = SandboxTrigger(
                id: state.workflow.nextTriggerID, eventType: event, actionType: spec.type, data: data,
                conditions: conditions, createdAt: Date(epochSeconds: state.now)
            )
            state.workflow.nextTriggerID += 1
            state.workflow.triggers.append(trigger)
            return (trigger, state.configuration.companyID)
        }
        return .json(201) { WorkflowEncoding.write(trigger, companyID: companyID, to: &$0) }
    }

    /// `GET /triggers`.
    func listTriggers() -> SandboxReply {
        let (triggers, companyID) = store.read { ($0.workflow.triggers, $0.configuration.companyID) }
        return list(records: triggers) { WorkflowEncoding.write($0, companyID: companyID, to: &$1) }
    }

    /// `DELETE /triggers/{id}`: `204`, or `404`.
    func deleteTrigger(_ id: Int) throws(SandboxHTTPError) -> SandboxReply {
        let removed = try store.mutate { state in
            let before = state.workflow.triggers.count
            state.workflow.triggers.removeAll { $0.id == id }
            return state.workflow.triggers.count < before
        }
        guard removed else { throw .notFound("trigger \(id) not found") }
        return .noContent
    }

    /// `POST /webhooks` with `url` (http or https) and `event`. Answers `201`.
    func createWebhook(_ call: APICall) throws(SandboxHTTPError) -> SandboxReply {
        let body = try call.jsonObject(allowing: ["url", "event"])
        let url = try requiredText("url", in: body).trimmingSpaces()
        guard url.utf8.count <= 2048 else { throw .unprocessable("url must be at most 2048 bytes long") }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
            parsed.host?.isEmpty == false
        else { throw .unprocessable("url must be an absolute http or https URL, not '\(url)'") }
        let event = try requiredText("event", in: body)
        guard WebhookEventCatalogue.names.contains(event) else {
            throw .unprocessable(
                "unknown webhook event '\(event)'; webhooks take "
                    + WebhookEventCatalogue.names.joined(separator: ", ")
                    + " (the workflow events of GET /workflow/events are for triggers)")
        }
        let webhook = try store.mutate { state in
            let webhook = SandboxWebhook(
                id: state.workflow.nextWebhookID, url: url, event: event, createdAt: Date(epochSeconds: state.now)
            )
            state.workflow.nextWebhookID += 1
            state.workflow.webhooks.append(webhook)
            return webhook
        }
        return .json(201) { WorkflowEncoding.write(webhook, to: &$0) }
    }

    /// `GET /webhooks`.
    func listWebhooks() -> SandboxReply {
        let webhooks = store.read { $0.workflow.webhooks }
        return list(records: webhooks) { WorkflowEncoding.write($0, to: &$1) }
    }

    /// `DELETE /webhooks/{id}`: `204`, or `404`.
    func deleteWebhook(_ id: Int) throws(SandboxHTTPError) -> SandboxReply {
        let removed = try store.mutate { state in
            let before = state.workflow.webhooks.count
            state.workflow.webhooks.removeAll { $0.id == id }
            return state.workflow.webhooks.count < before
        }
        guard removed else { throw .notFound("webhook \(id) not found") }
        return .noContent
    }
}
