import ATSSync
import Foundation
import Testing

@Suite struct WindowPlannerTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)
    /// The look-back Tracker's applications stream carries when the account's zone is unknown: the
    /// README's twelve hours (American Samoa's UTC−11 plus an hour). TrackerSyncTests'
    /// `LookBackContractTests` pins that the source really gives it.
    static let trackerLookBackWithoutZone = Duration.seconds(12 * 3_600)
    let incremental = StreamContract(
        stream: .applications, cursor: .updateTime(field: "updated_at"), timestamps: .accountLocal(timeZone: nil),
        lookBack: Self.trackerLookBackWithoutZone, deletions: .byCompleteScan)

    @Test func theFirstWindowIsAFullScanEndingASafetyLagBeforeNow() {
        let plan = WindowPlanner(safetyLag: .seconds(60)).plan(
            contract: incremental, state: StreamState(stream: .applications), now: now)
        #expect(plan == .start(SyncWindow(lower: nil, upper: now.addingTimeInterval(-60), isFullScan: true)))
    }

    @Test func laterWindowsStartALookBackBeforeTheLastCompletedOne() {
        var state = StreamState(stream: .applications)
        let previousUpper = now.addingTimeInterval(-7200)
        state.begin(SyncWindow(lower: nil, upper: previousUpper, isFullScan: true), scanID: "a", startedAt: now)
        state.completeWindow()
        let plan = WindowPlanner(safetyLag: .seconds(60), fullScanInterval: nil).plan(
            contract: incremental, state: state, now: now)
        let expectedLower = previousUpper.addingTimeInterval(-12 * 3600)
        #expect(plan == .start(SyncWindow(lower: expectedLower, upper: now.addingTimeInterval(-60), isFullScan: false)))
    }

    @Test func aStreamWithoutAnUpdateCursorIsAlwaysReadInFull() {
        var state = StreamState(stream: .candidates)
        state.begin(SyncWindow(lower: nil, upper: now, isFullScan: true), scanID: "a", startedAt: now)
        state.completeWindow()
        let contract = StreamContract(
            stream: .candidates, cursor: .none, timestamps: .absolute, lookBack: .zero, deletions: .byCompleteScan)
        let plan = WindowPlanner(fullScanInterval: nil).plan(contract: contract, state: state, now: now)
        guard case .start(let window) = plan else {
            Issue.record("expected a new window")
            return
        }
        #expect(window.isFullScan)
        #expect(contract.supportsIncrementalUpdates == false)
    }

    @Test func aFullScanIsScheduledWhenTheIntervalHasPassed() {
        var state = StreamState(stream: .applications)
        state.begin(
            SyncWindow(lower: nil, upper: now.addingTimeInterval(-90_000), isFullScan: true), scanID: "a",
            startedAt: now)
        state.completeWindow()
        let planner = WindowPlanner(safetyLag: .seconds(60), fullScanInterval: .seconds(86_400))
        guard case .start(let window) = planner.plan(contract: incremental, state: state, now: now) else {
            Issue.record("expected a new window")
            return
        }
        #expect(window.isFullScan)
    }

    @Test func anInterruptedRunIsResumedNotReplanned() {
        var state = StreamState(stream: .applications)
        let window = SyncWindow(lower: nil, upper: now, isFullScan: true)
        state.begin(window, scanID: "scan", startedAt: now)
        state.pageStored(1, records: 10)
        state.pageStored(2, records: 10)
        guard case .resume(let checkpoint) = WindowPlanner().plan(contract: incremental, state: state, now: now) else {
            Issue.record("expected a resume")
            return
        }
        #expect(checkpoint.nextPage == 3)
        #expect(checkpoint.window == window)
        #expect(checkpoint.scanID == "scan")
    }

    @Test func progressNeverMovesBackwards() {
        var state = StreamState(stream: .applications)
        state.begin(SyncWindow(lower: nil, upper: now, isFullScan: true), scanID: "a", startedAt: now)
        state.completeWindow()
        state.begin(
            SyncWindow(lower: nil, upper: now.addingTimeInterval(-3600), isFullScan: false), scanID: "b",
            startedAt: now)
        state.completeWindow()
        #expect(state.completedThrough == now)
        // A clock that went backwards cannot plan a window ending before the completed one.
        let plan = WindowPlanner(fullScanInterval: nil).plan(
            contract: incremental, state: state, now: now.addingTimeInterval(-7200))
        guard case .start(let window) = plan else {
            Issue.record("expected a new window")
            return
        }
        #expect(window.upper >= now)
    }
}
