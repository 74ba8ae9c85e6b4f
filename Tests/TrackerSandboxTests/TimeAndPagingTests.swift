import Foundation
import Testing

@testable import TrackerSandbox

@Suite("Timestamps and merged paging (pure logic)")
struct TimeAndPagingTests {
    private let losAngeles = ZoneOffsetTable(
        timeZone: TimeZone(identifier: "America/Los_Angeles") ?? .current, around: 1_718_452_800
    )

    @Test("civil date round trip over four centuries of days")
    func civilRoundTrip() {
        for day in stride(from: Int64(-200_000), through: 200_000, by: 37) {
            let seconds = day * 86_400 + 3_723
            #expect(CivilTime.seconds(of: CivilTime.fields(of: seconds)) == seconds)
        }
        #expect(CivilTime.isoString(1_718_452_800) == "2024-06-15T12:00:00")
        #expect(CivilTime.isoString(951_782_400) == "2000-02-29T00:00:00")
    }

    @Test("Los Angeles offsets follow DST (PDT in June, PST in January)")
    func zoneOffsets() {
        #expect(losAngeles.offset(at: 1_718_452_800) == -7 * 3600)
        #expect(losAngeles.offset(at: 1_704_067_200) == -8 * 3600)
        // 2024-03-10T10:00:00Z is the spring-forward instant (02:00 PST → 03:00 PDT).
        #expect(losAngeles.offset(at: 1_710_064_799) == -8 * 3600)
        #expect(losAngeles.offset(at: 1_710_064_800) == -7 * 3600)
    }

    @Test(
        "updated_after formats all read as the same instant",
        arguments: [
            "2024-06-15T12:00:00Z", "2024-06-15T05:00:00-07:00", "2024-06-15T05:00:00", "2024-06-15 05:00:00",
            "2024-06-15T14:00:00+02:00", "2024-06-15T14:00:00 02:00", "2024-06-15T05:00", "2024-06-15T12:00:00.000Z",
            "2024-06-15T1200", "2024-06-15T14:00:00+0200",
        ]
    )
    func parseFormats(text: String) {
        let parsed = Timestamp.parseLowerBound(text[...], zone: losAngeles)
        if text == "2024-06-15T1200" {
            #expect(parsed == nil)
        } else {
            #expect(parsed == 1_718_452_800, "\(text)")
        }
    }

    @Test("fractions round the bound up so the comparison stays inclusive of whole seconds")
    func parseFraction() {
        #expect(Timestamp.parseLowerBound("2024-06-15T12:00:00.250Z", zone: losAngeles) == 1_718_452_801)
        #expect(Timestamp.parseLowerBound("2024-06-15", zone: losAngeles) == 1_718_434_800)
        #expect(Timestamp.parseLowerBound("yesterday", zone: losAngeles) == nil)
        #expect(Timestamp.parseLowerBound("2024-13-01", zone: losAngeles) == nil)
    }

    @Test("merged paging equals paging a materialised list", arguments: [1, 7, 50])
    func mergedPaging(pageSize: Int) {
        var hash = SeededHash(seed: UInt64(pageSize))
        for round in 0..<40 {
            hash = SeededHash(seed: UInt64(round * 31 + pageSize))
            let baseCount = hash.below(120, .job, round, 0)
            var table = ResourceTable<Int>(baseCount: baseCount)
            for step in 0..<hash.below(60, .job, round, 1) {
                let draw = hash.draw(.mutation, step, UInt64(round))
                switch draw % 3 {
                case 0: table.replace(1 + Int(draw >> 8) % max(baseCount, 1), with: -1)
                case 1: _ = table.insert { $0 * 10 }
                default: table.delete(1 + Int(draw >> 8) % (table.nextID))
                }
            }
            let expected = (1..<table.nextID).filter { table.isLive($0) }
            #expect(table.liveCount == expected.count)
            var collected: [Int] = []
            var offset = 0
            while offset < expected.count {
                let page = table.page(offset: offset, limit: pageSize)
                #expect(page.total == expected.count)
                collected += page.entries.map(\.id)
                offset += pageSize
            }
            #expect(collected == expected, "round \(round)")
            let odd = SortedIDs<Int32>(sorted: (1...max(baseCount, 1)).filter { $0 % 2 == 1 }.map { Int32($0) })
            let filtered = table.page(baseMatches: odd, overlayMatches: { $0 % 20 == 0 }, offset: 0, limit: 10_000)
            let expectedFiltered = expected.filter { id in
                if let record = table.overlay[id] { return record % 20 == 0 }
                return id % 2 == 1 && id <= baseCount
            }
            #expect(filtered.entries.map(\.id) == expectedFiltered, "round \(round) filtered")
        }
    }

    @Test("JSON writer output parses back with Foundation and with the sandbox parser")
    func jsonRoundTrip() throws {
        let value = SandboxJSON.object([
            "text": .string("quote \" backslash \\ newline \n tab \t bell \u{07} é 🙂"),
            "numbers": .array([.int(-12), .int(0), .double(1.5), .double(-2.25e-7)]),
            "flags": .array([.bool(true), .bool(false), .null]),
            "nested": .object(["empty": .object([]), "list": .array([])]),
        ])
        let text = value.jsonText
        let parsed = try JSONParser.parse(Array(text.utf8))
        #expect(parsed == value)
        let foundation = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(foundation["text"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{07} é 🙂")
    }
}
