public import Foundation

/// A date-time read from Tracker RMS, with how (and whether) it was placed on the timeline.
public struct RMSTimestamp: Sendable, Hashable, CustomStringConvertible {
    /// How the instant was found.
    public enum Placement: String, Sendable, Hashable {
        /// The text was naive and was read in the account's time zone: exact (see ``isAmbiguous``).
        case accountZone = "account-zone"
        /// The text carried its own offset (`Z` or `±HH:MM`): exact.
        case offsetInText = "offset-in-text"
        /// The text was naive and the account's zone is unknown: the instant lies somewhere in
        /// ``RMSTimestamp/possibleInstants`` (26 hours wide) and ``RMSTimestamp/instant`` is `nil`.
        case unplaced
    }

    /// The wall-clock fields as the server wrote them.
    public var naive: RMSNaiveDateTime
    /// The instant, or `nil` when ``placement`` is ``Placement/unplaced``.
    public var instant: Date?
    /// How the instant was found.
    public var placement: Placement
    /// Whether the wall-clock time falls in the hour a daylight-saving change repeats, so that two
    /// instants have this spelling; ``instant`` is the earlier (first) one.
    public var isAmbiguous: Bool

    /// Every instant the text can stand for: a single instant when placed, else the span from
    /// UTC+14 (the earliest) to UTC−12 (the latest).
    public var possibleInstants: ClosedRange<Date> {
        if let instant { return instant...instant }
        let asIfUTC = Double(naive.secondsAsIfUTC) + naive.fraction
        return Date(timeIntervalSince1970: asIfUTC - 14 * 3600)...Date(timeIntervalSince1970: asIfUTC + 12 * 3600)
    }

    /// The server's spelling, then how it was placed: `2026-03-08 02:30:00 (account-zone)`.
    public var description: String { "\(naive.wireText) (\(placement.rawValue))" }
}

/// A bound for `updatedafter` / `updatedbefore`, as text for the server, and whether it had to be
/// widened because the account's zone is unknown.
public struct RMSTimeFilter: Sendable, Hashable {
    /// `YYYY-MM-DD HH:MM:SS`, naive, as the server reads it.
    public var text: String
    /// `true` when the account's zone was unknown and the bound was moved by the widest offset
    /// any zone has (12 hours back for `after`, 14 forward for `before`), so the caller must
    /// filter and de-duplicate what comes back and say that times could not be placed.
    public var isWidened: Bool
}

/// The account's clock: turns the naive local date-times of the widget API into instants and
/// instants into naive filters, in the account's IANA time zone (DST included).
///
/// Without the zone nothing is silently guessed: naive times read back as
/// ``RMSTimestamp/Placement/unplaced`` and filters are widened (see ``RMSTimeFilter``).
public struct RMSAccountTime: Sendable, Hashable {
    /// The seconds subtracted from an `updatedafter` cursor (and added to `updatedbefore`), because
    /// the server may read the bound as exclusive and writes whole seconds.
    public static let filterMarginSeconds: Int64 = 1

    /// The account's zone, or `nil` when unknown.
    public let timeZone: TimeZone?

    /// Creates the account's clock.
    /// - Parameter timeZone: The account's zone, or `nil` when unknown.
    public init(timeZone: TimeZone?) {
        self.timeZone = timeZone
    }

    /// Places a naive (or offset-carrying) date-time on the timeline.
    /// - Parameter naive: The server's fields.
    /// - Returns: The timestamp.
    public func timestamp(_ naive: RMSNaiveDateTime) -> RMSTimestamp {
        let asIfUTC = naive.secondsAsIfUTC
        if let offset = naive.offsetSeconds {
            let instant = Date(timeIntervalSince1970: Double(asIfUTC - Int64(offset)) + naive.fraction)
            return RMSTimestamp(naive: naive, instant: instant, placement: .offsetInText, isAmbiguous: false)
        }
        guard let timeZone else {
            return RMSTimestamp(naive: naive, instant: nil, placement: .unplaced, isAmbiguous: false)
        }
        let (seconds, ambiguous) = Self.instant(ofWallClock: asIfUTC, in: timeZone)
        return RMSTimestamp(
            naive: naive, instant: Date(timeIntervalSince1970: Double(seconds) + naive.fraction),
            placement: .accountZone, isAmbiguous: ambiguous)
    }

    /// Parses and places the server's text; `nil` for null, empty or unreadable text.
    /// - Parameter json: The value from a reply.
    /// - Returns: The timestamp.
    public func timestamp(_ json: RMSJSON?) -> RMSTimestamp? {
        guard let text = json?.scalarText, let naive = RMSNaiveDateTime(text) else { return nil }
        return timestamp(naive)
    }

    /// The account's wall clock at an instant, or `nil` when the zone is unknown.
    /// - Parameter instant: The instant.
    /// - Returns: The wall-clock fields.
    public func wallClock(_ instant: Date) -> RMSNaiveDateTime? {
        guard let timeZone else { return nil }
        let seconds = Self.wholeSeconds(of: instant, rounded: .down)
        return RMSNaiveDateTime.fromSecondsAsIfUTC(seconds + Int64(timeZone.secondsFromGMT(for: instant)))
    }

    /// The naive text to write in a date-time field for an instant: the account's wall clock, or
    /// (zone unknown) `nil`, because any text would be silently wrong somewhere.
    /// - Parameter instant: The instant.
    /// - Returns: `YYYY-MM-DD HH:MM:SS` or `nil`.
    public func wireText(_ instant: Date) -> String? {
        wallClock(instant)?.wireText
    }

    /// The `updatedafter` bound that includes every record updated at or after `instant`.
    /// - Parameter instant: The cursor.
    /// - Returns: The filter; widened by 12 hours when the zone is unknown.
    public func updatedAfter(_ instant: Date) -> RMSTimeFilter {
        let seconds = Self.wholeSeconds(of: instant, rounded: .down) - Self.filterMarginSeconds
        guard let timeZone else {
            let text = RMSNaiveDateTime.fromSecondsAsIfUTC(seconds - 12 * 3600).wireText
            return RMSTimeFilter(text: text, isWidened: true)
        }
        let wall = seconds + Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        return RMSTimeFilter(text: RMSNaiveDateTime.fromSecondsAsIfUTC(wall).wireText, isWidened: false)
    }

    /// The `updatedbefore` bound that includes every record updated at or before `instant`.
    /// - Parameter instant: The bound.
    /// - Returns: The filter; widened by 14 hours when the zone is unknown.
    public func updatedBefore(_ instant: Date) -> RMSTimeFilter {
        let seconds = Self.wholeSeconds(of: instant, rounded: .up) + Self.filterMarginSeconds
        guard let timeZone else {
            let text = RMSNaiveDateTime.fromSecondsAsIfUTC(seconds + 14 * 3600).wireText
            return RMSTimeFilter(text: text, isWidened: true)
        }
        let wall = seconds + Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        return RMSTimeFilter(text: RMSNaiveDateTime.fromSecondsAsIfUTC(wall).wireText, isWidened: false)
    }

    /// The first and last second a wire date-time can spell: 0001-01-01 00:00:00 and
    /// 9999-12-31 23:59:59 as if UTC.
    static let spellableSeconds: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// Whole seconds since 1970 of an instant, held within the years a wire date-time can spell (a
    /// day inside them, so that a zone's offset cannot carry it out): an absurd instant (a cursor
    /// of 1e300 seconds, NaN) gives the nearest spellable one instead of trapping in the
    /// conversion to an integer.
    static func wholeSeconds(of instant: Date, rounded rule: FloatingPointRoundingRule) -> Int64 {
        let lower = spellableSeconds.lowerBound + 86_400
        let upper = spellableSeconds.upperBound - 86_400
        let value = instant.timeIntervalSince1970.rounded(rule)
        guard value.isFinite else { return value > 0 ? upper : lower }
        return Int64(min(max(value, Double(lower)), Double(upper)))
    }

    /// The UTC seconds of a wall-clock time in a zone, and whether it is ambiguous (repeated by a
    /// fall-back change). A time skipped by a spring-forward change maps to the instant the
    /// offset before the change gives (it lands after the change on the timeline).
    static func instant(ofWallClock wall: Int64, in zone: TimeZone) -> (Int64, Bool) {
        func offset(_ seconds: Int64) -> Int64 {
            Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        }
        // The offsets a day either side bound every offset that can apply to this wall time.
        let before = offset(wall - 86_400)
        let after = offset(wall + 86_400)
        let earlierCandidate = wall - max(before, after)
        let laterCandidate = wall - min(before, after)
        let earlierFits = earlierCandidate + offset(earlierCandidate) == wall
        let laterFits = laterCandidate + offset(laterCandidate) == wall
        switch (earlierFits, laterFits) {
        case (true, true): return (earlierCandidate, earlierCandidate != laterCandidate)
        case (true, false): return (earlierCandidate, false)
        case (false, true): return (laterCandidate, false)
        case (false, false):
            // Not a wall time of this zone (skipped by a spring-forward change, or an offset change
            // other than the two either side): read it with the offset in force just before.
            let guess = wall - before
            let exact = wall - offset(guess)
            return (exact + offset(exact) == wall ? exact : guess, false)
        }
    }
}
