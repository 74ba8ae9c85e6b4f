/// Calendar arithmetic on the proleptic Gregorian calendar, without Foundation.
///
/// Formatting millions of timestamps through `DateFormatter` or `Date.ISO8601FormatStyle` would cost
/// more than encoding the records themselves, so timestamps are plain epoch seconds and the
/// conversion uses Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
enum CivilTime {
    /// A broken-down wall-clock time.
    struct Fields: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        var second: Int
    }

    static let secondsPerDay: Int64 = 86_400

    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil fields of a count of seconds since 1970-01-01T00:00:00 (in whatever zone the count is in).
    static func fields(of seconds: Int64) -> Fields {
        var days = seconds / secondsPerDay
        var rest = seconds - days * secondsPerDay
        if rest < 0 {
            days -= 1
            rest += secondsPerDay
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Fields(
            year: Int(year),
            month: Int(month),
            day: Int(day),
            hour: Int(rest / 3600),
            minute: Int(rest % 3600 / 60),
            second: Int(rest % 60)
        )
    }

    /// Seconds since the epoch of civil fields (read in the same zone as the result).
    static func seconds(of fields: Fields) -> Int64 {
        days(year: fields.year, month: fields.month, day: fields.day) * secondsPerDay
            + Int64(fields.hour * 3600 + fields.minute * 60 + fields.second)
    }

    /// Writes `YYYY-MM-DDTHH:MM:SS` (19 bytes) at `pointer`; the caller guarantees the room.
    static func writeISO(_ seconds: Int64, to pointer: UnsafeMutableRawBufferPointer) {
        let f = fields(of: seconds)
        @inline(__always) func put(_ value: Int, _ width: Int, _ at: Int) {
            var rest = value
            var index = at + width - 1
            while index >= at {
                pointer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                index -= 1
            }
        }
        put(min(max(f.year, 0), 9999), 4, 0)
        pointer[4] = UInt8(ascii: "-")
        put(f.month, 2, 5)
        pointer[7] = UInt8(ascii: "-")
        put(f.day, 2, 8)
        pointer[10] = UInt8(ascii: "T")
        put(f.hour, 2, 11)
        pointer[13] = UInt8(ascii: ":")
        put(f.minute, 2, 14)
        pointer[16] = UInt8(ascii: ":")
        put(f.second, 2, 17)
    }

    /// `YYYY-MM-DDTHH:MM:SS` as a `String`, for the places that are not hot.
    static func isoString(_ seconds: Int64) -> String {
        let bytes = [UInt8](unsafeUninitializedCapacity: 19) { buffer, count in
            writeISO(seconds, to: UnsafeMutableRawBufferPointer(buffer))
            count = 19
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
