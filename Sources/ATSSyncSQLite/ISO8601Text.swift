import ATSText
import Foundation

/// Instants as the fixed-width UTC text the SQLite mirror stores (`2026-01-31T09:15:00.000Z`), which
/// sorts the same as the instants and is what people expect to read in a query result.
///
/// Written and read by hand (`UTCTimestampText` of ATSText): a sync formats three or four instants
/// per row, and Foundation's `ISO8601FormatStyle` costs more per row than the SQLite insert itself.
enum ISO8601Text {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    static func string(_ date: Date) -> String {
        UTCTimestampText.format(date, milliseconds: true) ?? style.format(date)
    }

    static func date(_ text: String) -> Date? {
        UTCTimestampText.date(text) ?? (try? style.parse(text))
    }
}
