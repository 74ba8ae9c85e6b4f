internal import Foundation

/// One background change, as reported to tests.
public struct SandboxMutation: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable {
        /// An application's status (and `updated_at`) changed.
        case updated
        /// A new application appeared (with an id above every earlier one).
        case inserted
        /// An application disappeared, with its notes and files.
        case deleted
    }

    /// What happened.
    public var kind: Kind
    /// The application concerned.
    public var applicationID: Int
}

extension SandboxState {
    /// Applies `count` deterministic random changes to applications: 60 % status updates, 20 %
    /// insertions (often a person who already applied, with the same e-mail), 20 % deletions.
    /// The n-th change since start-up is the same for a given seed, whoever triggers it.
    mutating func mutate(count: Int) -> [SandboxMutation] {
        var changes: [SandboxMutation] = []
        for _ in 0..<max(count, 0) {
            let index = mutationCount
            mutationCount += 1
            let draw = generator.hash.draw(.mutation, index, 0)
            let live = applications.liveCount
            // With nothing left to update or delete, every change is an insertion.
            let kind = live == 0 ? 60 : Int(draw % 100)
            switch kind {
            case 0..<60:
                let id = randomLiveApplication(draw: draw >> 8)
                let status = generator.status(draw: generator.hash.draw(.mutation, index, 1))
                if application(id)?.status == status {
                    updateApplication(id) { _ in }
                } else {
                    _ = setStatus(status, ofApplication: id, depth: 0)
                }
                changes.append(SandboxMutation(kind: .updated, applicationID: id))
            case 60..<80:
                // A person who already applied applies again, usually to another job.
                let template = generator.application(1 + Int((draw >> 8) % UInt64(max(generator.applicationCount, 1))))
                let jobID = 1 + Int((draw >> 40) % UInt64(max(generator.jobCount, 1)))
                let created = createApplication(
                    NewApplication(
                        jobID: jobID,
                        firstName: template.firstName, lastName: template.lastName, email: template.email,
                        phone: template.phone, source: template.source, customFields: template.customFields
                    )
                )
                changes.append(SandboxMutation(kind: .inserted, applicationID: created.id))
            default:
                let id = randomLiveApplication(draw: draw >> 8)
                deleteApplication(id)
                changes.append(SandboxMutation(kind: .deleted, applicationID: id))
            }
        }
        return changes
    }

    /// A live application id picked uniformly (the caller checks there is one).
    private func randomLiveApplication(draw: UInt64) -> Int {
        let offset = Int(draw % UInt64(max(applications.liveCount, 1)))
        return applications.page(offset: offset, limit: 1).entries.first?.id ?? 1
    }
}

/// The background mutation rate (``SandboxBehavior/mutationRate``) laid out on the sandbox clock:
/// by instant `t`, `⌊(t − start) × rate⌋` changes are due.
///
/// The clock is the sandbox's own (``SandboxConfiguration/clock``), not the wall clock, so with a
/// ``ManualSandboxClock`` the number of changes made depends only on how far the test (or a
/// ``SandboxAdvancingClock``) moved time, and each change is the seed's n-th one: two sandboxes
/// with the same seed whose clocks move alike change their accounts alike.
struct MutationSchedule: Sendable, Hashable {
    /// Changes per second of sandbox time.
    var rate: Double
    /// When the rate took effect.
    var start: Date
    /// Changes made under this schedule.
    var made = 0

    /// A schedule from `start`, or `nil` when `rate` makes no changes.
    init?(rate: Double, startingAt start: Date) {
        guard rate > 0 else { return nil }
        self.rate = rate
        self.start = start
    }

    /// How many changes are due by `now` and not made yet.
    func owed(at now: Date) -> Int {
        let elapsed = max(now.timeIntervalSince(start), 0)
        let due = (elapsed * rate).rounded(.down)
        guard due.isFinite, due < Double(Int.max) else { return 0 }
        return max(Int(due) - made, 0)
    }
}

extension SandboxState {
    /// Makes the background changes due by the sandbox clock's current reading: called when a
    /// request arrives, when a ``SandboxAdvancingClock`` moves time, and on the background loop's
    /// ticks, so the account has changed as the clock says whenever anyone looks.
    /// - Returns: the changes made.
    @discardableResult
    mutating func makeDueMutations() -> [SandboxMutation] {
        guard var schedule = mutationSchedule else { return [] }
        let owed = schedule.owed(at: configuration.clock.now())
        guard owed > 0 else { return [] }
        schedule.made += owed
        mutationSchedule = schedule
        return mutate(count: owed)
    }

    /// Changes the behaviour; a new mutation rate starts from now, after the changes the old rate
    /// owed up to now were made.
    mutating func setBehavior(_ new: SandboxBehavior) {
        makeDueMutations()
        let rateChanged = new.mutationRate != behavior.mutationRate
        behavior = new
        if rateChanged {
            mutationSchedule = MutationSchedule(rate: new.mutationRate, startingAt: configuration.clock.now())
        }
    }
}
