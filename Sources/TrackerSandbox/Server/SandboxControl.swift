public import Foundation
internal import Synchronization

/// The control handle of a running sandbox: ground truth of the data, the live knobs, scripted
/// faults, the request log, and deterministic control over background work. Cheap to copy.
public struct SandboxControl: Sendable {
    let store: SandboxStore

    init(store: SandboxStore) {
        self.store = store
    }

    // MARK: Knobs

    /// The behaviour in force.
    public var behavior: SandboxBehavior { store.behavior }

    /// Changes knobs while the server runs; takes effect with the next request.
    /// - Parameter change: edits the behaviour.
    /// - Throws: ``SandboxConfigurationError`` when the result is invalid (nothing changes then).
    public func updateBehavior(_ change: (inout SandboxBehavior) -> Void) throws {
        var behavior = store.behavior
        change(&behavior)
        try behavior.validate()
        let validated = behavior
        _ = try? store.mutate { $0.setBehavior(validated) }
    }

    /// The account's status names.
    public var statuses: [String] { store.generator.statuses }

    /// The instant the generated data is anchored to (the clock at start-up, whole minutes).
    public var dataAnchor: Date { Date(epochSeconds: store.generator.anchor) }

    /// Shuts the server down gracefully (it stops accepting connections, finishes the requests in
    /// flight and its background work) and returns once it has stopped. Does nothing before the
    /// server runs. Do not call it from a request the server is handling (it would wait for itself).
    public func stop() async {
        let shutdown = store.shutdown.withLock { $0 }
        await shutdown?()
    }

    // MARK: Faults, rate limit, request log

    /// Makes the next `count` authenticated requests fail with `fault`, before any random fault.
    /// - Parameters:
    ///   - fault: the fault.
    ///   - count: how many requests get it.
    public func scriptFault(_ fault: SandboxFault, count: Int = 1) {
        scriptFaults(Array(repeating: fault, count: max(count, 0)))
    }

    /// Queues faults for the next authenticated requests, in order.
    /// - Parameter faults: one fault per request.
    public func scriptFaults(_ faults: [SandboxFault]) {
        store.traffic.withLock { $0.scriptedFaults += faults }
    }

    /// Makes the next `count` authenticated requests with this method and a path ending in
    /// `pathSuffix` fail with `fault`, whatever other requests come first (for example, lose the
    /// answer of the next `POST /actions` only).
    /// - Parameters:
    ///   - fault: the fault.
    ///   - method: the HTTP method, e.g. `POST`.
    ///   - pathSuffix: the end of the path, e.g. `/actions`.
    ///   - count: how many such requests get it.
    public func scriptFault(_ fault: SandboxFault, method: String, pathSuffix: String, count: Int = 1) {
        let entries = Array(repeating: (method: method, pathSuffix: pathSuffix, fault: fault), count: max(count, 0))
        store.traffic.withLock { $0.targetedFaults += entries }
    }

    /// Drops faults scripted but not yet used.
    public func clearScriptedFaults() {
        store.traffic.withLock {
            $0.scriptedFaults = []
            $0.targetedFaults = []
        }
    }

    /// Refills every rate-limit bucket.
    public func resetRateLimits() {
        store.traffic.withLock { $0.resetRateLimits() }
    }

    /// The requests answered so far (the most recent `requestLogLimit`), oldest first.
    public func requestLog() -> [SandboxRequestLogEntry] {
        store.traffic.withLock { $0.orderedLog }
    }

    /// How many requests the sandbox has answered since it started (the log keeps only the latest).
    public var answeredRequestCount: Int {
        store.traffic.withLock { $0.answeredCount }
    }

    /// Waits until the sandbox has answered at least `count` requests in total: lets a test act at a
    /// chosen point of a client's run (stop it after its 7th page, say) without sleeping.
    /// - Parameters:
    ///   - count: The total to wait for.
    ///   - timeout: How long to wait at most.
    /// - Throws: ``SandboxWaitTimeout``; `CancellationError` when cancelled.
    public func awaitAnsweredRequests(atLeast count: Int, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let generation = store.answers.generation
            if answeredRequestCount >= count { return }
            try Task.checkCancellation()
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw SandboxWaitTimeout(waitingFor: "\(count) answered requests", timeout: timeout)
            }
            await store.answers.wait(after: generation, timeout: remaining)
        }
    }

    /// The most requests the sandbox was handling at the same time since it started (or since
    /// ``resetPeakConcurrentRequests()``): from the moment a request's head is read until its
    /// answer is handed back, latency included. A client's own count of requests in flight is at
    /// least this, so a bound on the client shows here as a bound the sandbox saw.
    public var peakConcurrentRequests: Int {
        store.traffic.withLock { $0.peakConcurrent }
    }

    /// Starts counting ``peakConcurrentRequests`` afresh from the requests being handled now.
    public func resetPeakConcurrentRequests() {
        store.traffic.withLock { $0.peakConcurrent = $0.concurrent }
    }

    /// Empties the request log.
    public func clearRequestLog() {
        store.traffic.withLock { $0.clearLog() }
    }

    // MARK: Ground truth

    /// Every live job, ascending by id.
    public func jobs() -> [SandboxJob] { all(\.jobs, store.generator.job) }
    /// Every live application, ascending by id (a million records is a million values: mind memory).
    public func applications() -> [SandboxApplication] { all(\.applications, store.generator.application) }
    /// Every live note, ascending by id.
    public func notes() -> [SandboxNote] { all(\.notes, store.generator.note) }
    /// Every live file, ascending by id.
    public func files() -> [SandboxFile] { all(\.files, store.generator.file) }
    /// The account's users.
    public func users() -> [SandboxUser] { DataGenerator.users }

    /// A live job, or `nil`.
    /// - Parameter id: the job id.
    public func job(id: Int) -> SandboxJob? { store.read { $0.job(id) } }
    /// A live application, or `nil`.
    /// - Parameter id: the application id.
    public func application(id: Int) -> SandboxApplication? { store.read { $0.application(id) } }
    /// A live note, or `nil`.
    /// - Parameter id: the note id.
    public func note(id: Int) -> SandboxNote? { store.read { $0.note(id) } }
    /// A live file, or `nil`.
    /// - Parameter id: the file id.
    public func file(id: Int) -> SandboxFile? { store.read { $0.file(id) } }

    /// How many applications are live.
    public var applicationCount: Int { store.read { $0.applications.liveCount } }
    /// How many jobs are live.
    public var jobCount: Int { store.read { $0.jobs.liveCount } }
    /// How many notes are live.
    public var noteCount: Int { store.read { $0.notes.liveCount } }
    /// How many files are live.
    public var fileCount: Int { store.read { $0.files.liveCount } }

    /// Ids of deleted applications, ascending.
    public func deletedApplicationIDs() -> [Int] { store.read { $0.applications.deletedIDs.storage } }
    /// Ids of deleted notes, ascending.
    public func deletedNoteIDs() -> [Int] { store.read { $0.notes.deletedIDs.storage } }
    /// Ids of deleted files, ascending.
    public func deletedFileIDs() -> [Int] { store.read { $0.files.deletedIDs.storage } }

    /// The applicant custom-field schema.
    public func applicationSchema() -> [SandboxCustomField] { store.read { $0.applicationSchema.fields } }
    /// The job custom-field schema.
    public func jobSchema() -> [SandboxCustomField] { store.read { $0.jobSchema.fields } }

    private func all<Record: Sendable>(
        _ table: KeyPath<SandboxState, ResourceTable<Record>>, _ generate: (Int) -> Record
    ) -> [Record] {
        let (count, entries) = store.read { state in
            let page = state[keyPath: table].page(offset: 0, limit: Int.max)
            return (page.total, page.entries)
        }
        var records: [Record] = []
        records.reserveCapacity(count)
        for entry in entries { records.append(entry.record ?? generate(entry.id)) }
        return records
    }

    // MARK: Mutations

    /// Applies `count` deterministic changes to applications now (status updates, insertions and
    /// deletions, as the background mutation rate does), and returns them.
    /// - Parameter count: how many changes.
    /// - Returns: the changes, in order.
    @discardableResult
    public func mutate(count: Int) -> [SandboxMutation] {
        (try? store.mutate { $0.mutate(count: count) }) ?? []
    }

    /// Changes one application now, stamping `updated_at` with the sandbox clock, as a user editing it
    /// in Tracker would. A status change emits `app_status_updated` (and fires triggers and webhooks).
    /// - Parameters:
    ///   - id: the application id.
    ///   - change: edits the record (its id is kept).
    /// - Returns: the updated record, or `nil` when there is no such application.
    @discardableResult
    public func updateApplication(id: Int, _ change: (inout SandboxApplication) -> Void) -> SandboxApplication? {
        (try? store.mutate { state -> SandboxApplication? in
            guard var record = state.application(id) else { return nil }
            let oldStatus = record.status
            change(&record)
            record.id = id
            let edited = record
            // One update (one `applicant_updated` delivery), then the status change's workflow events.
            let updated = state.updateApplication(id) { $0 = edited }
            if edited.status != oldStatus {
                state.emitStatusChange(to: edited.status, ofApplication: id, depth: 0)
            }
            return updated
        }) ?? nil
    }

    /// Deletes one application (with its notes and files) now.
    /// - Parameter id: the application id.
    /// - Returns: whether there was such an application.
    @discardableResult
    public func deleteApplication(id: Int) -> Bool {
        (try? store.mutate { $0.deleteApplication(id) }) ?? false
    }

    /// How many changes `mutate(count:)` and the background mutation rate have made.
    public var mutationCount: Int { store.read { $0.mutationCount } }

    /// Waits until at least `count` mutations have been made in total.
    /// - Parameters:
    ///   - count: the total to wait for.
    ///   - timeout: how long to wait at most.
    /// - Throws: ``SandboxWaitTimeout``.
    public func awaitMutations(atLeast count: Int, timeout: Duration = .seconds(30)) async throws {
        try await store.wait(for: "\(count) mutations", timeout: timeout) { $0.mutationCount >= count }
    }
}
