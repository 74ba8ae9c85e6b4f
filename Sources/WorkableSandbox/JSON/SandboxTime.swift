import Foundation

/// Sandbox times are whole milliseconds since 1970 (UTC): exact, and sometimes written with a
/// fraction, as Workable does.
enum SandboxTime {
    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    /// `2026-12-04T10:11:48Z`, or `...48.392Z` when the milliseconds are not zero.
    static func text(_ millis: Int64) -> String {
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = millis - seconds * 1000
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(seconds)))
        var text = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        if fraction != 0 { text += String(format: ".%03d", Int(fraction)) }
        return text + "Z"
    }

    /// A filter value: ISO-8601 (no offset: UTC; a bare date: midnight UTC; any fraction) or Unix
    /// seconds. `nil` when it cannot be read (the caller answers 422).
    static func parseFilter(_ raw: String) -> Int64? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy(\.isNumber), let seconds = Int64(text) { return seconds * 1000 }
        let pattern =
            #/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/#
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        var parts = DateComponents()
        parts.year = Int(match.1)
        parts.month = Int(match.2)
        parts.day = Int(match.3)
        parts.hour = match.4.flatMap { Int($0) } ?? 0
        parts.minute = match.5.flatMap { Int($0) } ?? 0
        parts.second = match.6.flatMap { Int($0) } ?? 0
        guard let month = parts.month, (1...12).contains(month), let day = parts.day, (1...31).contains(day),
            let date = calendar.date(from: parts), calendar.component(.day, from: date) == day
        else { return nil }
        var millis = Int64(date.timeIntervalSince1970) * 1000
        if let fraction = match.7 {
            let digits = String(fraction.prefix(3)).padding(toLength: 3, withPad: "0", startingAt: 0)
            millis += Int64(digits) ?? 0
        }
        if let zone = match.8, zone != "Z" {
            let sign: Int64 = zone.hasPrefix("-") ? -1 : 1
            let digits = zone.dropFirst().filter(\.isNumber)
            let hours = Int64(digits.prefix(2)) ?? 0
            let minutes = Int64(digits.suffix(2)) ?? 0
            millis -= sign * (hours * 3600 + minutes * 60) * 1000
        }
        return millis
    }
}
