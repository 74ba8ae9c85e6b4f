import Foundation
import Testing
import TrackerRMSSandbox

@Suite("Tracker RMS sandbox: paging knobs, count, placement filter")
struct SandboxPagingTests {
    static let small = RMSSandboxConfiguration(
        opportunityCount: 10, resourceCount: 40, placementCount: 57, activityCount: 20,
        clock: RMSManualSandboxClock(start: fixedStart))

    @Test("Every page base serves every placement once, in ascending id order", arguments: RMSSandboxPageBase.allCases)
    func pageBases(base: RMSSandboxPageBase) async throws {
        var configuration = Self.small
        configuration.behavior.pageBase = base
        try await withTrackerRMSSandbox(configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let first = base == .zero ? 0 : 1
            let ids = try await wire.allIDs("X", base: first, pageSize: 10)
            let truth = sandbox.control.placements.map(\.id)
            #expect(ids == truth)
            let zero = try await wire.records("X", ["numrecords": 10, "pagenum": 0])
            switch base {
            case .zero, .oneReadingZeroAsOne:
                #expect(try zero.results().map { $0["id"] as? Int } == truth.prefix(10).map { $0 })
            case .oneWithZeroEmpty: #expect(try zero.results().isEmpty)
            case .oneWithZeroRefused: #expect(try zero.rmsStatus() == 99)
            }
        }
    }

    @Test("numrecords above the cap is served as the cap, without error; count follows its knob")
    func capAndCount() async throws {
        var configuration = Self.small
        configuration.behavior.pageSizeCap = 7
        configuration.behavior.countMeaning = .total
        try await withTrackerRMSSandbox(configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let reply = try await wire.records("X", ["numrecords": 500, "pagenum": 0])
            #expect(try reply.rmsStatus() == 0)
            #expect(try reply.results().count == 7)
            #expect(try reply.object()["count"] as? Int == 57)
            sandbox.control.updateBehavior { $0.countMeaning = .page }
            #expect(try await wire.records("X", ["numrecords": 500, "pagenum": 0]).object()["count"] as? Int == 7)
        }
    }

    @Test("With the lesson's filter on, placement lists hold only Working, Offer and Complete; by id, all")
    func placementFilter() async throws {
        try await withTrackerRMSSandbox(Self.small) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let control = sandbox.control
            let groups = Set(control.placements.compactMap { control.group(ofPlacementStatus: $0.statusID) })
            #expect(groups == ["Applied", "Shortlisted", "Internal", "Offer", "Working", "Complete", "Unsuccessful"])
            control.updateBehavior { $0.placementsListOnlyWorkingStates = true }
            let listed = Set(try await wire.allIDs("X", base: 0, pageSize: 500))
            let expected = Set(
                control.placements.filter {
                    ["Working", "Offer", "Complete"].contains(control.group(ofPlacementStatus: $0.statusID) ?? "")
                }.map(\.id))
            #expect(listed == expected)
            let early = try #require(
                control.placements.first { control.group(ofPlacementStatus: $0.statusID) == "Applied" })
            let byID = try await wire.records("X", ["recordid": early.id]).results()
            #expect(byID.map { $0["id"] as? Int } == [early.id])
            control.updateBehavior { $0.placementsListOnlyWorkingStates = false }
            #expect(try await wire.allIDs("X", base: 0, pageSize: 500).count == 57)
        }
    }

    @Test("Sorting by lastupdateddatetime breaks ties by id; state and searchtext filter opportunities")
    func sortAndFilters() async throws {
        try await withTrackerRMSSandbox(Self.small) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let truth = sandbox.control.placements.sorted { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }.map(\.id)
            let sorted = try await wire.allIDs(
                "X", base: 0, pageSize: 13, extra: ["sortfield": "lastupdateddatetime", "sortdir": "asc"])
            #expect(sorted == truth)
            let open = try await wire.records("O", ["state": "open", "numrecords": 500]).results()
            #expect(open.allSatisfy { $0["status"] as? String == "Open" })
            #expect(!open.isEmpty && open.count < 10)
            let title = try #require(sandbox.control.opportunities.first?.title)
            let found = try await wire.records("O", ["searchtext": title.lowercased(), "numrecords": 500]).results()
            #expect(!found.isEmpty)
            #expect(found.allSatisfy { ($0["name"] as? String)?.contains(title) == true })
        }
    }
}
