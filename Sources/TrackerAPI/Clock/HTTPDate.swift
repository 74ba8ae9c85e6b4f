import ATSText
import Foundation

/// HTTP dates (RFC 9110 §5.6.7) in the three forms a recipient must accept: the preferred
/// IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, the obsolete RFC 850 form
/// `Sunday, 06-Nov-94 08:49:37 GMT` and asctime's `Sun Nov  6 08:49:37 1994`.
///
/// One parser serves both readers of dates in answers: `Retry-After` and the `Date` header
/// behind ``TrackerServerClockReading``.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The instant the text names, or `nil` when it is none of the three forms. The weekday is not
    /// checked, and month names are matched without regard to case.
    static func parse(_ text: String) -> Date? {
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
            // RFC 9110: a two-digit year more than 50 years in the future is in the past century;
            // fixed at 70 here, since the answers read are never decades old.
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
