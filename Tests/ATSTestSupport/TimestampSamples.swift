public import Foundation

/// Instants to check a hand-written timestamp formatter against Foundation's with.
public enum TimestampSamples {
    /// The instants a formatter most often gets wrong, then `randomCount` random instants between
    /// the years 1811 and 2223 (a new set each run).
    ///
    /// The fixed ones: the epoch and the second before it, a leap day (2000-02-29), the last
    /// millisecond before a March 1st in a century year that is not a leap year (2100), half a
    /// second before 1900, and fractions that round (0.0009 s, 0.75 s).
    public static func dates(randomCount: Int) -> [Date] {
        var generator = SystemRandomNumberGenerator()
        var dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 951_782_400),
            Date(timeIntervalSince1970: 4_107_542_399.999), Date(timeIntervalSince1970: -2_208_988_800.5),
            Date(timeIntervalSince1970: 1_767_225_600.0009), Date(timeIntervalSince1970: 1_710_072_000.75),
        ]
        for _ in 0..<randomCount {
            dates.append(
                Date(timeIntervalSince1970: Double.random(in: -5_000_000_000...8_000_000_000, using: &generator)))
        }
        return dates
    }
}
