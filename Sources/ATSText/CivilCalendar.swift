/// A date of the proleptic Gregorian calendar, without a time or a time zone.
public struct CivilDate: Hashable, Sendable, CustomStringConvertible {
    /// The year; 0 is 1 BC, negative years count further back.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// A date from its fields, as given (``CivilCalendar/isValid(year:month:day:)`` checks them).
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD` for years 0 to 9999, else the year with as many digits as it needs.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(abs(value))
            let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
            return value < 0 ? "-" + padded : padded
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }
}

/// Day arithmetic of the proleptic Gregorian calendar: days since 1970-01-01 from a date and back.
///
/// Integer arithmetic only (no `Calendar`, no allocation), because a sync reads and writes several
/// timestamps per record. The conversions follow Howard Hinnant's published `days_from_civil` and
/// `civil_from_days` algorithms and are exact for every date an `Int` can count.
public enum CivilCalendar {
    /// Days since 1970-01-01 of a date; negative before it.
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month (a day past the month's end counts on into the next month).
    /// - Returns: The day number.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days since 1970-01-01 of a date; negative before it.
    /// - Parameter date: The date.
    /// - Returns: The day number.
    public static func days(of date: CivilDate) -> Int {
        days(year: date.year, month: date.month, day: date.day)
    }

    /// The date a number of days after 1970-01-01 (before it when negative).
    /// - Parameter days: The day number.
    /// - Returns: The date.
    public static func date(fromDays days: Int) -> CivilDate {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return CivilDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Whether a year has a 29 February.
    /// - Parameter year: The year.
    /// - Returns: `true` for years divisible by 4, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    /// - Parameters:
    ///   - year: The year (for February).
    ///   - month: The month, 1 to 12.
    /// - Returns: 28 to 31.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether the fields name a real date: a month 1 to 12 and a day that month has.
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month.
    ///   - day: The day of the month.
    /// - Returns: Whether the date exists.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && (1...daysInMonth(year: year, month: month)).contains(day)
    }
}
