/// A date-time as the widget API writes it: wall-clock fields with no zone, such as
/// `2026-03-08 02:30:00`.
///
/// Read from `YYYY-MM-DD HH:MM:SS`, with a `T` instead of the space, with fractional seconds,
/// with a trailing `Z` or `±HH:MM` offset (kept in ``offsetSeconds``), or a bare `YYYY-MM-DD`.
public struct RMSNaiveDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1...12.
    public var month: Int
    /// The day, 1...31.
    public var day: Int
    /// The hour, 0...23.
    public var hour: Int
    /// The minute, 0...59.
    public var minute: Int
    /// The second, 0...60.
    public var second: Int
    /// The fraction of a second, 0 ..< 1.
    public var fraction: Double
    /// The offset from UTC the text carried (`Z` is 0), or `nil` when it was naive.
    public var offsetSeconds: Int?

    /// Creates a date-time from its fields.
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month.
    ///   - day: The day.
    ///   - hour: The hour.
    ///   - minute: The minute.
    ///   - second: The second.
    ///   - fraction: The fraction of a second.
    ///   - offsetSeconds: The offset the text carried, if any.
    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, fraction: Double = 0,
        offsetSeconds: Int? = nil
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction
        self.offsetSeconds = offsetSeconds
    }

    /// Parses the server's text; `nil` when it is none of the accepted spellings.
    /// - Parameter text: The text.
    public init?(_ text: String) {
        let bytes = Array(text.rmsTrimmed.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
        if bytes.count == 10 { return }
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), let hour = number(11..<13), let minute = number(14..<16),
            hour < 24, minute < 60
        else { return nil }
        self.hour = hour
        self.minute = minute
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let second = number(17..<19), second <= 60 else { return nil }
            self.second = second
            index = 19
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var scale = 0.1
                let start = index
                while index < bytes.count, (48...57).contains(bytes[index]) {
                    fraction += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return nil }
            offsetSeconds = 0
            return
        }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
            let hours = number(index + 1..<index + 3)
        else { return nil }
        var minutes = 0
        var end = index + 3
        if end < bytes.count, bytes[end] == UInt8(ascii: ":") { end += 1 }
        if end < bytes.count {
            guard let parsed = number(end..<end + 2), end + 2 == bytes.count else { return nil }
            minutes = parsed
        }
        guard hours <= 18, minutes < 60 else { return nil }
        let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
        offsetSeconds = sign * (hours * 3600 + minutes * 60)
    }

    /// `YYYY-MM-DD HH:MM:SS`, the spelling the widget API's filters take (fraction and offset dropped).
    public var description: String { wireText }

    /// `YYYY-MM-DD HH:MM:SS`.
    public var wireText: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    }

    /// Seconds since 1970-01-01 00:00:00 of these wall-clock fields read as if they were UTC.
    public var secondsAsIfUTC: Int64 {
        Self.daysFromCivil(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The wall-clock fields of `seconds` since 1970 (UTC).
    /// - Parameter seconds: Seconds since 1970-01-01 00:00:00 UTC.
    /// - Returns: The fields, without an offset.
    public static func fromSecondsAsIfUTC(_ seconds: Int64) -> RMSNaiveDateTime {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let (year, month, day) = civilFromDays(days)
        return RMSNaiveDateTime(
            year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    /// Orders by wall-clock fields, ignoring any offset.
    public static func < (lhs: RMSNaiveDateTime, rhs: RMSNaiveDateTime) -> Bool {
        (lhs.secondsAsIfUTC, lhs.fraction) < (rhs.secondsAsIfUTC, rhs.fraction)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days-from-civil algorithm (public domain arithmetic).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
