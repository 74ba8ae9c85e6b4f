/// A workflow event the sandbox emitted.
public struct SandboxEvent: Sendable, Hashable {
    /// The event type, e.g. `app_status_updated`.
    public var name: String
    /// The application it concerns.
    public var applicationID: Int

    /// Creates an event value (for comparisons in tests).
    /// - Parameters:
    ///   - name: the event type.
    ///   - applicationID: the application.
    public init(name: String, applicationID: Int) {
        self.name = name
        self.applicationID = applicationID
    }
}

extension SandboxControl {
    /// Every action, ascending by id.
    public func actions() -> [SandboxAction] { store.read { $0.workflow.actions } }

    /// One action, or `nil`.
    /// - Parameter id: the action id.
    public func action(id: Int) -> SandboxAction? {
        store.read { state in
            id >= 1 && id <= state.workflow.actions.count ? state.workflow.actions[id - 1] : nil
        }
    }

    /// How many actions have not run yet.
    public var pendingActionCount: Int { store.read { $0.workflow.pendingActionIDs.count } }

    /// Runs now every pending action whose delay has passed on the sandbox clock (and the actions
    /// those create that are due too), after the background changes due by then
    /// (``SandboxBehavior/mutationRate``). With a ``ManualSandboxClock``, advance the clock first.
    /// - Returns: how many actions ran.
    @discardableResult
    public func runDueActions() -> Int {
        store.makeDueMutations()
        return store.runPendingActions(dueBy: store.configuration.clock.now())
    }

    /// Runs now every pending action, due or not (and those they create).
    /// - Returns: how many actions ran.
    @discardableResult
    public func runAllPendingActions() -> Int {
        store.runPendingActions(dueBy: nil)
    }

    /// Waits until no action is pending (automatic execution runs them as they fall due).
    /// - Parameter timeout: how long to wait at most.
    /// - Throws: ``SandboxWaitTimeout``; with manual execution, use ``runDueActions()`` instead.
    public func awaitActionsExecuted(timeout: Duration = .seconds(30)) async throws {
        try await store.wait(for: "pending actions to execute", timeout: timeout) {
            $0.workflow.pendingActionIDs.count == 0
        }
    }

    /// Waits until one action has run.
    /// - Parameters:
    ///   - id: the action id.
    ///   - timeout: how long to wait at most.
    /// - Returns: the executed action.
    /// - Throws: ``SandboxWaitTimeout``.
    @discardableResult
    public func awaitAction(id: Int, timeout: Duration = .seconds(30)) async throws -> SandboxAction {
        try await store.wait(for: "action \(id) to execute", timeout: timeout) { state in
            id >= 1 && id <= state.workflow.actions.count && state.workflow.actions[id - 1].executedAt != nil
        }
        guard let action = action(id: id) else {
            throw SandboxWaitTimeout(waitingFor: "action \(id)", timeout: timeout)
        }
        return action
    }

    /// The triggers, ascending by id.
    public func triggers() -> [SandboxTrigger] { store.read { $0.workflow.triggers } }

    /// The webhook subscriptions, ascending by id.
    public func webhooks() -> [SandboxWebhook] { store.read { $0.workflow.webhooks } }

    /// Every webhook delivery so far, with its attempts.
    public func webhookDeliveries() -> [SandboxWebhookDelivery] { store.read { $0.workflow.deliveries } }

    /// Waits until every webhook delivery has finished (delivered, or out of attempts).
    /// - Parameter timeout: how long to wait at most.
    /// - Throws: ``SandboxWaitTimeout``.
    public func awaitWebhookDeliveriesFinished(timeout: Duration = .seconds(30)) async throws {
        try await store.wait(for: "webhook deliveries to finish", timeout: timeout) { state in
            state.workflow.deliveries.allSatisfy(\.isFinished)
        }
    }

    /// The dashboard notifications posted by actions.
    public func notifications() -> [SandboxNotification] { store.read { $0.workflow.notifications } }

    /// The workflow events emitted so far (the most recent 10,000), oldest first.
    public func events() -> [SandboxEvent] {
        store.read { $0.workflow.events.map { SandboxEvent(name: $0.name, applicationID: $0.applicationID) } }
    }

    /// Emits a workflow event that only the Tracker UI would cause (`app_viewed`,
    /// `offer_letter_signed`, or any other), firing triggers as a real one would.
    /// - Parameters:
    ///   - event: the workflow event type.
    ///   - applicationID: the application it concerns.
    public func emit(_ event: String, applicationID: Int) {
        _ = try? store.mutate { $0.emit(event, applicationID: applicationID, depth: 0) }
    }

    /// Delivers a webhook event that only the Tracker UI would cause (`applicant_document_signed`,
    /// or any other) to the webhooks subscribed to it.
    /// - Parameters:
    ///   - event: the webhook event name.
    ///   - applicationID: the application it concerns.
    public func deliverWebhook(_ event: String, applicationID: Int) {
        _ = try? store.mutate { $0.deliverWebhook(event, applicationID: applicationID) }
    }
}
