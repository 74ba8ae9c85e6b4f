public import Foundation
import Synchronization

/// The handle tests and tools use to steer a running sandbox and read its ground truth: the
/// behaviour knobs, scripted faults, background changes, the request log, the deliveries, and
/// every record as the sandbox holds it (never through the API).
public final class WorkableSandboxControl: Sendable {
    let store: WorkableSandboxStore

    init(store: WorkableSandboxStore) { self.store = store }

    /// The behaviour now.
    public var behavior: WorkableSandboxBehavior { store.behavior }

    /// Changes the behaviour.
    /// - Parameter change: The change.
    public func update(_ change: (inout WorkableSandboxBehavior) -> Void) {
        store.behaviorBox.withLock { change(&$0) }
    }

    /// Answers the next requests (whose path ends with `pathSuffix`, or any) with these faults, in order.
    /// - Parameters:
    ///   - faults: The faults.
    ///   - pathSuffix: Only requests whose path ends with this.
    public func inject(_ faults: [WorkableSandboxFault], pathSuffix: String? = nil) {
        store.traffic.withLock { traffic in traffic.scripted += faults.map { ($0, pathSuffix) } }
    }

    /// Uses up the rest of the current rate-limit window for `token`, as another client sharing
    /// the token would.
    /// - Parameter token: The token (default: the full-scope token).
    public func exhaustRateLimit(token: String? = nil) {
        let behavior = store.behavior
        guard let limit = behavior.rateLimit else { return }
        let window = Int64(max(1, behavior.rateWindowSeconds))
        let start = Int64(store.configuration.clock.now().timeIntervalSince1970.rounded(.down)) / window * window
        store.traffic.withLock { $0.windows[token ?? store.configuration.token] = (start, limit) }
    }

    /// Every request answered, oldest first (API and file host).
    public var requests: [WorkableSandboxRequest] { store.traffic.withLock { $0.log } }

    /// How many requests the sandbox has answered since it started, on the API and the file host
    /// (the log keeps only the latest).
    public var answeredRequestCount: Int { store.answers.count }

    /// Waits until the sandbox has answered at least `count` requests in total: lets a test act at a
    /// chosen point of a client's run (stop a process after its 7th request, say) without sleeping.
    /// - Parameters:
    ///   - count: The total to wait for.
    ///   - timeout: How long to wait at most.
    /// - Throws: ``WorkableSandboxWaitTimeout`` when `timeout` passes first; `CancellationError` when
    ///   cancelled.
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
        throw WorkableSandboxWaitTimeout(awaited: "\(count) answered requests", timeout: timeout)
    }

    /// Forgets the request log.
    public func clearRequestLog() {
        store.traffic.withLock { $0.log.removeAll() }
    }

    /// Makes `count` background changes now (moves, new candidates at the end, comments).
    /// - Parameter count: How many.
    public func mutate(count: Int) { store.mutate(count: count) }

    /// How many background changes were made.
    public var mutationsApplied: Int { store.state.withLock { $0.mutationsApplied } }

    /// Every delivery attempt, oldest first.
    public var deliveries: [WorkableSandboxDelivery] { store.deliveries.withLock { $0 } }

    /// Deletes a candidate record (as a recruiter deleting it in Workable would), with its activities
    /// and files: later records move up in the paging order, and the record answers 404. (No
    /// `candidate_deleted` delivery: deliveries carry the record, which no longer exists.)
    /// - Parameter candidateID: The record's id.
    /// - Returns: Whether there was such a record.
    @discardableResult
    public func delete(candidateID: String) -> Bool {
        store.state.withLock { $0.remove(candidateID) }
    }

    /// Raises a candidate event for the subscriptions (as a change in Workable's UI would).
    /// - Parameters:
    ///   - event: The event, e.g. `candidate_moved`.
    ///   - candidateID: The candidate.
    public func raise(_ event: String, candidateID: String) { store.raise(event, candidateID: candidateID) }

    /// Every candidate record, in insertion (paging) order.
    public var candidates: [WorkableSandboxCandidate] {
        store.state.withLock { state in
            state.candidates.map { candidate in
                WorkableSandboxCandidate(
                    id: candidate.id, email: candidate.email, shortcode: candidate.shortcode,
                    stageSlug: candidate.stageSlug, stageName: state.stage(candidate.stageSlug)?.name ?? "",
                    isDisqualified: candidate.disqualified, withdrew: candidate.withdrew,
                    disqualificationReason: candidate.disqualificationReason,
                    createdAt: Date(timeIntervalSince1970: Double(candidate.createdAt) / 1000),
                    updatedAt: Date(timeIntervalSince1970: Double(candidate.updatedAt) / 1000),
                    createdAtMillis: candidate.createdAt, updatedAtMillis: candidate.updatedAt, tags: candidate.tags,
                    customValues: candidate.customValues, originatingID: candidate.originatingID)
            }
        }
    }

    /// Every job: shortcode, hex id, state and pipeline slugs, in insertion order.
    public var jobs: [(shortcode: String, id: String, state: String, pipeline: [String])] {
        store.state.withLock { $0.jobs.map { ($0.shortcode, $0.id, $0.state, $0.pipeline) } }
    }

    /// The account's stages: slug and name, in order.
    public var stages: [(slug: String, name: String)] { store.state.withLock { $0.stages.map { ($0.slug, $0.name) } } }

    /// The members: id, name, roles and whether active, in order.
    public var members: [(id: String, name: String, roles: [String], active: Bool)] {
        store.state.withLock { $0.members.map { ($0.id, $0.name, $0.roles, $0.active) } }
    }

    /// The disqualification reasons: id, text and whether in the "withdrew" group.
    public var reasons: [(id: String, text: String, withdrew: Bool)] {
        store.state.withLock { $0.reasons.map { ($0.id, $0.text, $0.withdrew) } }
    }

    /// A candidate's activities: id, action, body and member, oldest first.
    /// - Parameter candidateID: The candidate.
    /// - Returns: The activities.
    public func activities(of candidateID: String) -> [(id: String, action: String, body: String?, memberID: String?)] {
        store.state.withLock { ($0.activities[candidateID] ?? []).map { ($0.id, $0.action, $0.body, $0.memberID) } }
    }

    /// A candidate's files: name, kind and bytes.
    /// - Parameter candidateID: The candidate.
    /// - Returns: The files.
    public func files(of candidateID: String) -> [(name: String, kind: String, bytes: [UInt8])] {
        store.state.withLock { ($0.files[candidateID] ?? []).map { ($0.name, $0.kind, $0.bytes) } }
    }

    /// The subscriptions: id, event and target.
    public var subscriptions: [(id: Int, event: String, target: String)] {
        store.state.withLock { $0.subscriptions.map { ($0.id, $0.event, $0.target) } }
    }
}

/// A candidate record as the sandbox holds it.
public struct WorkableSandboxCandidate: Sendable, Hashable {
    /// The id.
    public var id: String
    /// The e-mail as stored (case and spaces as generated), or `nil`.
    public var email: String?
    /// The job's shortcode.
    public var shortcode: String
    /// The stage's slug.
    public var stageSlug: String
    /// The stage's display name (what the API's `stage` field carries).
    public var stageName: String
    /// Whether disqualified.
    public var isDisqualified: Bool
    /// Whether the candidate withdrew.
    public var withdrew: Bool
    /// The disqualification reason's text.
    public var disqualificationReason: String?
    /// When created.
    public var createdAt: Date
    /// When last updated.
    public var updatedAt: Date
    /// When created, in exact milliseconds since 1970.
    public var createdAtMillis: Int64
    /// When last updated, in exact milliseconds since 1970.
    public var updatedAtMillis: Int64
    /// The tags.
    public var tags: [String]
    /// Custom attribute values by key.
    public var customValues: [String: [String]]
    /// The record this one was copied from.
    public var originatingID: String?
}
