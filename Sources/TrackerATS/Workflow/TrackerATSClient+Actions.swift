public import ATSCore
public import TrackerAPI

extension TrackerATSClient {
    /// The action catalogue as typed schemas, from the cached workflow configuration.
    /// - Returns: One schema per action type, in Tracker's order.
    /// - Throws: `ATSError`.
    public func actionSchemas() async throws -> [TrackerActionSchema] {
        try await translating(.workflowActions) { try await metadata.workflow() }.actions.map(TrackerActionSchema.init)
    }

    /// The schema of one action type.
    /// - Parameter type: The action type.
    /// - Returns: Its schema.
    /// - Throws: `ATSError` with `ATSError.Code.invalidInput` listing the known types when
    ///   Tracker's catalogue does not have it.
    public func actionSchema(for type: TrackerActionType) async throws -> TrackerActionSchema {
        let schemas = try await actionSchemas()
        guard let schema = schemas.first(where: { $0.type == type }) else {
            throw inputError(
                .workflowActions,
                "Tracker has no action type '\(type.rawValue)'. Known types: "
                    + schemas.map(\.type.rawValue).joined(separator: ", ") + ".",
                suggestion: "See `ats actions types` for each type and its data.")
        }
        return schema
    }

    /// Checks data against an action type's catalogue entry; nothing is sent.
    /// - Parameters:
    ///   - data: The data.
    ///   - type: The action type.
    ///   - use: Direct action or trigger.
    /// - Returns: The type's schema.
    /// - Throws: `ATSError` with `ATSError.Code.invalidInput` listing every missing, mistyped
    ///   and unknown field.
    @discardableResult
    public func validateActionData(
        _ data: [String: TrackerJSON],
        for type: TrackerActionType,
        use: TrackerActionSchema.Use = .action
    ) async throws -> TrackerActionSchema {
        let operation: ATSOperation = use == .action ? .workflowActions : .workflowTriggers
        let schema = try await actionSchema(for: type)
        let problems = schema.problems(with: data, for: use)
        guard problems.isEmpty else {
            let fields = schema.fields(for: use).map {
                "\($0.name) (\($0.typeDescription)\($0.isRequired ? "" : ", optional"))"
            }
            throw inputError(
                operation,
                "The data for \(use == .action ? "action" : "a trigger of") \(type.rawValue) is not valid: "
                    + problems.map(\.description).joined(separator: "; ") + ". Nothing was sent.",
                suggestion: fields.isEmpty
                    ? "This action type takes no data." : "It takes: " + fields.joined(separator: ", ") + ".")
        }
        return schema
    }

    /// Checks and creates a workflow action, then waits as asked.
    ///
    /// With `ATSWaitPolicy.Level.executed` or `ATSWaitPolicy.Level.verified` the call polls
    /// the action (backing off from ``WriteSettings/pollInterval`` to
    /// ``WriteSettings/maximumPollInterval``) until it has run; a generic action has nothing to
    /// read back, so both levels end when it has run.
    /// - Parameters:
    ///   - type: The action type.
    ///   - data: Its data, checked against the catalogue before sending.
    ///   - wait: What to wait for (default: accepted).
    /// - Returns: The action as last read.
    /// - Throws: `ATSError`: `ATSError.Code.invalidInput` for bad data (nothing sent),
    ///   `ATSError.Code.providerError` when the action ran and failed (with Tracker's error),
    ///   `ATSError.Code.timedOut` when it had not run in time.
    public func runAction(
        _ type: TrackerActionType,
        data: [String: TrackerJSON],
        wait: ATSWaitPolicy = .accepted
    ) async throws -> TrackerAction {
        try await validateActionData(data, for: type)
        let created = try await sendAction(type, data, operation: .workflowActions, subject: "action \(type.rawValue)")
        await applyEffects(of: type, data: data)
        guard wait.level != .accepted else { return created }
        return try await waitForAction(created.id, timeout: wait.timeout)
    }

    /// Reads an action, to see whether it has run.
    /// - Parameter id: The action's id.
    /// - Returns: The action.
    /// - Throws: `ATSError` (`ATSError.Code.notFound` when there is none).
    public func action(_ id: TrackerActionID) async throws -> TrackerAction {
        try await translating(.workflowActions, subject: "action \(id)") {
            try await api.actions.get(id, logger: logger)
        }
    }

    /// Waits for one action to run.
    /// - Parameters:
    ///   - id: The action's id.
    ///   - timeout: The longest wait.
    /// - Returns: The executed action.
    /// - Throws: `ATSError`: `ATSError.Code.providerError` when it failed,
    ///   `ATSError.Code.timedOut` when it had not run in time, `ATSError.Code.notFound`.
    public func waitForAction(_ id: TrackerActionID, timeout: Duration = .seconds(60)) async throws -> TrackerAction {
        guard let result = try await waitForActions([id], timeout: timeout).first else {
            throw ATSError(
                code: .providerError, operation: ATSOperation.workflowActions.rawValue, provider: .tracker,
                message: "Waiting for action \(id) gave no result.")
        }
        return try Self.executedAction(result, timeout: timeout, operation: .workflowActions)
    }

    /// Waits for many actions with one polling loop: each round reads every action still pending
    /// (a few at a time), then the loop backs off, so the number of reads grows with the pending
    /// actions, not with the number of waiters.
    /// - Parameters:
    ///   - ids: The actions; repeats are waited for once.
    ///   - timeout: The longest wait in all.
    /// - Returns: One result per distinct id, in the order given; actions still pending at the
    ///   deadline are ``TrackerActionWait/State/pending``, or ``TrackerActionWait/State/unreadable(_:)``
    ///   with the reason when their last read failed (Tracker unreachable, an HTML page, a 5xx).
    /// - Throws: `CancellationError` only; read failures are reported per action.
    public func waitForActions(_ ids: [TrackerActionID], timeout: Duration) async throws -> [TrackerActionWait] {
        var seen: Set<TrackerActionID> = []
        let distinct = ids.filter { seen.insert($0).inserted }
        var results: [TrackerActionID: TrackerActionWait] = [:]
        var pending = distinct
        let deadline = waitClock.now() + timeout
        var backoff = PollBackoff(
            first: configuration.writes.pollInterval, maximum: configuration.writes.maximumPollInterval)
        var lastReadFailure: [TrackerActionID: String] = [:]
        while !pending.isEmpty {
            for result in try await readActions(pending) {
                if case .unreadable(let reason) = result.state, result.action == nil, !result.isFinal {
                    // A transient failure: keep waiting, but remember why in case the wait ends here.
                    lastReadFailure[result.id] = reason
                    results[result.id] = TrackerActionWait(id: result.id, action: nil, state: .pending)
                } else {
                    lastReadFailure[result.id] = nil
                    results[result.id] = result
                }
            }
            pending = pending.filter { results[$0]?.state == .pending }
            guard !pending.isEmpty, let wait = backoff.wait(now: waitClock.now(), deadline: deadline) else { break }
            do {
                try await waitClock.sleep(wait)
            } catch {
                throw CancellationError()
            }
        }
        return distinct.map { id in
            let result = results[id] ?? TrackerActionWait(id: id, action: nil, state: .pending)
            guard result.state == .pending, let reason = lastReadFailure[id] else { return result }
            return TrackerActionWait(
                id: id, action: result.action, state: .unreadable("its last read failed: \(reason)"))
        }
    }

    /// Reads actions a few at a time; a read failure is that action's result, never the batch's.
    func readActions(_ ids: [TrackerActionID]) async throws -> [TrackerActionWait] {
        try await withThrowingTaskGroup(of: TrackerActionWait.self) { group in
            var results: [TrackerActionWait] = []
            var iterator = ids.makeIterator()
            func addNext() -> Bool {
                guard let id = iterator.next() else { return false }
                group.addTask { try await self.readAction(id) }
                return true
            }
            for _ in 0..<8 {
                if !addNext() { break }
            }
            while let result = try await group.next() {
                results.append(result)
                _ = addNext()
            }
            return results
        }
    }

    private func readAction(_ id: TrackerActionID) async throws -> TrackerActionWait {
        do {
            let action = try await api.actions.get(id, logger: logger)
            guard action.isExecuted else { return TrackerActionWait(id: id, action: action, state: .pending) }
            if let error = action.errorMessage {
                return TrackerActionWait(id: id, action: action, state: .failed(error))
            }
            return TrackerActionWait(id: id, action: action, state: .succeeded)
        } catch let error as TrackerAPIError where error.code == .cancelled {
            throw CancellationError()
        } catch let error as TrackerAPIError where error.code == .notFound {
            return TrackerActionWait(id: id, action: nil, state: .unreadable("Tracker has no action \(id)."))
        } catch {
            // A transient failure (retries exhausted): the waiting loop reads again next round.
            var result = TrackerActionWait(id: id, action: nil, state: .unreadable("\(error)"))
            result.isFinal = false
            return result
        }
    }

    /// The executed action of a wait result, or the error that explains why there is none.
    static func executedAction(_ result: TrackerActionWait, timeout: Duration, operation: ATSOperation) throws
        -> TrackerAction
    {
        switch result.state {
        case .succeeded:
            if let action = result.action { return action }
        case .failed(let message):
            throw ATSError(
                code: .providerError, operation: operation.rawValue, provider: .tracker,
                message: "Tracker ran action \(result.id) and it failed: \(message)"
                    + (message.hasSuffix(".") ? "" : "."),
                suggestion: "Fix what the error names, then send the action again.")
        case .unreadable(let message):
            throw ATSError(code: .notFound, operation: operation.rawValue, provider: .tracker, message: message)
        case .pending:
            break
        }
        throw ATSError(
            code: .timedOut, operation: operation.rawValue, provider: .tracker,
            message: "Tracker had not run action \(result.id) after \(timeout); it may still run.",
            suggestion: "Check it later with `ats actions show \(result.id)` before sending it again.")
    }

    /// Tells the metadata cache what an action will change.
    func applyEffects(of type: TrackerActionType, data: [String: TrackerJSON]) async {
        switch type {
        case .setAppStatus:
            if let status = data["status"]?.stringValue { await apply(.status(status)) }
        case .setJobStatus:
            await apply(.jobs)
        default:
            break
        }
    }
}
