public import Foundation

/// How far before a caller's `updatedAfter` an incremental read asks Tracker to start.
///
/// A fixed 8-hour look-back, an obvious choice for a server that answers in local time, misses
/// Alaska (UTC−9), Hawaii (UTC−10) and American Samoa (UTC−11). A server that reads the filter as local wall time
/// (ignoring its offset) starts late by up to the account's distance west of UTC, so the request
/// is widened by that much, and whatever comes back older than the caller's bound is dropped
/// again, so the widening never shows as duplicates.
///
/// - ``automatic``: with a configured account time zone, the zone's largest UTC offset (in
///   magnitude, either side of a daylight-saving change) plus the margin; without one, 11 hours
///   (American Samoa, the westernmost inhabited US zone) plus the margin — 12 hours by default.
/// - ``fixed(_:)``: exactly the given duration.
public struct TrackerLookBack: Sendable, Hashable, CustomStringConvertible {
    private enum Rule: Hashable {
        case automatic(margin: Duration)
        case fixed(Duration)
    }
    private let rule: Rule

    /// The widest UTC offset west of Greenwich among inhabited US time zones (American Samoa, UTC−11).
    public static let widestUSOffset: Duration = .seconds(11 * 3_600)

    /// The margin of ``automatic``: one hour.
    public static let defaultMargin: Duration = .seconds(3_600)

    /// The account zone's offset (or every US zone's) plus one hour.
    public static let automatic = TrackerLookBack(rule: .automatic(margin: defaultMargin))

    /// The account zone's offset (or every US zone's) plus a margin.
    /// - Parameter margin: Added to the offset.
    /// - Returns: The rule.
    public static func automatic(margin: Duration) -> TrackerLookBack {
        TrackerLookBack(rule: .automatic(margin: max(margin, .zero)))
    }

    /// A fixed look-back.
    /// - Parameter duration: How far back to ask.
    /// - Returns: The rule.
    public static func fixed(_ duration: Duration) -> TrackerLookBack {
        TrackerLookBack(rule: .fixed(max(duration, .zero)))
    }

    /// The look-back for a read around an instant.
    /// - Parameters:
    ///   - accountTimeZone: The account's time zone, if configured.
    ///   - date: The caller's lower bound.
    /// - Returns: How far before `date` to ask.
    public func duration(accountTimeZone: TimeZone?, around date: Date) -> Duration {
        switch rule {
        case .fixed(let duration):
            return duration
        case .automatic(let margin):
            guard let zone = accountTimeZone else { return Self.widestUSOffset + margin }
            // Either side of the bound, so a daylight-saving change on the day is covered.
            let offsets = [-86_400.0, 0, 86_400].map { abs(zone.secondsFromGMT(for: date.addingTimeInterval($0))) }
            return .seconds(offsets.max() ?? 0) + margin
        }
    }

    /// `automatic(margin: …)` or `fixed(…)`.
    public var description: String {
        switch rule {
        case .automatic(let margin): "automatic(margin: \(margin))"
        case .fixed(let duration): "fixed(\(duration))"
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
