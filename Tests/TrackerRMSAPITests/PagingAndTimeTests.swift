import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSSandbox

@Suite("TrackerRMSAPI: page-base detection, caps, count, and naive local times from UTC−10 to UTC+14")
struct PagingAndTimeTests {
    @Test(
        "Every page base is detected, and every placement is read exactly once", arguments: RMSSandboxPageBase.allCases)
    func pageBaseDetection(base: RMSSandboxPageBase) async throws {
        try await withSandboxClient(smallSandbox(placements: 73, behavior: RMSSandboxBehavior(pageBase: base))) {
            sandbox, client in
            let pages = try await collect(client.placements())
            let ids = pages.flatMap { $0.records.map { $0.id.int } }
            #expect(ids == sandbox.control.placements.map(\.id))
            let expectedBase = base == .zero ? 0 : 1
            #expect(pages.last?.pageBase == expectedBase)
            let kind: RMSServerObservation.Kind = expectedBase == 0 ? .pageBaseZero : .pageBaseOne
            #expect(client.serverObservations.contains { $0.kind == kind })
            // 73 records in pages of 20: four pages of records, then the empty page that ends the scan.
            // A 1-based server needs one more request (page 0 read as 1, empty, or refused and retried once).
            let pageNumbers = sandbox.control.requestLog.compactMap(\.pageNumber)
            switch base {
            case .zero: #expect(pageNumbers == [0, 1, 2, 3, 4])
            case .oneReadingZeroAsOne, .oneWithZeroEmpty: #expect(pageNumbers == [0, 1, 2, 3, 4, 5])
            case .oneWithZeroRefused: #expect(pageNumbers == [0, 0, 1, 2, 3, 4, 5])
            }
        }
    }

    @Test("A server capping pages below the asked size, counting all matches: nothing is lost or repeated")
    func capAndTotalCount() async throws {
        let behavior = RMSSandboxBehavior(pageSizeCap: 7, countMeaning: .total)
        try await withSandboxClient(smallSandbox(placements: 50, behavior: behavior)) { sandbox, client in
            let ids = try await collect(client.placements().records).map { $0.id.int }
            #expect(ids == sandbox.control.placements.map(\.id))
            let kinds = Set(client.serverObservations.map(\.kind))
            #expect(kinds.contains(.countIsTotal))
            #expect(kinds.contains(.pageSizeCapped))
        }
    }

    @Test("With the lesson's placement filter on, lists hold later stages only; the job view still lists all")
    func placementFilter() async throws {
        let behavior = RMSSandboxBehavior(placementsListOnlyWorkingStates: true)
        try await withSandboxClient(smallSandbox(behavior: behavior)) { sandbox, client in
            let listed = Set(try await collect(client.placements().records).compactMap { $0.id.int })
            let control = sandbox.control
            let later = Set(
                control.placements.filter {
                    ["Working", "Offer", "Complete"].contains(control.group(ofPlacementStatus: $0.statusID) ?? "")
                }.map(\.id))
            #expect(listed == later)
            var fromJobs = Set<Int>()
            for job in control.opportunities {
                let detail = try await client.opportunity(RMSRecordID(Int64(job.id)))
                fromJobs.formUnion(detail.placements.compactMap { $0.placementID.int })
            }
            #expect(fromJobs == Set(control.placements.map(\.id)))
        }
    }

    static let zones = [
        "America/Adak", "Pacific/Honolulu", "America/Anchorage", "America/Chicago", "UTC", "Europe/London",
        "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Kiritimati",
    ]
    static let bases: [RMSSandboxPageBase] = [.zero, .oneReadingZeroAsOne]

    @Test(
        "Times read back as the exact instants, and updatedAfter returns exactly the later records",
        arguments: zones, bases)
    func timesInZone(zone: String, base: RMSSandboxPageBase) async throws {
        let configuration = smallSandbox(zone: zone, placements: 45, behavior: RMSSandboxBehavior(pageBase: base))
        try await withSandboxClient(configuration) { sandbox, client in
            let truth = Dictionary(uniqueKeysWithValues: sandbox.control.placements.map { ($0.id, $0.updatedAt) })
            let all = try await collect(client.placements().records)
            for placement in all {
                let id = try #require(placement.id.int)
                let expected = try #require(truth[id])
                #expect(placement.lastUpdated?.instant == Date(timeIntervalSince1970: Double(expected)))
                #expect(placement.lastUpdated?.placement == .accountZone)
            }
            let cutoff = sandbox.control.placements.map(\.updatedAt).sorted()[20]
            let cursor = Date(timeIntervalSince1970: Double(cutoff))
            let changed = try await collect(
                client.placements(.init(updatedAfter: cursor, order: .lastUpdatedAscending)).records)
            let returned = Set(changed.compactMap { $0.id.int })
            let mustHave = Set(truth.filter { $0.value >= cutoff }.map(\.key))
            let mayHave = Set(truth.filter { $0.value >= cutoff - RMSAccountTime.filterMarginSeconds }.map(\.key))
            #expect(mustHave.isSubset(of: returned))
            #expect(returned.isSubset(of: mayHave))
            let times = changed.compactMap { $0.lastUpdated?.instant }
            #expect(times == times.sorted())
        }
    }

    @Test(
        "Without the zone the filter is widened, nothing is missed, and times say they are unplaced",
        arguments: ["America/Adak", "Pacific/Kiritimati"])
    func unknownZone(zone: String) async throws {
        try await withSandboxClient(smallSandbox(zone: zone, placements: 45), knowsZone: false) { sandbox, client in
            let cutoff = sandbox.control.placements.map(\.updatedAt).sorted()[20]
            let pages = try await collect(
                client.placements(.init(updatedAfter: Date(timeIntervalSince1970: Double(cutoff)))))
            #expect(pages.allSatisfy { $0.isTimeFilterWidened })
            let returned = Set(pages.flatMap { $0.records.compactMap { $0.id.int } })
            let mustHave = Set(sandbox.control.placements.filter { $0.updatedAt >= cutoff }.map(\.id))
            #expect(mustHave.isSubset(of: returned))
            let first = try #require(pages.first?.records.first?.lastUpdated)
            #expect(first.placement == .unplaced)
            #expect(first.instant == nil)
            let truth = try #require(sandbox.control.placements.first { $0.id == pages.first?.records.first?.id.int })
            #expect(first.possibleInstants.contains(Date(timeIntervalSince1970: Double(truth.updatedAt))))
        }
    }

    @Test("A record changed mid-scan in the zone reads back at the sandbox clock's instant")
    func writeThenRead() async throws {
        let clock = RMSManualSandboxClock(start: fixedStart)
        var configuration = smallSandbox(zone: "America/Adak")
        configuration.clock = clock
        try await withSandboxClient(configuration) { sandbox, client in
            clock.advance(seconds: 3600 * 24 * 240)  // into Adak's daylight-saving time
            let placement = try #require(sandbox.control.placements.first)
            let settings = try await client.settings()
            let moved = try await client.movePlacement(
                RMSRecordID(Int64(placement.id)), to: try #require(settings.placementStatus(named: "Offer Made")))
            #expect(moved.lastUpdated?.instant == clock.now())
        }
    }
    /// An absurd instant (a cursor far past year 9999, NaN) is written as the nearest date-time the
    /// wire can spell, never a trap converting it to whole seconds (found by the reply fuzz).
    @Test(arguments: [1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 9.3e18])
    func absurdInstantsAreHeldWithinSpellableYears(seconds: Double) throws {
        let instant = Date(timeIntervalSince1970: seconds)
        for zone in [TimeZone(identifier: "Pacific/Kiritimati"), TimeZone(identifier: "America/Adak"), nil] {
            let time = RMSAccountTime(timeZone: zone)
            for text in [time.updatedAfter(instant).text, time.updatedBefore(instant).text] {
                let year = try #require(Int(text.prefix(4)), "\(text)")
                #expect((1...9999).contains(year), "\(text)")
            }
            if let wall = time.wireText(instant) { #expect(!wall.isEmpty) }
        }
    }
}
