internal import Foundation
internal import Synchronization

/// The account's wall clock as the sandbox writes and reads it: naive `YYYY-MM-DD HH:MM:SS` in the
/// account's zone, DST included. Offsets are cached per quarter hour (every zone changes offset on
/// a quarter-hour boundary), so rendering a page costs no time-zone lookups after the first.
final class RMSSandboxTime: Sendable {
    let zone: TimeZone
    private let offsets = Mutex<[Int64: Int32]>([:])

    init(zone: TimeZone) {
        self.zone = zone
    }

    func offset(at seconds: Int64) -> Int64 {
        let bucket = seconds >= 0 ? seconds / 900 : (seconds - 899) / 900
        if let cached = offsets.withLock({ $0[bucket] }) { return Int64(cached) }
        let value = Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(bucket * 900))))
        offsets.withLock { cache in
            if cache.count > 100_000 { cache.removeAll() }
            cache[bucket] = value
        }
        return Int64(value)
    }

    /// The naive local text of a UTC instant.
    func naive(_ seconds: Int64) -> String {
        Self.format(seconds + offset(at: seconds))
    }

    /// The naive local date of a UTC instant, `YYYY-MM-DD`.
    func naiveDate(_ seconds: Int64) -> String {
        String(naive(seconds).prefix(10))
    }

    /// Reads a filter: `""` is no bound; `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD` is a wall-clock time in
    /// the account's zone (a time repeated by a DST change reads as the earlier instant); anything
    /// else is refused (the caller answers status 99).
    func parseFilter(_ text: String) -> Result<Int64?, FilterError> {
        if text.isEmpty { return .success(nil) }
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard bytes.count == 10 || bytes.count == 19, bytes[4] == 45, bytes[7] == 45,
            let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return .failure(FilterError()) }
        var wall = Self.days(year: year, month: month, day: day) * 86_400
        if bytes.count == 19 {
            guard bytes[10] == 32, bytes[13] == 58, bytes[16] == 58, let hour = digits(11..<13),
                let minute = digits(14..<16), let second = digits(17..<19), hour < 24, minute < 60, second < 60
            else { return .failure(FilterError()) }
            wall += Int64(hour * 3600 + minute * 60 + second)
        }
        // The earliest instant whose wall clock is `wall`: try the larger offset first.
        let candidates = [offset(at: wall - 86_400), offset(at: wall + 86_400)].sorted(by: >)
        for candidate in candidates where (wall - candidate) + offset(at: wall - candidate) == wall {
            return .success(wall - candidate)
        }
        return .success(wall - candidates[candidates.count - 1])
    }

    struct FilterError: Error {}

    static func format(_ wall: Int64) -> String {
        let days = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
        let rest = Int(wall - days * 86_400)
        let (year, month, day) = civil(days)
        var text = [UInt8](repeating: 48, count: 19)
        func put(_ value: Int, at position: Int, width: Int) {
            var remaining = value
            for offset in stride(from: width - 1, through: 0, by: -1) {
                text[position + offset] = UInt8(48 + remaining % 10)
                remaining /= 10
            }
        }
        put(year, at: 0, width: 4)
        text[4] = 45
        put(month, at: 5, width: 2)
        text[7] = 45
        put(day, at: 8, width: 2)
        text[10] = 32
        put(rest / 3600, at: 11, width: 2)
        text[13] = 58
        put(rest % 3600 / 60, at: 14, width: 2)
        text[16] = 58
        put(rest % 60, at: 17, width: 2)
        return String(decoding: text, as: UTF8.self)
    }

    static func days(year: Int, month: Int, day: Int) -> Int64 {
        // Days since 1970-01-01 in the proleptic Gregorian calendar (era arithmetic).
        let adjustedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearInEra = adjustedYear - era * 400
        let shiftedMonth = Int64((month + 9) % 12)
        let dayInYear = (153 * shiftedMonth + 2) / 5 + Int64(day - 1)
        let dayInEra = yearInEra * 365 + yearInEra / 4 - yearInEra / 100 + dayInYear
        return era * 146_097 + dayInEra - 719_468
    }

    static func civil(_ days: Int64) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayInEra = shifted - era * 146_097
        let yearInEra = (dayInEra - dayInEra / 1460 + dayInEra / 36_524 - dayInEra / 146_096) / 365
        let dayInYear = dayInEra - (365 * yearInEra + yearInEra / 4 - yearInEra / 100)
        let shiftedMonth = (5 * dayInYear + 2) / 153
        let day = Int(dayInYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        return (Int(yearInEra + era * 400) + (month <= 2 ? 1 : 0), month, day)
    }
}
