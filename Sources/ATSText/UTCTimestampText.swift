public import Foundation

/// Fixed-width UTC text for an instant: `2026-01-31T09:15:00Z`, or with milliseconds
/// `2026-01-31T09:15:00.000Z`.
///
/// The text is exactly what Foundation's `Date.ISO8601FormatStyle` writes in UTC (whole seconds, and
/// milliseconds truncated from the reference-date interval, as it does), written and read by hand
/// because the format style costs more per record than storing the record (docs/PERFORMANCE.md).
/// Text of a fixed width in UTC sorts in the order of its instants.
public enum UTCTimestampText {
    /// The earliest instant the text can spell, 0001-01-01T00:00:00Z.
    private static let firstSecondSinceReferenceDate = -63_113_904_000.0
    /// The first instant after 9999-12-31T23:59:59.999Z.
    private static let endSecondSinceReferenceDate = 252_423_993_600.0
    /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
    private static let referenceDateSince1970: Int64 = 978_307_200

    /// The text of an instant.
    /// - Parameters:
    ///   - date: The instant.
    ///   - milliseconds: Whether to write `.sss` before the `Z`.
    /// - Returns: The text, or `nil` outside the years 0001–9999 (never seen from a provider), which
    ///   callers format the slow way.
    public static func format(_ date: Date, milliseconds: Bool) -> String? {
        // Whole seconds and the truncated milliseconds of the reference-date interval, which is what
        // Foundation's format style prints (computing from the 1970 interval times 1000 differs in
        // the last digit for some instants).
        let interval = date.timeIntervalSinceReferenceDate
        let whole = interval.rounded(.down)
        guard whole >= firstSecondSinceReferenceDate, whole < endSecondSinceReferenceDate else { return nil }
        let seconds = Int64(whole) + referenceDateSince1970
        let millisecond = min(Int64(((interval - whole) * 1000).rounded(.down)), 999)
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let civil = CivilCalendar.date(fromDays: Int(days))
        let length = milliseconds ? 24 : 20
        let text = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            func put(_ value: Int64, digits: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
                    value /= 10
                }
            }
            put(Int64(civil.year), digits: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(Int64(civil.month), digits: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(Int64(civil.day), digits: 2, at: 8)
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

    /// Reads exactly the two forms ``format(_:milliseconds:)`` writes.
    ///
    /// The instant is computed as Foundation's ISO 8601 parser does (whole seconds since 2001 plus
    /// the milliseconds): whole-second text gives the very same instant, text with milliseconds the
    /// same within a microsecond.
    /// - Parameter text: `YYYY-MM-DDThh:mm:ssZ` or `YYYY-MM-DDThh:mm:ss.sssZ`.
    /// - Returns: The instant, or `nil` for any other text, an impossible date (`2026-02-30`) or time
    ///   (`24:00:00`, a 61st second) included.
    public static func date(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { utf8 -> Date? in
            let hasMilliseconds: Bool
            switch utf8.count {
            case 20: hasMilliseconds = false
            case 24: hasMilliseconds = true
            default: return nil
            }
            guard utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"), utf8[10] == UInt8(ascii: "T"),
                utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"), utf8[utf8.count - 1] == UInt8(ascii: "Z"),
                !hasMilliseconds || utf8[19] == UInt8(ascii: ".")
            else { return nil }
            func number(_ offset: Int, _ digits: Int) -> Int? {
                var value = 0
                for index in offset..<offset + digits {
                    let digit = utf8[index] &- 48
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                let millisecond = hasMilliseconds ? number(20, 3) : 0,
                CivilCalendar.isValid(year: year, month: month, day: day), year >= 1, hour < 24, minute < 60,
                second < 60
            else { return nil }
            let days = Int64(CivilCalendar.days(year: year, month: month, day: day))
            let seconds = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60 + Int64(second)
            return Date(
                timeIntervalSinceReferenceDate: Double(seconds - referenceDateSince1970) + Double(millisecond) / 1000
            )
        }
    }
}
