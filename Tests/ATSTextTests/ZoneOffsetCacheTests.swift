import ATSText
import Foundation
import Testing

@Suite struct ZoneOffsetCacheTests {
    /// The cache never changes an answer, across both of a year's daylight-saving changes, in a zone
    /// with whole-hour changes and in one with a half-hour change.
    @Test(arguments: ["America/Los_Angeles", "Australia/Lord_Howe"])
    func cachedHoursAgreeWithDirectComputationAcrossDaylightSavingChanges(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        var cache = ZoneOffsetCache()
        // Every 7 minutes through March, April, October and November 2020.
        for start in [1_583_020_800.0, 1_585_699_200, 1_601_510_400, 1_604_188_800] {
            for step in stride(from: 0.0, to: 30 * 86_400, by: 420) {
                let local = start + step
                #expect(
                    cache.instant(ofLocalSeconds: local, in: zone)
                        == ZoneOffsetCache.instant(ofLocalSeconds: local, in: zone), "\(local)")
            }
        }
    }

    @Test func wallTimesBecomeTheirInstants() throws {
        let zone = try #require(TimeZone(identifier: "America/Los_Angeles"))
        var cache = ZoneOffsetCache()
        // 2020-02-13 08:42:00 in Los Angeles (UTC−8) is 16:42:00 UTC.
        let local = Double(CivilCalendar.days(year: 2020, month: 2, day: 13) * 86_400 + 8 * 3_600 + 42 * 60)
        #expect(cache.instant(ofLocalSeconds: local, in: zone) == Date(timeIntervalSince1970: local + 8 * 3_600))
        // 2020-07-01 12:00:00 in summer (UTC−7).
        let summer = Double(CivilCalendar.days(year: 2020, month: 7, day: 1) * 86_400 + 12 * 3_600)
        #expect(cache.instant(ofLocalSeconds: summer, in: zone) == Date(timeIntervalSince1970: summer + 7 * 3_600))
    }

    /// 02:30 on 8 March 2020 does not exist in Los Angeles (clocks went from 02:00 to 03:00): it is
    /// read with the daylight offset (UTC−7). 01:30 on 1 November 2020 happened twice: the first,
    /// daylight, one is taken.
    @Test func wallTimesAtDaylightSavingChanges() throws {
        let zone = try #require(TimeZone(identifier: "America/Los_Angeles"))
        let gap = Double(CivilCalendar.days(year: 2020, month: 3, day: 8) * 86_400 + 2 * 3_600 + 30 * 60)
        #expect(ZoneOffsetCache.instant(ofLocalSeconds: gap, in: zone) == Date(timeIntervalSince1970: gap + 7 * 3_600))
        let overlap = Double(CivilCalendar.days(year: 2020, month: 11, day: 1) * 86_400 + 1 * 3_600 + 30 * 60)
        #expect(
            ZoneOffsetCache.instant(ofLocalSeconds: overlap, in: zone)
                == Date(timeIntervalSince1970: overlap + 7 * 3_600))
    }
}
