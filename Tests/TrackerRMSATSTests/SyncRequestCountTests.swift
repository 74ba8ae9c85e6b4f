import ATSCore
import ATSSync
import Foundation
import Testing
import TrackerRMSATS
import TrackerRMSSandbox

/// What a sync costs in requests, pinned against the sandbox's request log: a first sync reads each
/// list page and each job's placements once (the candidates stream takes the placement index the
/// applications stream read), and an incremental sync's change lists and re-reads grow with the
/// change, not with the account.
@Suite struct SyncRequestCountTests {
    /// A list page: which list, which page, which lower bound.
    struct Page: Hashable {
        var recordType: String?
        var pageNumber: Int?
        var updatedAfter: String?
    }

    @Test func aFirstSyncReadsEachPageOnceAndAnIncrementalSyncGrowsWithTheChange() async throws {
        let clock = RMSManualSandboxClock(start: rmsStart)
        // A live account's list hides placements before Working: the cross-check finds them.
        var configuration = rmsSandbox(
            placements: 150, behavior: RMSSandboxBehavior(placementsListOnlyWorkingStates: true))
        configuration.clock = clock
        let settings = TrackerRMSATSClient.Settings(placementListing: .crossCheckedOnCompleteReads)
        try await withRMSClient(configuration, settings: settings) { sandbox, client in
            let truth = sandbox.control
            let source = TrackerRMSSyncSource(client: client, account: "rms-counts", pageSize: 20)
            let engine = SyncEngine(
                source: source, store: InMemorySyncStore(), planner: WindowPlanner(fullScanInterval: nil),
                now: { clock.now() })
            let jobs = truth.opportunities.count
            let hidden = truth.placements.count { placement in
                !["Working", "Offer", "Complete"].contains(truth.group(ofPlacementStatus: placement.statusID) ?? "")
            }
            #expect(hidden > 0, "the list hides some placements")

            clock.advance(seconds: 120)
            truth.clearRequestLog()
            let first = try await engine.run(source.streams)
            let firstLog = truth.requestLog
            #expect(first.streams.map(\.traffic.requests).reduce(0, +) == firstLog.count)
            let firstPages = firstLog.filter { $0.operation == "getRecords" && $0.pageNumber != nil }
            for type in ["X", "R"] {
                let pages = firstPages.filter { $0.recordType == type }
                    .map { Page(recordType: $0.recordType, pageNumber: $0.pageNumber, updatedAfter: $0.updatedAfter) }
                #expect(pages.count == Set(pages).count, "no \(type) list page is read twice: \(pages)")
            }
            let jobReads = firstLog.count { $0.operation == "getIndividualRecord" && $0.recordType == "O" }
            #expect(jobReads == jobs, "each job's placements are read once")
            let byID = firstLog.count { $0.operation == "getRecords" && $0.pageNumber == nil }
            #expect(byID == hidden, "each hidden placement is read once")
            // Nothing else: the settings, the list pages, the jobs' placements, the hidden placements.
            let settingsReads = firstLog.count { $0.operation?.hasPrefix("getSettings") == true }
            #expect(firstLog.count == settingsReads + firstPages.count + jobReads + byID)
            let firstJobPages = firstPages.count { $0.recordType == "O" }

            // k placements change (a stage move each, visible in the list after the move).
            let working = try #require(truth.placementStatuses.first { $0.group == "Working" })
            var incrementalCosts: [Int: [RMSSandboxRequestLogEntry]] = [:]
            var moved = 0
            for k in [3, 12] {
                let targets = truth.placements.filter { $0.statusID != working.id }.prefix(k)
                for placement in targets { truth.setPlacementStatus(placement.id, to: working.id) }
                moved += targets.count
                clock.advance(seconds: 600)
                truth.clearRequestLog()
                let run = try await engine.run(source.streams)
                #expect(run.streams.map(\.traffic.requests).reduce(0, +) == truth.requestLog.count)
                incrementalCosts[k] = truth.requestLog
            }
            #expect(moved == 15)
            for (k, log) in incrementalCosts {
                let changeLists = log.filter { $0.pageNumber != nil && $0.updatedAfter?.isEmpty == false }
                // Each stream's change list (and the candidates' index reads the placements' again): k
                // records are at most one page of 25 and the empty page after.
                #expect(changeLists.count <= 4 * 2, "k = \(k): change lists \(changeLists.count)")
                let byID = log.filter { $0.operation == "getRecords" && $0.pageNumber == nil }
                // The look-back re-reads the previous run's changes too (3 before the run of 12).
                let reread = byID.count { $0.recordType == "R" }
                #expect(reread <= (k == 3 ? 3 : 12 + 3), "k = \(k): one re-read per changed placement's candidate")
                // The index takes every placement from the jobs' lists and the changes from the change list:
                // no placement read one by one, no complete placements list.
                #expect(byID.count { $0.recordType == "X" } == 0, "k = \(k)")
                // The candidates' placement index (Tracker RMS cannot list a resource's placements):
                // each job's placements once.
                let fullPages = log.filter { $0.pageNumber != nil && $0.updatedAfter?.isEmpty != false }
                let keys = fullPages.map {
                    Page(recordType: $0.recordType, pageNumber: $0.pageNumber, updatedAfter: $0.updatedAfter)
                }
                #expect(fullPages.count { $0.recordType == "X" } == 0, "k = \(k)")
                #expect(keys.count == Set(keys).count, "k = \(k): no page of the index read twice: \(keys)")
                #expect(log.count { $0.operation == "getIndividualRecord" } == jobs)
                #expect(fullPages.count { $0.recordType == "O" } <= firstJobPages)
            }
            let three = try #require(incrementalCosts[3]).count
            let twelve = try #require(incrementalCosts[12]).count
            #expect(
                twelve - three <= 9 + 2, "nine more changes cost at most nine re-reads and a page: \(three) → \(twelve)"
            )
        }
    }
}
