import Foundation

/// Everything the sandbox holds, mutated under one lock (``WorkableSandboxStore``).
struct SandboxState: Sendable {
    var jobs: [SandboxJob] = []
    var stages: [SandboxStage] = []
    var members: [SandboxMember] = []
    var reasons: [SandboxReason] = []
    var customAttributes: [SandboxCustomAttribute] = []
    /// Candidates in insertion order (which is the paging order).
    var candidates: [SandboxCandidate] = []
    var candidatePosition: [String: Int] = [:]
    /// Each candidate's activities, oldest first.
    var activities: [String: [SandboxActivity]] = [:]
    var files: [String: [SandboxFile]] = [:]
    var subscriptions: [SandboxSubscription] = []
    var nextSubscriptionID = 1
    var random: SeededRandom
    var usedIDs: Set<String> = []
    /// The last mutation interval whose changes were applied.
    var mutationTick: Int64?
    var mutationsApplied = 0

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func newID() -> String {
        while true {
            let id = random.hexID()
            if usedIDs.insert(id).inserted { return id }
        }
    }

    func job(_ shortcode: String) -> SandboxJob? { jobs.first { $0.shortcode == shortcode } }

    func stage(_ slug: String) -> SandboxStage? { stages.first { $0.slug == slug } }

    func candidate(_ id: String) -> SandboxCandidate? { candidatePosition[id].map { candidates[$0] } }

    mutating func insert(_ candidate: SandboxCandidate) {
        candidatePosition[candidate.id] = candidates.count
        candidates.append(candidate)
    }

    /// Removes a candidate record with its activities and files; later records move up one position.
    mutating func remove(_ id: String) -> Bool {
        guard let position = candidatePosition[id] else { return false }
        candidates.remove(at: position)
        candidatePosition = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1.id, $0) })
        activities[id] = nil
        files[id] = nil
        return true
    }

    mutating func update(_ id: String, _ change: (inout SandboxCandidate) -> Void) {
        guard let position = candidatePosition[id] else { return }
        change(&candidates[position])
    }

    mutating func addActivity(
        to candidateID: String, action: String, body: String? = nil, target: String? = nil, member: String? = nil,
        rating: Int? = nil, at time: Int64
    ) -> String {
        let stageName = candidate(candidateID).flatMap { stage($0.stageSlug)?.name }
        let id = newID()
        activities[candidateID, default: []].append(
            SandboxActivity(
                id: id, action: action, stageName: stageName, targetStage: target, body: body, memberID: member,
                rating: rating, createdAt: time, updatedAt: time))
        return id
    }

    /// The normalised e-mail: trimmed, then lower-cased.
    static func normalized(_ email: String?) -> String? {
        guard let email else { return nil }
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }
}
