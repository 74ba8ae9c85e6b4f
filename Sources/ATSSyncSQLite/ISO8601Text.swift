import Foundation

/// Instants as the fixed-width UTC text the SQLite mirror stores (`2026-01-31T09:15:00.000Z`), which
/// sorts the same as the instants and is what people expect to read in a query result.
///
/// Writing is done by hand: a sync formats three or four instants per row, and Foundation's
/// `ISO8601FormatStyle` cost more per row than the SQLite insert itself (docs/PERFORMANCE.md).
/// The output is the same text the format style writes (milliseconds truncated, as it does).
enum ISO8601Text {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    static func string(_ date: Date) -> String {
        // Whole seconds and the truncated milliseconds of the reference-date interval, which is what
        // Foundation's format style prints (computing from the 1970 interval times 1000 differs in
        // the last digit for some instants).
        let interval = date.timeIntervalSinceReferenceDate
        let whole = interval.rounded(.down)
        // Years 0001...9999 only; anything else (never seen from a provider) goes the slow way.
        guard whole > -63_114_076_800, whole < 252_423_993_600 else {
            return style.format(date)
        }
        let seconds = Int64(whole) + 978_307_200
        let millisecond = min(Int64(((interval - whole) * 1000).rounded(.down)), 999)
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = civil(days: days)
        let text = [UInt8](unsafeUninitializedCapacity: 24) { buffer, count in
            func put(_ value: Int64, digits: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
                    value /= 10
                }
            }
            put(year, digits: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, digits: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, digits: 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(rest / 3600, digits: 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(rest / 60 % 60, digits: 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(rest % 60, digits: 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(millisecond, digits: 3, at: 20)
            buffer[23] = UInt8(ascii: "Z")
            count = 24
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func date(_ text: String) -> Date? {
        fastDate(text) ?? (try? style.parse(text))
    }

    /// Reads exactly the text ``string(_:)`` writes; nil for anything else.
    private static func fastDate(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { utf8 -> Date? in
            guard utf8.count == 24, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
                utf8[10] == UInt8(ascii: "T"), utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
                utf8[19] == UInt8(ascii: "."), utf8[23] == UInt8(ascii: "Z")
            else { return nil }
            func number(_ offset: Int, _ digits: Int) -> Int64? {
                var value: Int64 = 0
                for index in offset..<offset + digits {
                    let digit = utf8[index] &- 48
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int64(digit)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                let millisecond = number(20, 3), (1...12).contains(month), (1...31).contains(day), hour < 24,
                minute < 60, second < 60
            else { return nil }
            let days = daysSinceEpoch(year: year, month: month, day: day)
            let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second
            // Whole seconds since 2001 plus the fraction, as Foundation's parser adds them, so that
            // both give the very same Double.
            return Date(timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(millisecond) / 1000)
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
