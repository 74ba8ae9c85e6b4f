internal import Foundation

extension SandboxState {
    /// Queues an action to run after the configured delay.
    @discardableResult
    mutating func createAction(type: String, data: SandboxJSON, triggerID: Int?, depth: Int) -> SandboxAction {
        let clockNow = configuration.clock.now()
        let stamp = Date(epochSeconds: max(clockNow.epochSeconds, generator.anchor))
        let action = SandboxAction(
            id: workflow.actions.count + 1,
            triggerID: triggerID,
            type: ActionCatalogue.spec(type)?.type ?? type,
            data: data,
            executedAt: nil,
            error: nil,
            createdAt: stamp,
            updatedAt: stamp,
            dueAt: clockNow.addingTimeInterval(behavior.actionDelay.secondsValue)
        )
        workflow.actions.append(action)
        workflow.actionDepths.append(depth)
        workflow.pendingActionIDs.insert(action.id)
        return action
    }

    /// The earliest due time of a pending action.
    var nextActionDue: Date? {
        (0..<workflow.pendingActionIDs.count).map { workflow.actions[workflow.pendingActionIDs.id(at: $0) - 1].dueAt }
            .min()
    }

    /// Runs, in id order, every pending action due at or before `date` (all of them when `date` is
    /// `nil`), including actions that those create and that are due by then.
    /// - Returns: how many actions ran.
    mutating func runPendingActions(dueBy date: Date?) -> Int {
        var ran = 0
        while true {
            let due = (0..<workflow.pendingActionIDs.count).map { workflow.pendingActionIDs.id(at: $0) }.filter { id in
                date.map { workflow.actions[id - 1].dueAt <= $0 } ?? true
            }
            guard !due.isEmpty else { return ran }
            for id in due {
                execute(id)
                ran += 1
            }
        }
    }

    private mutating func execute(_ id: Int) {
        let index = id - 1
        let depth = workflow.actionDepths[index]
        let error: String?
        if behavior.actionFailureRate > 0, generator.hash.unit(.action, id, 1) < behavior.actionFailureRate {
            error = "action failed (simulated by the sandbox's action failure rate)"
        } else {
            error = perform(workflow.actions[index], depth: depth)
        }
        let stamp = Date(epochSeconds: now)
        workflow.actions[index].executedAt = stamp
        workflow.actions[index].updatedAt = stamp
        workflow.actions[index].error = error
        workflow.pendingActionIDs.remove(id)
    }

    /// Carries out an action. Returns `nil` on success, else the error the action record shows.
    private mutating func perform(_ action: SandboxAction, depth: Int) -> String? {
        let data = action.data
        let applicationID = data["app_id"]?.intValue
        func requireApplication() -> String? {
            guard let applicationID else { return "app_id is missing" }
            return application(applicationID) == nil ? "application \(applicationID) not found" : nil
        }
        switch action.type {
        case "tag_app":
            if let problem = requireApplication() { return problem }
            let tag = data["tag_text"]?.stringValue?.trimmingSpaces() ?? ""
            guard let applicationID else { return nil }
            updateApplication(applicationID) { record in
                if !record.tags.contains(tag) { record.tags.append(tag) }
            }
        case "set_app_status":
            if let problem = requireApplication() { return problem }
            let status = data["status"]?.stringValue?.trimmingSpaces() ?? ""
            guard statuses.contains(status) else {
                return "unknown status '\(status)'; this account's statuses are: \(statuses.joined(separator: ", "))"
            }
            if let applicationID { _ = setStatus(status, ofApplication: applicationID, depth: depth) }
        case "mark_as_hired", "un_mark_as_hired", "send_app_to_integration":
            if let problem = requireApplication() { return problem }
            guard let applicationID else { return nil }
            return performHiring(action, applicationID: applicationID, depth: depth)
        case "mark_as_archived":
            if let problem = requireApplication() { return problem }
            if let applicationID { updateApplication(applicationID) { $0.archived = true } }
        case "add_note":
            if let problem = requireApplication() { return problem }
            if let applicationID {
                _ = createNote(
                    applicationID: applicationID, body: data["note_text"]?.stringValue ?? "", author: "Workflow")
            }
        case "set_job_status":
            guard let jobID = data["job_id"]?.intValue else { return "job_id is missing" }
            return setJobStatus(data["status"]?.stringValue ?? "", ofJob: jobID)
        case "post_dashboard_notification":
            workflow.notifications.append(
                SandboxNotification(
                    actionID: action.id, message: data["message"]?.stringValue ?? "", createdAt: Date(epochSeconds: now)
                )
            )
        case "send_email_template", "send_tbnt_email", "create_interview":
            // Nothing to change in the account: the effect is recorded by the action's execution.
            return requireApplication()
        default:
            return "unknown action type \(action.type)"
        }
        return nil
    }
}
