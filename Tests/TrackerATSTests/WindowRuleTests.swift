import ATSCore
import Foundation
import Testing
import TrackerAPI

@testable import TrackerATS

/// The pure rules behind streams and matching, without a server.
@Suite struct WindowRuleTests {
    static let bound = Date(timeIntervalSince1970: 1_700_000_000)

    private func stamp(_ offset: TimeInterval, _ source: TrackerTimestamp.OffsetSource) -> TrackerTimestamp {
        TrackerTimestamp(date: Self.bound.addingTimeInterval(offset), offsetSource: source, text: "")
    }

    @Test func theLookBackCoversEveryUSZoneAndTheAccountsOwn() throws {
        let automatic = TrackerLookBack.automatic
        let hours = { (zone: String?) -> Double in
            let timeZone = zone.flatMap(TimeZone.init(identifier:))
            return Double(automatic.duration(accountTimeZone: timeZone, around: Self.bound).components.seconds) / 3_600
        }
        #expect(hours(nil) == 12)  // American Samoa (UTC−11) plus the margin; a fixed 8 misses Hawaii
        #expect(hours("Pacific/Honolulu") == 11)
        #expect(hours("America/Anchorage") == 10)  // UTC−9 in November, −8 in summer: the wider one counts
        #expect(hours("UTC") == 1)
        #expect(hours("Pacific/Kiritimati") == 15)
        #expect(
            TrackerLookBack.fixed(.seconds(8 * 3_600)).duration(accountTimeZone: nil, around: Self.bound)
                == .seconds(28_800))
        #expect(
            TrackerLookBack.automatic(margin: .zero).duration(accountTimeZone: nil, around: Self.bound)
                == .seconds(39_600))
    }

    @Test func exactTimestampsAreComparedInclusively() {
        let window = ChangeWindow(lowerBound: Self.bound, lookBack: 3_600)
        #expect(window.requestBound == Self.bound.addingTimeInterval(-3_600))
        #expect(window.admits(stamp(0, .explicit)))
        #expect(window.admits(stamp(0, .accountTimeZone)))
        #expect(!window.admits(stamp(-1, .explicit)))
        #expect(!window.admits(stamp(-1, .accountTimeZone)))
        #expect(window.admits(nil))
        #expect(ChangeWindow(lowerBound: nil, lookBack: 0).admits(stamp(-1e9, .explicit)))
    }

    @Test func unplacedNaiveTimestampsAreKeptWithinTheLookBack() {
        let window = ChangeWindow(lowerBound: Self.bound, lookBack: 12 * 3_600)
        #expect(window.admits(stamp(-12 * 3_600, .assumedUTC)))
        #expect(!window.admits(stamp(-12 * 3_600 - 1, .assumedUTC)))
    }

    @Test func recentDeliveriesForgetTheOldestBeyondCapacity() {
        var recent = RecentDeliveries(capacity: 2)
        let a = RecentDeliveries.Key(id: "1", updatedAt: Self.bound)
        let b = RecentDeliveries.Key(id: "2", updatedAt: Self.bound)
        let c = RecentDeliveries.Key(id: "3", updatedAt: Self.bound)
        let changedA = RecentDeliveries.Key(id: "1", updatedAt: Self.bound.addingTimeInterval(1))
        var accepted: [Bool] = []
        // a; a again (repeat); a changed (a new change); b; c; a (forgotten: two newer keys came since)
        for key in [a, a, changedA, b, c, a] { accepted.append(recent.insert(key)) }
        #expect(accepted == [true, false, true, true, true, true])
    }

    @Test func phonesMatchWhateverTheirFormatting() throws {
        let forms = [
            "(201) 200-1234", "201-200-1234", "+1 201 200 1234", "201.200.1234", "+12012001234",
            "1-201-200-1234 ext. 45", "201 200 1234 x12",
        ]
        let digits = forms.map { ContactNormalization.phoneDigits($0) }
        for left in digits {
            for right in digits {
                #expect(ContactNormalization.phonesMatch(try #require(left), try #require(right)))
            }
        }
        #expect(!ContactNormalization.phonesMatch("2012001234", "2012001235"))
        #expect(!ContactNormalization.phonesMatch("2001234", "2012001234"))
        #expect(ContactNormalization.phoneDigits("12") == nil)
    }

    @Test func namesAndEmailsAreFolded() {
        #expect(ContactNormalization.email("  Ada.Lovelace@Example.COM ") == "ada.lovelace@example.com")
        #expect(ContactNormalization.email(" ") == nil)
        #expect(ContactNormalization.name("  Zoë   O'Brien ") == ContactNormalization.name("zoe o'brien"))
    }

    @Test func scoresAreTheShareOfWhatWasAskedThatMatched() {
        let ada = Person(firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "(201) 200-1234")
        let full = CandidateMatcher(
            .init(firstName: "ada", lastName: "LOVELACE", email: "ADA@example.com ", phone: "2012001234"))
        #expect(full.score(ada).score == 1)
        #expect(full.score(ada).fields == [.email, .phone, .fullName])
        let emailOnlyMatches = CandidateMatcher(.init(firstName: "Grace", lastName: "Hopper", email: "ada@example.com"))
        #expect(emailOnlyMatches.score(ada).score == 4.0 / 6.0)
        // With an e-mail asked for, a mere first-name match is not a match.
        let weak = CandidateMatcher(.init(firstName: "Ada", lastName: "Byron", email: "other@example.com"))
        #expect(weak.score(ada).score == 0)
        let lastNameOnly = CandidateMatcher(.init(lastName: "lovelace"))
        let lastName = lastNameOnly.score(ada)
        #expect(lastName.score == 1)
        #expect(lastName.fields == [.lastName])
        #expect(!CandidateMatcher(.init(email: " ", phone: "12")).hasCriteria)
    }
}
