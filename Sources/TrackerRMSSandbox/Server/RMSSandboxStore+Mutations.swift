internal import Synchronization

extension RMSSandboxStore {
    /// Applies the background mutations due by the sandbox clock (``RMSSandboxBehavior/mutationsPerHour``
    /// times the hours since the sandbox started), lazily on each request: no timer runs, so a test
    /// that advances a manual clock decides exactly how many happen.
    func applyDueMutations() {
        let rate = behavior.mutationsPerHour
        guard rate > 0 else { return }
        let now = self.now
        let due = traffic.withLock { traffic -> Int in
            let total = Int(Double(now - traffic.mutationEpoch) / 3600 * rate)
            let pending = max(0, total - traffic.mutationsApplied)
            traffic.mutationsApplied += pending
            return min(pending, 10_000)
        }
        if due > 0 { _ = mutate(count: due) }
    }

    /// Makes `count` changes a busy agency makes: placements moving stage, resources edited, jobs
    /// edited, notes written. Returns the changed records as `"X:123"`-style keys.
    func mutate(count: Int) -> [String] {
        let now = self.now
        let start = traffic.withLock { traffic -> Int in
            defer { traffic.mutationsApplied += 0 }
            return traffic.requestCount
        }
        var changed: [String] = []
        data.withLock { data in
            var random = RMSSandboxRandom(seed: configuration.seed &+ UInt64(data.version) &* 31 &+ UInt64(start))
            for _ in 0..<count {
                switch random.below(4) {
                case 0, 1:
                    guard !data.placements.isEmpty else { continue }
                    let index = random.below(data.placements.count)
                    let current = data.placements[index].statusID
                    let others = data.placementStatuses.filter { $0.id != current }
                    data.placements[index].statusID = random.pick(others).id
                    data.placements[index].updatedAt = now
                    changed.append("X:\(data.placements[index].id)")
                case 2:
                    let index = random.below(data.resources.count)
                    data.resources[index].jobTitle = random.pick(RMSSandboxSeeder.titles)
                    data.resources[index].updatedAt = now
                    changed.append("R:\(data.resources[index].id)")
                default:
                    guard !data.placements.isEmpty else { continue }
                    let placement = data.placements[random.below(data.placements.count)]
                    let id = data.takeID()
                    data.activities.append(
                        RMSSandboxActivity(
                            id: id, subject: "Call: follow-up", typeName: "Call", statusName: "Completed",
                            note: "Left a voicemail.", linkRecordType: "R", linkRecordID: placement.resourceID,
                            resourceID: placement.resourceID, opportunityID: placement.opportunityID,
                            placementID: placement.id, userID: 2, updatedAt: now))
                    changed.append("A:\(id)")
                }
            }
            data.version += 1
        }
        return changed
    }
}
