import Foundation
import Testing
import TrackerRMSSandbox

@Suite("Tracker RMS sandbox: naive local times in the account's zone")
struct SandboxTimeTests {
    static let zones = [
        "America/Adak", "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "UTC", "Europe/London",
        "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Kiritimati",
    ]

    @Test("Update times are written as the zone's wall clock, and updatedafter is read in the zone", arguments: zones)
    func zone(identifier: String) async throws {
        let configuration = RMSSandboxConfiguration(
            opportunityCount: 5, resourceCount: 20, placementCount: 30, activityCount: 0,
            timeZoneIdentifier: identifier,
            clock: RMSManualSandboxClock(start: fixedStart))
        try await withTrackerRMSSandbox(configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let placements = sandbox.control.placements
            let results = try await wire.records("X", ["numrecords": 500, "pagenum": 0]).results()
            for result in results {
                let id = try #require(result["id"] as? Int)
                let truth = try #require(placements.first { $0.id == id })
                let details = try #require(result["details"] as? [String: Any])
                let expected = naiveText(Date(timeIntervalSince1970: Double(truth.updatedAt)), zone: identifier)
                #expect(details["lastupdated"] as? String == expected)
            }
            // Bound at the median update time: exactly the records at or after it come back.
            let times = placements.map(\.updatedAt).sorted()
            let bound = times[times.count / 2]
            let text = naiveText(Date(timeIntervalSince1970: Double(bound)), zone: identifier)
            let after = try await wire.records("X", ["numrecords": 500, "updatedafter": text]).results()
            let expected = Set(placements.filter { $0.updatedAt >= bound }.map(\.id))
            #expect(Set(after.compactMap { $0["id"] as? Int }) == expected)
            let refused = try await wire.records("X", ["numrecords": 500, "updatedafter": "2026-03-05T10:00:00Z"])
            #expect(try refused.rmsStatus() == 99)
        }
    }
}
