import ATSCore
import ATSSync
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// Naive local times placed in zones from UTC−10 to UTC+14, in both page-base modes.
@Suite struct TimeZoneTests {
    static let zones = [
        "Pacific/Honolulu", "America/Adak", "America/Anchorage", "America/Los_Angeles", "UTC", "Asia/Kolkata",
        "Pacific/Chatham", "Pacific/Kiritimati",
    ]
    static let cases = zones.flatMap { zone in
        [RMSSandboxPageBase.zero, .oneWithZeroRefused].map { (zone, $0) }
    }

    @Test(arguments: cases)
    func timesArePlacedAndIncrementalReadsAreExact(_ zone: String, _ pageBase: RMSSandboxPageBase) async throws {
        let configuration = rmsSandbox(zone: zone, placements: 40, behavior: RMSSandboxBehavior(pageBase: pageBase))
        try await withRMSClient(configuration) { sandbox, client in
            #expect(client.accountTimeZone == TimeZone(identifier: zone))
            let truth = sandbox.control
            let all = try await client.streamApplications(.all).collect()
            #expect(all.count == truth.placements.count, "every page read, none twice (\(pageBase))")
            for application in all {
                let placement = try #require(truth.placements.first { String($0.id) == application.id.rawValue })
                #expect(application.updatedAt == instant(placement.updatedAt), "\(zone): \(application.id)")
            }
            let bound = rmsStart.addingTimeInterval(7_200)
            let inside = truth.placements.prefix(2).map(\.id)
            for id in inside { truth.setPlacementUpdatedAt(id, to: bound) }
            truth.setPlacementUpdatedAt(truth.placements[2].id, to: bound.addingTimeInterval(-1))
            let changed = try await client.streamApplications(.init(updatedAfter: bound)).collect()
            #expect(changed.map(\.id.rawValue).sorted() == inside.map(String.init).sorted(), "\(zone)")
            #expect(client.capabilities.timestampsAreLocalTime)
            let source = ATSClientSyncSource(client: client, account: "tz")
            #expect(source.contract(for: .applications)?.lookBack == StreamContract.defaultLookBack)
        }
    }

    @Test(arguments: ["Pacific/Honolulu", "America/Adak", "Pacific/Kiritimati"])
    func withoutTheZoneNothingIsLostAndTimesAreNotGuessed(_ zone: String) async throws {
        try await withRMSClient(rmsSandbox(zone: zone, placements: 30), knowsZone: false) { sandbox, client in
            #expect(client.accountTimeZone == nil)
            let truth = sandbox.control
            let bound = rmsStart.addingTimeInterval(7_200)
            let inside = truth.placements.prefix(2).map(\.id)
            for id in inside { truth.setPlacementUpdatedAt(id, to: bound) }
            let changed = try await client.streamApplications(.init(updatedAfter: bound)).collect()
            #expect(Set(inside.map(String.init)).isSubset(of: Set(changed.map(\.id.rawValue))), "\(zone)")
            #expect(changed.allSatisfy { $0.updatedAt == nil }, "an unplaced time is not guessed")
            #expect(client.diagnostics.contains(.naiveTimesUnplaced))
            let source = ATSClientSyncSource(client: client, account: "tz")
            #expect(source.contract(for: .applications)?.lookBack == ATSClientSyncSource.unplacedLocalTimeLookBack)
        }
    }
}
