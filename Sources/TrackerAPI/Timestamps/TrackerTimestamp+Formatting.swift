import ATSText
public import Foundation

extension TrackerTimestamp {
    /// Writes an instant the way Tracker reads the `updated_after` and `begin_date` filters.
    ///
    /// Decision: the value always carries an explicit offset, because the server reads a value
    /// without one in its own local zone. With a known account time zone the instant is written as
    /// that zone's wall time and offset (`2020-02-13T08:42:00-08:00`), which a server that ignores
    /// offsets still reads correctly; without one it is written in UTC (`2020-02-13T16:42:00Z`) and
    /// callers must widen their window. Fractions are dropped by rounding down, which keeps the
    /// inclusive filter a superset of what was asked for.
    ///
    /// - Parameters:
    ///   - date: The instant.
    ///   - accountTimeZone: The account's time zone, if known.
    /// - Returns: The text to send.
    public static func filterText(for date: Date, accountTimeZone: TimeZone?) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let zoneOffset = accountTimeZone?.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))) ?? 0
        // The text's offset has whole minutes; a zone whose offset has seconds (local mean time
        // before 1900) is written with its offset rounded down, so that the text still names this
        // instant, and a server that ignores offsets reads a moment no later than it.
        let offset = Int((Double(zoneOffset) / 60).rounded(.down)) * 60
        let local = seconds + offset
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondOfDay = local - days * 86_400
        let civil = CivilCalendar.date(fromDays: days)
        var text = pad(civil.year, 4) + "-" + pad(civil.month, 2) + "-" + pad(civil.day, 2)
        text +=
            "T" + pad(secondOfDay / 3_600, 2) + ":" + pad(secondOfDay % 3_600 / 60, 2) + ":" + pad(secondOfDay % 60, 2)
        guard accountTimeZone != nil else { return text + "Z" }
        let magnitude = abs(offset)
        return text + (offset < 0 ? "-" : "+") + pad(magnitude / 3_600, 2) + ":" + pad(magnitude % 3_600 / 60, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
