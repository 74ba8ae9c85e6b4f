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
        guard let date = HTTPDate.parse(text) else { return nil }
        return wait(date.timeIntervalSince(now))
    }

    /// The longest wait reported: about 31 years, far beyond any retry limit and far inside what
    /// `Duration` holds (`Duration.seconds(1e30)` traps, and a server may send anything).
    static let longestWait = 1e9

    private static func wait(_ seconds: Double) -> Duration {
        .seconds(min(max(0, seconds), longestWait))
    }
}
