public import Foundation
internal import Synchronization

/// The handle tests and tools use to inspect and steer a running sandbox: the live knobs,
/// scripted faults, the request log, ground truth and changes made behind the client's back.
public final class RMSSandboxControl: Sendable {
    let store: RMSSandboxStore

    init(store: RMSSandboxStore) {
        self.store = store
    }

    /// The live knobs.
    public var behavior: RMSSandboxBehavior { store.behavior }

    /// Replaces the live knobs.
    /// - Parameter behavior: The new knobs.
    public func setBehavior(_ behavior: RMSSandboxBehavior) {
        store.behaviorBox.withLock { $0 = behavior }
    }

    /// Changes some knobs.
    /// - Parameter change: Edits the knobs in place.
    public func updateBehavior(_ change: (inout RMSSandboxBehavior) -> Void) {
        store.behaviorBox.withLock { change(&$0) }
    }

    /// Fails the next authenticated widget requests, one fault each, in order.
    /// - Parameter faults: The faults.
    public func scriptFaults(_ faults: [RMSSandboxFault]) {
        store.traffic.withLock { $0.scriptedFaults.append(contentsOf: faults) }
    }

    /// Fails the next requests of one widget operation (such as `createResource`), one fault each,
    /// in order; other operations are answered normally meanwhile. A test can so lose the answer of
    /// one write without first spending the fault on the reads before it.
    /// - Parameters:
    ///   - faults: The faults.
    ///   - operation: The operation, as in the URL (`createResource`, `updateRecord` …).
    public func scriptFaults(_ faults: [RMSSandboxFault], onOperation operation: String) {
        store.traffic.withLock {
            $0.scriptedOperationFaults[operation.lowercased(), default: []].append(contentsOf: faults)
        }
    }

    /// The requests answered so far (oldest first, up to the configured limit).
    public var requestLog: [RMSSandboxRequestLogEntry] { store.traffic.withLock { $0.log } }

    /// How many requests the sandbox has answered since it started (the log keeps only the latest).
    public var answeredRequestCount: Int { store.answers.count }

    /// Waits until the sandbox has answered at least `count` requests in total: lets a test act at a
    /// chosen point of a client's run (stop a process after its 7th request, say) without sleeping.
    /// - Parameters:
    ///   - count: The total to wait for.
    ///   - timeout: How long to wait at most.
    /// - Throws: ``RMSSandboxWaitTimeout`` when `timeout` passes first; `CancellationError` when cancelled.
    public func awaitAnsweredRequests(atLeast count: Int, timeout: Duration = .seconds(30)) async throws {
        let answers = store.answers
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await answers.reach(count) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        if answers.count >= count { return }
        try Task.checkCancellation()
        throw RMSSandboxWaitTimeout(awaited: "\(count) answered requests", timeout: timeout)
    }

    /// Forgets the request log.
    public func clearRequestLog() {
        store.traffic.withLock { $0.log.removeAll() }
    }

    /// The account's IANA time zone.
    public var timeZoneIdentifier: String { store.configuration.timeZoneIdentifier }

    /// The placement statuses (the stages).
    public var placementStatuses: [RMSSandboxStatus] { store.data.withLock { $0.placementStatuses } }
    /// Every placement.
    public var placements: [RMSSandboxPlacement] { store.data.withLock { $0.placements } }
    /// Every resource.
    public var resources: [RMSSandboxResource] { store.data.withLock { $0.resources } }
    /// Every opportunity.
    public var opportunities: [RMSSandboxOpportunity] { store.data.withLock { $0.opportunities } }
    /// Every activity.
    public var activities: [RMSSandboxActivity] { store.data.withLock { $0.activities } }
    /// Every document.
    public var documents: [RMSSandboxDocument] { store.data.withLock { $0.documents } }
    /// Every client company.
    public var clients: [RMSSandboxClient] { store.data.withLock { $0.clients } }
    /// Every contact.
    public var contacts: [RMSSandboxContact] { store.data.withLock { $0.contacts } }
    /// The users.
    public var users: [RMSSandboxUser] { store.data.withLock { $0.users } }
    /// The custom field definitions.
    public var customFields: [RMSSandboxCustomField] { store.data.withLock { $0.customFields } }

    /// The status group of a placement status id.
    /// - Parameter statusID: The status id.
    /// - Returns: Its group.
    public func group(ofPlacementStatus statusID: Int) -> String? {
        store.data.withLock { $0.placementStatus(statusID)?.group }
    }

    /// Makes `count` background changes now (as the clock-driven mutations do).
    /// - Parameter count: How many.
    /// - Returns: The changed records as `"X:123"`-style keys.
    @discardableResult
    public func mutate(count: Int) -> [String] {
        store.mutate(count: count)
    }

    /// Sets a placement's status behind the client's back, stamping it with the sandbox clock's now.
    /// - Parameters:
    ///   - placementID: The placement.
    ///   - statusID: The status.
    public func setPlacementStatus(_ placementID: Int, to statusID: Int) {
        let now = store.now
        store.data.withLock { data in
            guard let index = data.index(of: placementID, in: data.placements, \.id) else { return }
            data.placements[index].statusID = statusID
            data.placements[index].updatedAt = now
            data.version += 1
        }
    }

    /// Sets a placement's update time (UTC seconds), to place records at chosen instants.
    /// - Parameters:
    ///   - placementID: The placement.
    ///   - updatedAt: The instant.
    public func setPlacementUpdatedAt(_ placementID: Int, to updatedAt: Date) {
        store.data.withLock { data in
            guard let index = data.index(of: placementID, in: data.placements, \.id) else { return }
            data.placements[index].updatedAt = Int64(updatedAt.timeIntervalSince1970.rounded(.down))
            data.version += 1
        }
    }

    /// Deletes a placement (no deletion signal exists: it just stops appearing).
    /// - Parameter placementID: The placement.
    public func deletePlacement(_ placementID: Int) {
        store.data.withLock { data in
            data.placements.removeAll { $0.id == placementID }
            data.version += 1
        }
    }

    /// Stops the server gracefully.
    public func stop() async {
        let stop = store.stop.withLock { $0 }
        await stop?()
    }
}
