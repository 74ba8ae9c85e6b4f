public import ATSText
public import Foundation

/// A moment Tracker reported, read as an absolute instant, with a note of how it was placed.
///
/// Tracker writes some timestamps in UTC (`2020-02-13T16:42:00Z`), some with an offset
/// (`2020-02-13T08:42:00-08:00`) and some as naive local time (`2020-02-13 08:42:00`). A naive
/// value only names an instant once a time zone is chosen, so every value records where its offset
/// came from: callers that compute sync windows must widen them for ``OffsetSource-swift.struct/assumedUTC``
/// values, whose true instant may lie up to fourteen hours either side.
public struct TrackerTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Where the offset of a timestamp came from.
    public struct OffsetSource: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case explicit
            case accountTimeZone
            case assumedUTC
        }
        private let base: Base

        /// The text carried `Z` or a numeric offset: the instant is exact.
        public static let explicit = OffsetSource(base: .explicit)
        /// The text was naive and was placed in the configured account time zone.
        public static let accountTimeZone = OffsetSource(base: .accountTimeZone)
        /// The text was naive and no account time zone was configured: it was read as UTC, which
        /// may be wrong by the account's offset.
        public static let assumedUTC = OffsetSource(base: .assumedUTC)

        /// `explicit`, `accountTimeZone` or `assumedUTC`.
        public var description: String {
            switch base {
            case .explicit: "explicit"
            case .accountTimeZone: "accountTimeZone"
            case .assumedUTC: "assumedUTC"
            }
        }
    }

    /// The absolute instant.
    public var date: Date
    /// Where the offset came from.
    public var offsetSource: OffsetSource
    /// The text exactly as the server sent it.
    public var text: String

    /// Whether the server's text carried an offset (`Z` or `±hh:mm`).
    public var hasExplicitOffset: Bool { offsetSource == .explicit }

    /// The instant, when the text names one: nil for a naive text read without an account time
    /// zone, whose ``date`` is only the wall time read as UTC and may be off by the account's
    /// offset (up to 14 hours). Show and store this, never ``date``, so that an unknown instant is
    /// absent rather than wrong; ``date`` remains for widening windows around it.
    public var instant: Date? { offsetSource == .assumedUTC ? nil : date }

    /// Creates a timestamp from its parts.
    /// - Parameters:
    ///   - date: The absolute instant.
    ///   - offsetSource: Where the offset came from.
    ///   - text: The text as sent.
    public init(date: Date, offsetSource: OffsetSource, text: String) {
        self.date = date
        self.offsetSource = offsetSource
        self.text = text
    }

    /// Reads a Tracker timestamp.
    ///
    /// Accepted: `YYYY-MM-DD`, followed optionally by `T`, `t` or a space and `hh:mm[:ss[.fraction]]`,
    /// followed optionally by `Z`, `±hh:mm`, `±hhmm`, `±hh` or ` UTC` (a space before the offset is
    /// allowed). Values without an offset are placed in `accountTimeZone`, or read as UTC when it
    /// is `nil`.
    ///
    /// - Parameters:
    ///   - text: The server's text.
    ///   - accountTimeZone: The account's time zone, if known.
    /// - Returns: The timestamp, or `nil` when the text is not one of the accepted forms.
    public static func parse(_ text: String, accountTimeZone: TimeZone?) -> TrackerTimestamp? {
        var cache = ZoneOffsetCache()
        return parse(text, accountTimeZone: accountTimeZone, cache: &cache)
    }

    /// ``parse(_:accountTimeZone:)`` with the account zone's offsets kept across calls, for callers
    /// that read many timestamps (the same instants as without the cache).
    /// - Parameters:
    ///   - text: The server's text.
    ///   - accountTimeZone: The account's time zone, if known.
    ///   - cache: Offsets of `accountTimeZone` remembered from earlier calls; keep one per zone.
    /// - Returns: The timestamp, or `nil` when the text is not one of the accepted forms.
    public static func parse(_ text: String, accountTimeZone: TimeZone?, cache: inout ZoneOffsetCache)
        -> TrackerTimestamp?
    {
        guard let parts = TimestampScanner.scan(text) else { return nil }
        let local = parts.secondsSinceEpochIgnoringOffset
        if let offset = parts.offsetSeconds {
            return TrackerTimestamp(
                date: Date(timeIntervalSince1970: local - Double(offset)),
                offsetSource: .explicit,
                text: text
            )
        }
        guard let zone = accountTimeZone else {
            return TrackerTimestamp(date: Date(timeIntervalSince1970: local), offsetSource: .assumedUTC, text: text)
        }
        return TrackerTimestamp(
            date: cache.instant(ofLocalSeconds: local, in: zone),
            offsetSource: .accountTimeZone,
            text: text
        )
    }

    /// Orders by instant.
    /// - Parameters:
    ///   - lhs: A timestamp.
    ///   - rhs: Another timestamp.
    /// - Returns: Whether `lhs` is earlier.
    public static func < (lhs: TrackerTimestamp, rhs: TrackerTimestamp) -> Bool { lhs.date < rhs.date }

    /// The server's text, then how its offset was placed.
    public var description: String { "\(text) (\(offsetSource))" }

    /// Whether this naive local time names two instants in `zone`: it falls in the hour a
    /// daylight-saving change repeats, so ``date`` may be either of them. Always `false` for a
    /// timestamp with an explicit offset or read as UTC.
    /// - Parameter zone: The account's time zone the timestamp was read in.
    /// - Returns: Whether another instant has the same wall time.
    public func isAmbiguous(in zone: TimeZone) -> Bool {
        guard offsetSource == .accountTimeZone else { return false }
        // Only near a change can a wall time repeat; checking that first keeps the common case to
        // one look-up.
        let window: TimeInterval = 3 * 3_600
        guard let change = zone.nextDaylightSavingTimeTransition(after: date.addingTimeInterval(-window)),
            change < date.addingTimeInterval(window)
        else { return false }
        let wall = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        for offset in [zone.secondsFromGMT(for: change.addingTimeInterval(-1)), zone.secondsFromGMT(for: change)] {
            let other = Date(timeIntervalSince1970: wall - Double(offset))
            if other != date, zone.secondsFromGMT(for: other) == offset { return true }
        }
        return false
    }
}
