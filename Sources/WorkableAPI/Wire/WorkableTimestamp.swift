public import Foundation

/// An exact instant from Workable: whole seconds since 1970 in UTC plus nanoseconds, so a
/// timestamp with milliseconds (`...:48.392Z`) compares and prints without floating-point drift.
///
/// Workable writes ISO-8601 in UTC. Any fraction (up to nanoseconds) and any offset are accepted;
/// a time without an offset is read as UTC, and a bare date as midnight UTC (the contract's rule
/// for filters, applied to every value so that nothing is placed in a local zone).
public struct WorkableTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64
    /// Nanoseconds past ``secondsSince1970`` (0...999,999,999).
    public var nanoseconds: Int32

    /// Creates a timestamp from its parts.
    /// - Parameters:
    ///   - secondsSince1970: Whole seconds since 1970 UTC.
    ///   - nanoseconds: Nanoseconds past that second (clamped to 0...999,999,999).
    public init(secondsSince1970: Int64, nanoseconds: Int32 = 0) {
        self.secondsSince1970 = secondsSince1970
        self.nanoseconds = min(max(nanoseconds, 0), 999_999_999)
    }

    /// Creates a timestamp from a `Date`, to the microsecond (a `Date` holds no more exactly).
    /// - Parameter date: The instant.
    public init(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let micros = ((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded()
        self.init(secondsSince1970: Int64(seconds), nanoseconds: Int32(micros) * 1000)
    }

    /// The instant as a `Date`.
    public var date: Date {
        Date(timeIntervalSince1970: Double(secondsSince1970) + Double(nanoseconds) / 1e9)
    }

    /// Whether `lhs` is earlier.
    public static func < (lhs: WorkableTimestamp, rhs: WorkableTimestamp) -> Bool {
        (lhs.secondsSince1970, lhs.nanoseconds) < (rhs.secondsSince1970, rhs.nanoseconds)
    }

    /// ISO-8601 in UTC, with as many fraction digits as needed (none for a whole second), e.g.
    /// `2015-06-08T00:00:00Z` or `2026-12-04T10:11:48.392Z`. This is the form sent in filters.
    public var iso8601: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let secondOfDay = secondsSince1970 - days * 86_400
        let (year, month, day) = CivilDate.fromDays(days)
        var text =
            Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) + "T"
            + Self.pad(secondOfDay / 3600, 2) + ":" + Self.pad(secondOfDay / 60 % 60, 2) + ":"
            + Self.pad(secondOfDay % 60, 2)
        if nanoseconds > 0 {
            var fraction = Self.pad(Int64(nanoseconds), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// ``iso8601``.
    public var description: String { iso8601 }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Parses ISO-8601 text: `2015-06-08`, `2015-06-08T10:11`, `2015-06-08T10:11:12`, with an
    /// optional fraction of any length and an optional `Z`, `±HH:MM`, `±HHMM` or `±HH` offset.
    /// - Parameter text: The text.
    /// - Returns: `nil` when the text is not such a timestamp or names an impossible date or time.
    public init?(iso8601 text: String) {
        var scanner = DigitScanner(text.utf8)
        guard let year = scanner.number(digits: 4), scanner.take("-"), let month = scanner.number(digits: 2),
            scanner.take("-"), let day = scanner.number(digits: 2),
            (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = CivilDate.toDays(year: year, month: month, day: day) * 86_400
        var nanos: Int64 = 0
        if scanner.take("T") || scanner.take("t") || scanner.take(" ") {
            guard let hour = scanner.number(digits: 2), scanner.take(":"), let minute = scanner.number(digits: 2),
                hour < 24, minute < 60
            else { return nil }
            seconds += hour * 3600 + minute * 60
            if scanner.take(":") {
                guard let second = scanner.number(digits: 2), second < 61 else { return nil }
                seconds += second
                if scanner.take(".") || scanner.take(",") {
                    guard let fraction = scanner.fraction() else { return nil }
                    nanos = fraction
                }
            }
            if scanner.take("Z") || scanner.take("z") {
                // UTC.
            } else if let sign = scanner.sign() {
                guard let offsetHours = scanner.number(digits: 2), offsetHours < 24 else { return nil }
                var offsetMinutes: Int64 = 0
                if scanner.take(":") {
                    guard let minutes = scanner.number(digits: 2) else { return nil }
                    offsetMinutes = minutes
                } else if let minutes = scanner.number(digits: 2) {
                    offsetMinutes = minutes
                }
                guard offsetMinutes < 60 else { return nil }
                seconds -= sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
        }
        guard scanner.isAtEnd else { return nil }
        self.init(secondsSince1970: seconds, nanoseconds: Int32(nanos))
    }
}

/// Proleptic Gregorian calendar arithmetic on day numbers since 1970-01-01.
enum CivilDate {
    static func toDays(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func fromDays(_ days: Int64) -> (Int64, Int64, Int64) {
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

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads fixed-width digits and single characters from ASCII text.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ utf8: String.UTF8View) { bytes = Array(utf8) }

    var isAtEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int64? {
        guard index + digits <= bytes.count else { return nil }
        var value: Int64 = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        index += digits
        return value
    }

    /// Fraction digits as nanoseconds; digits past the ninth are dropped.
    mutating func fraction() -> Int64? {
        var nanos: Int64 = 0
        var count = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            if count < 9 { nanos = nanos * 10 + Int64(bytes[index] - 48) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 9) { nanos *= 10 }
        return nanos
    }

    mutating func sign() -> Int64? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }
}
