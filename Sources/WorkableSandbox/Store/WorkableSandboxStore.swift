import Foundation
import Synchronization

/// The sandbox's shared state: data, behaviour, rate-limit windows, scripted faults, the request
/// log and the queue of webhook events, each behind its own lock.
final class WorkableSandboxStore: Sendable {
    let configuration: WorkableSandboxConfiguration
    let state: Mutex<SandboxState>
    let behaviorBox: Mutex<WorkableSandboxBehavior>
    let traffic = Mutex(TrafficState())
    let events: AsyncStream<SandboxEvent>
    let eventSink: AsyncStream<SandboxEvent>.Continuation
    let deliveries = Mutex<[WorkableSandboxDelivery]>([])
    /// Told after every answered request (API and file host), for tests that act at a chosen point
    /// of a client's run.
    let answers = AnsweredRequests()
    /// The file host's port, known once it listens.
    let filePort = Mutex(0)
    /// A key only the sandbox knows, for the file URLs' signatures.
    let fileSigningKey: [UInt8]

    init(configuration: WorkableSandboxConfiguration) {
        self.configuration = configuration
        let now = SandboxTime.millis(configuration.clock.now())
        state = Mutex(DataGenerator.make(configuration: configuration, now: now))
        behaviorBox = Mutex(configuration.behavior)
        (events, eventSink) = AsyncStream.makeStream(of: SandboxEvent.self)
        var random = SeededRandom(seed: configuration.seed ^ 0xF11E)
        fileSigningKey = (0..<4).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } }
    }

    var behavior: WorkableSandboxBehavior { behaviorBox.withLock { $0 } }

    var nowMillis: Int64 { SandboxTime.millis(configuration.clock.now()) }

    /// Applies the background changes due by the sandbox clock (one batch per elapsed interval).
    func applyDueMutations() {
        guard let interval = behavior.mutationInterval, interval > .zero else { return }
        let now = nowMillis
        let intervalMillis = max(
            1, Int64(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000))
        let tick = now / intervalMillis
        let perInterval = behavior.mutationsPerInterval
        let due = state.withLock { state -> Int in
            guard let last = state.mutationTick else {
                state.mutationTick = tick
                return 0
            }
            state.mutationTick = max(last, tick)
            return Int(max(0, tick - last)) * perInterval
        }
        if due > 0 { mutate(count: min(due, 10_000)) }
    }

    /// Makes `count` changes: stage moves, new candidates (appended at the end), comments.
    func mutate(count: Int) {
        let now = nowMillis
        var raised: [SandboxEvent] = []
        state.withLock { state in
            for _ in 0..<count {
                guard !state.candidates.isEmpty else { return }
                state.mutationsApplied += 1
                let kind = state.random.below(3)
                let position = state.random.below(state.candidates.count)
                let candidate = state.candidates[position]
                switch kind {
                case 0:
                    guard let job = state.job(candidate.shortcode) else { continue }
                    let target = job.pipeline[state.random.below(job.pipeline.count)]
                    state.update(candidate.id) {
                        $0.stageSlug = target
                        $0.updatedAt = now
                    }
                    _ = state.addActivity(to: candidate.id, action: "moved", target: target, at: now)
                    raised.append(SandboxEvent(event: "candidate_moved", candidateID: candidate.id))
                case 1:
                    var copy = candidate
                    copy.id = state.newID()
                    copy.firstname = "New"
                    copy.email = "new.\(copy.id)@example.com"
                    copy.createdAt = now
                    copy.updatedAt = now
                    copy.disqualified = false
                    copy.stageSlug = "applied"
                    state.insert(copy)
                    _ = state.addActivity(to: copy.id, action: "applied", at: now)
                    raised.append(SandboxEvent(event: "candidate_created", candidateID: copy.id))
                default:
                    _ = state.addActivity(to: candidate.id, action: "comment", body: "Background note", at: now)
                    state.update(candidate.id) { $0.updatedAt = now }
                }
            }
        }
        for event in raised { eventSink.yield(event) }
    }

    /// Raises an event for the subscriptions.
    func raise(_ event: String, candidateID: String) {
        eventSink.yield(SandboxEvent(event: event, candidateID: candidateID))
    }
}

/// A candidate event for the subscriptions.
struct SandboxEvent: Sendable {
    var event: String
    var candidateID: String
}

/// Rate-limit windows, scripted faults, the request log.
struct TrafficState: Sendable {
    /// Per token: the window's start (Unix seconds) and the requests counted in it.
    var windows: [String: (start: Int64, count: Int)] = [:]
    var scripted: [(fault: WorkableSandboxFault, path: String?)] = []
    var log: [WorkableSandboxRequest] = []
    var requestNumber = 0
}
