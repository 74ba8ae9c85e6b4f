import ATSCore
import ATSSync
import ATSTestSupport
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// The time-zone suite's Tracker RMS part: accounts in zones from UTC−10 (America/Adak, Honolulu)
/// to UTC+14 (Kiritimati), a half-hour zone and both DST days of America/Chicago, in the sandbox's
/// page-base modes, with and without the account's zone given to the client. Changes stamped one
/// second before, exactly at and one second after the edge of the next incremental window each
/// reach the mirror exactly once: the stage history holds one change for each, a later run adds
/// none, and no row is lost or doubled. Quick: two page-base modes on the in-memory store;
/// `ATSKIT_RELIABILITY=full`: every page-base mode, on SQLite (`scripts/reliability timezones`).
@Suite struct RMSTimeZoneEdgeTests {
    /// A zone and the instant the sandbox clock starts at.
    struct Account: Sendable, CustomTestStringConvertible {
        var zone: String
        var start: Date
        var testDescription: String { "\(zone) from \(start.formatted(.iso8601))" }
    }

    static let accounts = [
        Account(zone: "America/Adak", start: rmsStart), Account(zone: "Pacific/Honolulu", start: rmsStart),
        Account(zone: "Pacific/Kiritimati", start: rmsStart), Account(zone: "Asia/Kolkata", start: rmsStart),
        // 01:50 CST on the day the clocks spring forward (02:00 → 03:00 at 08:00 UTC): the next window skips an hour.
        Account(zone: "America/Chicago", start: Date(timeIntervalSince1970: 1_772_956_200)),
        // 01:50 CDT on the day the clocks fall back (01:00–02:00 repeats from 07:00 UTC): the next window starts in the repeated hour.
        Account(zone: "America/Chicago", start: Date(timeIntervalSince1970: 1_793_515_800)),
    ]

    static let pageBases: [RMSSandboxPageBase] =
        ReliabilityRun.isFull ? RMSSandboxPageBase.allCases : [.zero, .oneWithZeroRefused]

    static let cases = accounts.flatMap { account in
        pageBases.flatMap { base in [true, false].map { (account, base, $0) } }
    }

    /// What the cases found, counted.
    struct Figures {
        var edgeChanges = 0
        var mirroredOnce = 0
        var rowsLostOrDoubled = 0
        var wrongTimes = 0
    }

    @Test func aChangeAtTheWindowEdgeIsMirroredExactlyOnce() async throws {
        var totals = Figures()
        for (account, pageBase, knowsZone) in Self.cases {
            let figures = try await Self.edgeCase(account, pageBase, knowsZone)
            totals.edgeChanges += figures.edgeChanges
            totals.mirroredOnce += figures.mirroredOnce
            totals.rowsLostOrDoubled += figures.rowsLostOrDoubled
            totals.wrongTimes += figures.wrongTimes
        }
        ReliabilityRun.publish(
            suite: "timezones (tracker-rms)",
            [
                "combinations": Self.cases.count, "zones": Set(Self.accounts.map(\.zone)).count, "dst_days": 2,
                "page_bases": Self.pageBases.count, "edge_changes": totals.edgeChanges,
                "mirrored_exactly_once": totals.mirroredOnce,
                "missed_or_repeated": totals.edgeChanges - totals.mirroredOnce,
                "rows_lost_or_doubled": totals.rowsLostOrDoubled, "wrong_update_times": totals.wrongTimes,
                "stores": [ReliabilityRun.isFull ? "sqlite" : "memory"],
            ])
    }

    /// One zone, page base and zone setting: three changes around the edge, three syncs.
    static func edgeCase(
        _ account: Account, _ pageBase: RMSSandboxPageBase, _ knowsZone: Bool
    ) async throws -> Figures {
        var figures = Figures()
        let clock = RMSManualSandboxClock(start: account.start)
        var configuration = rmsSandbox(
            zone: account.zone, placements: 30, behavior: RMSSandboxBehavior(pageBase: pageBase, pageSizeCap: 7))
        configuration.clock = clock
        let kind: StoreKind = ReliabilityRun.isFull ? .sqlite : .memory
        let label = "\(account.testDescription), \(pageBase), zone \(knowsZone ? "given" : "not given")"
        try await kind.withStore { store in
            try await withRMSClient(configuration, knowsZone: knowsZone) { sandbox, client in
                let truth = sandbox.control
                let source = TrackerRMSSyncSource(client: client, account: "rms-tz", pageSize: 7)
                func sync() async throws -> SyncRunReport {
                    try await SyncEngine(
                        source: source, store: store, planner: WindowPlanner(fullScanInterval: nil),
                        now: { clock.now() }
                    ).run([.applications])
                }
                clock.advance(seconds: 300)
                _ = try await sync()
                let edge = clock.now()

                // Three placements move to another status; their times straddle the next window's edge.
                let moved = Array(truth.placements.prefix(3))
                for (placement, offset) in zip(moved, [-1.0, 0, 1]) {
                    let other = try #require(truth.placementStatuses.first { $0.id != placement.statusID })
                    truth.setPlacementStatus(placement.id, to: other.id)
                    truth.setPlacementUpdatedAt(placement.id, to: edge.addingTimeInterval(offset))
                }
                clock.advance(seconds: 600)
                let second = try await sync()
                #expect(second.streams.allSatisfy { $0.completed && $0.isIncremental }, "\(label)")
                clock.advance(seconds: 600)
                _ = try await sync()

                let rows = try await store.storedRows(of: .applications, account: "rms-tz").filter {
                    $0.deletedAt == nil
                }
                #expect(rows.count == truth.placements.count, "\(label): no row lost or doubled")
                figures.rowsLostOrDoubled += abs(rows.count - truth.placements.count)
                #expect(Set(rows.map(\.id)) == Set(truth.placements.map { String($0.id) }), "\(label)")
                let history = try await store.stageHistory(of: .applications, account: "rms-tz")
                for placement in moved {
                    let id = String(placement.id)
                    let changes = history.filter { $0.id == id && $0.from != nil }
                    let now = truth.statusName(ofPlacement: placement.id)
                    #expect(changes.count == 1, "\(label): \(id) changed once, history \(changes)")
                    figures.edgeChanges += 1
                    if changes.count == 1 && changes.last?.to == now { figures.mirroredOnce += 1 }
                    #expect(changes.last?.to == now, "\(label): \(id) is at \(now ?? "?")")
                    let row = rows.first { $0.id == id }
                    let expected = truth.placements.first { $0.id == placement.id }.map { instant($0.updatedAt) }
                    #expect(row?.updatedAt == (knowsZone ? expected : nil), "\(label): \(id)'s time")
                    if row?.updatedAt != (knowsZone ? expected : nil) { figures.wrongTimes += 1 }
                }
            }
        }
        return figures
    }
}
