import ATSText
import Foundation
import Testing

@Suite struct CivilCalendarTests {
    @Test func knownDays() {
        #expect(CivilCalendar.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.days(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilCalendar.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilCalendar.days(year: 2026, month: 12, day: 4) == 20_791)
        #expect(CivilCalendar.days(year: 1, month: 1, day: 1) == -719_162)
        #expect(CivilCalendar.days(year: 9999, month: 12, day: 31) == 2_932_896)
        #expect(CivilCalendar.date(fromDays: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilCalendar.date(fromDays: -719_162) == CivilDate(year: 1, month: 1, day: 1))
        #expect(CivilCalendar.date(fromDays: -719_163) == CivilDate(year: 0, month: 12, day: 31))
    }

    /// Every day of a span of 800 years (two full 400-year cycles, across year 0 and 1970) turns into
    /// the next date and back into its own number.
    @Test func everyDayRoundTripsAndFollowsTheDayBefore() {
        var previous = CivilCalendar.date(fromDays: -800_001)
        for days in -800_000...(-800_000 + 2 * 146_097) {
            let date = CivilCalendar.date(fromDays: days)
            #expect(CivilCalendar.days(of: date) == days)
            #expect(CivilCalendar.isValid(year: date.year, month: date.month, day: date.day))
            let followsPrevious =
                date == CivilDate(year: previous.year, month: previous.month, day: previous.day + 1)
                || (date.day == 1
                    && previous.day == CivilCalendar.daysInMonth(year: previous.year, month: previous.month)
                    && (date.month == previous.month + 1 && date.year == previous.year
                        || date.month == 1 && previous.month == 12 && date.year == previous.year + 1))
            if !followsPrevious {
                Issue.record("\(days): \(date) does not follow \(previous)")
                return
            }
            previous = date
        }
    }

    /// The days agree with Foundation's Gregorian calendar in UTC, which is proleptic after 1582.
    @Test func daysAgreeWithFoundationsGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: -141_427, through: 2_932_896, by: 997) {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let fields = calendar.dateComponents([.year, .month, .day], from: date)
            #expect(
                CivilCalendar.date(fromDays: days)
                    == CivilDate(year: fields.year ?? 0, month: fields.month ?? 0, day: fields.day ?? 0))
        }
    }

    @Test func leapYearsAndMonthLengths() {
        #expect(CivilCalendar.isLeapYear(2024))
        #expect(CivilCalendar.isLeapYear(2000))
        #expect(!CivilCalendar.isLeapYear(1900))
        #expect(!CivilCalendar.isLeapYear(2026))
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 2100, month: 2) == 28)
        #expect(CivilCalendar.daysInMonth(year: 2026, month: 4) == 30)
        #expect(CivilCalendar.daysInMonth(year: 2026, month: 12) == 31)
        #expect(CivilCalendar.isValid(year: 2024, month: 2, day: 29))
        #expect(!CivilCalendar.isValid(year: 2026, month: 2, day: 29))
        #expect(!CivilCalendar.isValid(year: 2026, month: 13, day: 1))
        #expect(!CivilCalendar.isValid(year: 2026, month: 0, day: 1))
        #expect(!CivilCalendar.isValid(year: 2026, month: 6, day: 0))
        #expect(!CivilCalendar.isValid(year: 2026, month: 6, day: 31))
    }

    @Test func descriptionIsTheISODate() {
        #expect(CivilDate(year: 2026, month: 3, day: 9).description == "2026-03-09")
        #expect(CivilDate(year: 12, month: 11, day: 30).description == "0012-11-30")
        #expect(CivilDate(year: -1, month: 1, day: 1).description == "-0001-01-01")
    }
}
