internal import Foundation

/// An answer's `X-Rate-Limit-*` and `Retry-After` headers, read tolerantly.
///
/// [model] `X-Rate-Limit-Reset` is Unix seconds; also accepted: a small number (seconds from now)
/// and ISO-8601 or HTTP-date text. `Retry-After`, when present, wins over `Reset`.
struct RateLimitHeaders: Sendable, Hashable {
    var limit: Int?
    var remaining: Int?
    /// How long until the server's next window, from now.
    var resetIn: Duration?
    /// How the reset was written, when it was not Unix seconds (for observations).
    var unusualForms: Set<WorkableServerObservation.Kind> = []

    /// Numbers below this are seconds from now rather than a Unix time (2001-09-09).
    private static let epochThreshold = 1_000_000_000

    init(header: (String) -> String?, wallClock: Date) {
        limit = header("X-Rate-Limit-Limit").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        remaining = header("X-Rate-Limit-Remaining").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if let retryAfter = header("Retry-After") {
            unusualForms.insert(.retryAfterHeader)
            resetIn = Self.delay(retryAfter, wallClock: wallClock, epochAllowed: false)
        }
        if resetIn == nil, let reset = header("X-Rate-Limit-Reset") {
            let text = reset.trimmingCharacters(in: .whitespaces)
            if let number = Double(text), number < Double(Self.epochThreshold) {
                unusualForms.insert(.rateLimitResetAsDelta)
            } else if Double(text) == nil {
                unusualForms.insert(.rateLimitResetAsDate)
            }
            resetIn = Self.delay(text, wallClock: wallClock, epochAllowed: true)
        }
    }

    private static func delay(_ text: String, wallClock: Date, epochAllowed: Bool) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = Double(trimmed), number.isFinite {
            if epochAllowed, number >= Double(epochThreshold) {
                return .seconds(double: number - wallClock.timeIntervalSince1970)
            }
            return .seconds(double: number)
        }
        if let timestamp = WorkableTimestamp(iso8601: trimmed) {
            return .seconds(double: timestamp.date.timeIntervalSince(wallClock))
        }
        if let date = HTTPDateParser.parse(trimmed) {
            return .seconds(double: date.timeIntervalSince(wallClock))
        }
        return nil
    }
}

/// RFC 9110's preferred date form, `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDateParser {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int64(parts[1]),
            let monthIndex = months.firstIndex(of: String(parts[2])), let year = Int64(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int64($0) }
        guard clock.count == 3 else { return nil }
        let days = CivilDate.toDays(year: year, month: Int64(monthIndex + 1), day: day)
        let seconds = days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return Date(timeIntervalSince1970: Double(seconds))
    }
}
