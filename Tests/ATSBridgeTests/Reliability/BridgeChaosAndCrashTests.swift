import ATSBridge
import ATSCore
import Foundation
import Testing
import TrackerSandbox

/// Seeded bridge runs whose creates lose their answer or their request at random, each followed by
/// a re-run: after every run, exactly one target application per person and job. Quick: 3 seeds;
/// `ATSKIT_RELIABILITY=full`: 20 (`scripts/reliability chaos`).
@Suite struct BridgeChaosTests {
    @Test func seededRunsWithLostCreateAnswersLeaveOnePerPersonAndJob() async throws {
        let runs = BridgeReliability.budget(quick: 3, full: 20)
        var totals = BridgeTotals()
        for seed in 0..<runs {
            var random = SplitMix(seed: UInt64(seed) &+ 0xB41D6E)
            let scripts: [CreateScript] = (0..<64).map { _ in
                switch random.below(10) {
                case 0, 1: .loseAnswer
                case 2: .loseRequest
                default: .answer
                }
            }
            // Odd seeds: the target sandbox drops create answers and Tracker's own client meets them;
            // even seeds: a target that never looks for an existing application loses them.
            let droppedAnswers = seed % 2 == 1 ? 1 + random.below(3) : 0
            try await withBridgeSandboxes { sandboxes in
                let calls = Counter()
                let target: any ATSClient
                if droppedAnswers > 0 {
                    sandboxes.targetSandbox.control.scriptFault(
                        .connectionClosedMidBody, method: "POST", pathSuffix: "/applications", count: droppedAnswers)
                    target = sandboxes.target
                } else {
                    target = ScriptedTarget(base: sandboxes.target, sandbox: sandboxes.targetSandbox) { number in
                        _ = calls.next()
                        return scripts[(number - 1) % scripts.count]
                    }
                }
                let journal = InMemoryBridgeJournal()
                let first = try await sandboxes.bridge(journal: journal, target: target).run()
                totals.rowsFailed += first.rows.count { $0.outcome == .failed && $0.reason != .noEmail }
                totals.check(sandboxes, run: "seed \(seed), first run")
                // The run after the faults settles what the first left in doubt and sends no second create.
                _ = try await sandboxes.bridge(journal: journal).run()
                totals.check(sandboxes, run: "seed \(seed), re-run")
                let scripted = scripts.prefix(calls.value)
                totals.lostAnswers += scripted.count { $0 == .loseAnswer }
                totals.lostRequests += scripted.count { $0 == .loseRequest }
                totals.droppedConnections += droppedAnswers
            }
        }
        totals.expectNone()
        BridgeReliability.publish(
            suite: "bridge-chaos",
            [
                "runs": runs * 2, "seeds": runs, "creates_sent": totals.creates, "answers_lost": totals.lostAnswers,
                "requests_lost": totals.lostRequests, "connections_dropped": totals.droppedConnections,
                "rows_failed_first_run": totals.rowsFailed, "people_checked": totals.people,
                "duplicates": totals.duplicates, "missing": totals.missing,
            ])
    }

}

/// A bridge run killed at every step of each of its first creates, then run again with the same
/// journal: one target application per person and job. Quick: the first two creates;
/// `ATSKIT_RELIABILITY=full`: the first six (`scripts/reliability crash`).
@Suite struct BridgeCrashTests {
    @Test func aRunKilledAtEveryStepOfEveryCreateAndRunAgainLeavesOnePerPersonAndJob() async throws {
        let creates = BridgeReliability.budget(quick: 2, full: 6)
        var totals = BridgeTotals()
        var kills = 0
        for number in 1...creates {
            for point in BridgeKillPointTests.KillPoint.allCases {
                try await withBridgeSandboxes { sandboxes in
                    try await withScratchFolder { folder in
                        let file = folder.appendingPathComponent("bridge.journal")
                        let killedJournal = try FileBridgeJournal(url: file, bridge: "test")
                        let stopping = StoppingJournal(base: killedJournal) { entry, count in
                            switch point {
                            case .beforeTheRequest: entry.step == .intent && count == number
                            case .afterTheJournal: entry.step == .created && count == number
                            case .afterTheRequestBeforeTheJournal: false
                            }
                        }
                        let killing = ScriptedTarget(base: sandboxes.target, sandbox: sandboxes.targetSandbox) {
                            point == .afterTheRequestBeforeTheJournal && $0 == number ? .killAfterSending : .answer
                        }
                        await #expect(throws: Killed.self) {
                            try await sandboxes.bridge(journal: stopping, target: killing).run()
                        }
                        kills += 1
                        await killedJournal.close()
                        let journal = try FileBridgeJournal(url: file, bridge: "test")
                        let rerun = ScriptedTarget(base: sandboxes.target, sandbox: sandboxes.targetSandbox)
                        _ = try await sandboxes.bridge(journal: journal, target: rerun).run()
                        await journal.close()
                        totals.check(sandboxes, run: "killed \(point) of create \(number)")
                        #expect(
                            try await FileBridgeJournal(url: file, bridge: "test", readOnly: true).createsInDoubt()
                                .isEmpty)
                    }
                }
            }
        }
        totals.expectNone()
        BridgeReliability.publish(
            suite: "bridge-crash",
            [
                "kills": kills, "runs": kills * 2, "kill_points": BridgeKillPointTests.KillPoint.allCases.count,
                "creates_killed": creates, "creates_sent": totals.creates, "people_checked": totals.people,
                "duplicates": totals.duplicates, "missing": totals.missing,
            ])
    }
}

/// What the bridge's reliability runs found, summed.
private struct BridgeTotals {
    var creates = 0
    var people = 0
    var duplicates = 0
    var missing = 0
    var lostAnswers = 0
    var lostRequests = 0
    var droppedConnections = 0
    var rowsFailed = 0
    private var findings: [String] = []

    /// Counts, on the target, the people with more than one application on a job (each extra one is
    /// a duplicate) and the people the source has and the target does not (after a re-run only).
    mutating func check(_ sandboxes: BridgeSandboxes, run: String) {
        let perPerson = sandboxes.targetApplicationsPerPerson()
        let extra = perPerson.values.reduce(0) { $0 + max(0, $1 - 1) }
        duplicates += extra
        if extra > 0 { findings.append("\(run): \(extra) duplicates") }
        if run.contains("re-run") || run.contains("killed") {
            let expected = sandboxes.expectedPeople()
            let absent = expected.subtracting(perPerson.keys).count
            missing += absent
            people += expected.count
            creates += sandboxes.targetCreates
            if absent > 0 { findings.append("\(run): \(absent) missing") }
        }
    }

    func expectNone() {
        #expect(duplicates == 0 && missing == 0, "\(findings.prefix(5))")
    }
}

/// A small seeded generator, so that a seed replays a run.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}

/// Prints the bridge suites' figures as `RELIABILITY {json}` lines for `scripts/reliability`.
enum BridgeReliability {
    static var isFull: Bool { ProcessInfo.processInfo.environment["ATSKIT_RELIABILITY"] == "full" }

    static func budget(quick: Int, full: Int) -> Int { isFull ? full : quick }

    static func publish(suite: String, _ figures: [String: Any]) {
        var object = figures
        object["suite"] = suite
        object["budget"] = isFull ? "full" : "quick"
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        print("RELIABILITY " + String(decoding: data, as: UTF8.self))
    }
}
