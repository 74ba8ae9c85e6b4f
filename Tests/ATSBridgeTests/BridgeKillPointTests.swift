import ATSBridge
import ATSCore
import Foundation
import Testing
import TrackerSandbox

/// Never a duplicate, when the run stops dead at each step of a create and is run again with the
/// same journal; and when a create's answer is lost. The target's create here never looks for an
/// existing application itself, so only the bridge can prevent a duplicate.
@Suite struct BridgeKillPointTests {
    /// Where in the second create of the run the run dies.
    enum KillPoint: String, CaseIterable, Sendable {
        /// The intent is in the journal; the request was never sent.
        case beforeTheRequest
        /// The target created the application; the run died before the journal heard of it.
        case afterTheRequestBeforeTheJournal
        /// The result is in the journal too.
        case afterTheJournal
    }

    @Test(arguments: KillPoint.allCases)
    func aRunKilledAtAStepOfACreateAndRunAgainLeavesOneApplicationPerPersonAndJob(_ point: KillPoint) async throws {
        try await withBridgeSandboxes { sandboxes in
            try await withScratchFolder { folder in
                let file = folder.appendingPathComponent("bridge.journal")
                let killedJournal = try FileBridgeJournal(url: file, bridge: "test")
                let stopping = StoppingJournal(base: killedJournal) { entry, count in
                    switch point {
                    case .beforeTheRequest: entry.step == .intent && count == 2
                    case .afterTheJournal: entry.step == .created && count == 2
                    case .afterTheRequestBeforeTheJournal: false
                    }
                }
                let killingTarget = ScriptedTarget(base: sandboxes.target, sandbox: sandboxes.targetSandbox) { number in
                    point == .afterTheRequestBeforeTheJournal && number == 2 ? .killAfterSending : .answer
                }
                await #expect(throws: Killed.self) {
                    try await sandboxes.bridge(journal: stopping, target: killingTarget).run()
                }
                let postsWhenKilled = sandboxes.targetCreates
                #expect(postsWhenKilled == (point == .beforeTheRequest ? 1 : 2))
                // The process is gone: its lock goes with it.
                await killedJournal.close()
                let inDoubt = try await FileBridgeJournal(url: file, bridge: "test", readOnly: true).createsInDoubt()
                #expect(inDoubt.count == (point == .afterTheJournal ? 0 : 1), "the journal holds the unsettled intent")

                let journal = try FileBridgeJournal(url: file, bridge: "test")
                let rerun = ScriptedTarget(base: sandboxes.target, sandbox: sandboxes.targetSandbox)
                let report = try await sandboxes.bridge(journal: journal, target: rerun).run()
                await journal.close()

                let perPerson = sandboxes.targetApplicationsPerPerson()
                #expect(Set(perPerson.keys) == sandboxes.expectedPeople())
                #expect(perPerson.values.allSatisfy { $0 == 1 }, "duplicates: \(perPerson.filter { $0.value > 1 })")
                #expect(
                    sandboxes.targetCreates == sandboxes.expectedPeople().count, "one POST per person and job, ever")
                #expect(
                    !report.hasFailures || report.rows.allSatisfy { $0.outcome != .failed || $0.reason == .noEmail })
                let settled = report.rows.filter { $0.reason == .settledInterruptedCreate }
                #expect(settled.count == (point == .afterTheRequestBeforeTheJournal ? 1 : 0))
                #expect(try await FileBridgeJournal(url: file, bridge: "test", readOnly: true).createsInDoubt().isEmpty)
            }
        }
    }

    @Test func aCreateWhoseAnswerWasLostIsFoundOnTheTargetAndNotSentAgain() async throws {
        try await withBridgeSandboxes { sandboxes in
            let target = ScriptedTarget(base: sandboxes.target, sandbox: sandboxes.targetSandbox) { number in
                number == 1 ? .loseAnswer : .answer
            }
            let report = try await sandboxes.bridge(target: target).run()
            let settled = try #require(report.rows.first { $0.reason == .answerLostFoundOnTarget })
            #expect(settled.outcome.name == "created")
            #expect(sandboxes.targetCreates == sandboxes.expectedPeople().count, "the lost create was not sent again")
            #expect(sandboxes.targetApplicationsPerPerson().values.allSatisfy { $0 == 1 })
        }
    }

    @Test func aCreateLostOnTheWayIsSentAgainOnlyAfterTheTargetWasRead() async throws {
        try await withBridgeSandboxes { sandboxes in
            let target = ScriptedTarget(base: sandboxes.target, sandbox: sandboxes.targetSandbox) { number in
                number == 1 ? .loseRequest : .answer
            }
            let report = try await sandboxes.bridge(target: target).run()
            #expect(report.creates == sandboxes.expectedPeople().count)
            #expect(sandboxes.targetCreates == sandboxes.expectedPeople().count)
            #expect(Set(sandboxes.targetApplicationsPerPerson().keys) == sandboxes.expectedPeople())
        }
    }

    @Test func aCreateLostTwiceFailsItsRowAndTheNextRunSettlesIt() async throws {
        try await withBridgeSandboxes { sandboxes in
            try await withScratchFolder { folder in
                let file = folder.appendingPathComponent("bridge.journal")
                let journal = try FileBridgeJournal(url: file, bridge: "test")
                let target = ScriptedTarget(base: sandboxes.target, sandbox: sandboxes.targetSandbox) { number in
                    number <= 2 ? .loseRequest : .answer
                }
                let report = try await sandboxes.bridge(journal: journal, target: target).run()
                let failed = try #require(report.rows.first { $0.reason == .outcomeUnknown })
                #expect(failed.outcome == .failed)
                #expect(try await journal.createsInDoubt().count == 1)
                await journal.close()

                let again = try FileBridgeJournal(url: file, bridge: "test")
                let rerun = try await sandboxes.bridge(journal: again).run()
                await again.close()
                let row = try #require(rerun.rows.first { $0.sourceID == failed.sourceID })
                #expect(row.outcome.name == "created")
                #expect(sandboxes.targetApplicationsPerPerson().values.allSatisfy { $0 == 1 })
                #expect(Set(sandboxes.targetApplicationsPerPerson().keys) == sandboxes.expectedPeople())
            }
        }
    }

    /// End to end through Tracker's own client: the sandbox closes the connection after the
    /// create took effect.
    @Test func aSandboxThatDropsTheCreatesAnswerGetsNoDuplicate() async throws {
        try await withBridgeSandboxes { sandboxes in
            sandboxes.targetSandbox.control.scriptFault(
                .connectionClosedMidBody, method: "POST", pathSuffix: "/applications", count: 3)
            let report = try await sandboxes.bridge().run()
            #expect(report.creates == sandboxes.expectedPeople().count)
            #expect(sandboxes.targetCreates == sandboxes.expectedPeople().count)
            #expect(sandboxes.targetApplicationsPerPerson().values.allSatisfy { $0 == 1 })
        }
    }
}
