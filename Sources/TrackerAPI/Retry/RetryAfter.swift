import Foundation

/// Reads `Retry-After`: delay-seconds (`120`, also `1.5`) or an HTTP date in any of the three
/// forms RFC 9110 requires clients to accept.
enum RetryAfter {
    /// - Returns: The wait, zero for a date in the past, `nil` when the value is unreadable.
    static func parse(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds.isFinite {
            return wait(seconds)
        }
        guard let date = httpDate(text) else { return nil }
        return wait(date.timeIntervalSince(now))
    }

    /// The longest wait reported: about 31 years, far beyond any retry limit and far inside what
    /// `Duration` holds (`Duration.seconds(1e30)` traps, and a server may send anything).
    static let longestWait = 1e9

    private static func wait(_ seconds: Double) -> Duration {
        .seconds(min(max(0, seconds), longestWait))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`,
    /// asctime `Sun Nov  6 08:49:37 1994`. The weekday is not checked.
    static func httpDate(_ text: String) -> Date? {
        let tokens = text.replacingOccurrences(of: ",", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true)
            .map(String.init)
        guard tokens.count >= 4 else { return nil }
        var day: Int?
        var month: Int?
        var year: Int?
        var clock: [Int]?
        if tokens.count >= 5, let index = months.firstIndex(of: tokens[1].lowercased()) {
            // asctime: weekday month day time year
            month = index + 1
            day = Int(tokens[2])
            clock = timeOfDay(tokens[3])
            year = Int(tokens[4])
        } else if tokens[1].contains("-") {
            // RFC 850: weekday dd-Mon-yy time GMT
            let parts = tokens[1].split(separator: "-").map(String.init)
            guard parts.count == 3, let index = months.firstIndex(of: parts[1].lowercased()) else { return nil }
            day = Int(parts[0])
            month = index + 1
            year = Int(parts[2]).map { $0 < 100 ? ($0 < 70 ? 2000 + $0 : 1900 + $0) : $0 }
            clock = timeOfDay(tokens[2])
        } else if tokens.count >= 5, let index = months.firstIndex(of: tokens[2].lowercased()) {
            // IMF-fixdate: weekday dd Mon yyyy time GMT
            day = Int(tokens[1])
            month = index + 1
            year = Int(tokens[3])
            clock = timeOfDay(tokens[4])
        }
        // Four-digit years only: the day arithmetic below would overflow on a hostile year.
        guard let day, let month, let year, let clock, (1...31).contains(day), (0...9999).contains(year) else {
            return nil
        }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + clock[0] * 3_600 + clock[1] * 60 + clock[2]
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static func timeOfDay(_ token: String) -> [Int]? {
        let parts = token.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 3, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]), (0...60).contains(parts[2])
        else { return nil }
        return parts
    }
}
