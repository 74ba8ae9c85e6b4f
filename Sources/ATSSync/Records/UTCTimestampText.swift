package import Foundation

/// Fixed-width UTC text for an instant, `2026-01-31T09:15:00Z` or with milliseconds
/// `2026-01-31T09:15:00.000Z`, written by hand: Foundation's `ISO8601FormatStyle` costs more per
/// record than storing it (docs/PERFORMANCE.md). The text is the same the format style writes
/// (whole seconds and milliseconds truncated from the reference-date interval, as it does). Shared
/// by the SQLite store's columns and the derived candidates' JSON.
package enum UTCTimestampText {
    /// The text, or `nil` outside years 0001–9999 (never seen from a provider), which callers
    /// format the slow way.
    package static func format(_ date: Date, milliseconds: Bool) -> String? {
        // Whole seconds and the truncated milliseconds of the reference-date interval, which is what
        // Foundation's format style prints (computing from the 1970 interval times 1000 differs in
        // the last digit for some instants).
        let interval = date.timeIntervalSinceReferenceDate
        let whole = interval.rounded(.down)
        guard whole > -63_114_076_800, whole < 252_423_993_600 else { return nil }
        let seconds = Int64(whole) + 978_307_200
        let millisecond = min(Int64(((interval - whole) * 1000).rounded(.down)), 999)
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = civil(days: days)
        let length = milliseconds ? 24 : 20
        let text = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
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
            if milliseconds {
                buffer[19] = UInt8(ascii: ".")
                put(millisecond, digits: 3, at: 20)
            }
            buffer[length - 1] = UInt8(ascii: "Z")
            count = length
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Days since 1970-01-01 to a civil date (proleptic Gregorian), after Howard Hinnant's algorithm.
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
